import { findDateMentions } from './dates/date-mentions.js';
import { mediaMatcher } from './organisations/gazetteer.js';
import { cleanLines } from './text/whitespace.js';

/**
 * The publisher, when the text says who published it:
 * - a dateline "Xinhua | 11.01.2022 08h27" (a short name, a bar, a date);
 * - a "Source : X" line;
 * - a known agency in parentheses near the top or at the end ("PÉKIN, 10 janvier (Xinhua) --", "(avec AFP)");
 * - a copyright line "© 2022 Le Monde".
 * Known agencies get their canonical name ("Agence France-Presse" -> "AFP").
 * An agency merely cited in the body ("selon l'agence de presse, Xinhua") is
 * not the publisher: the article may come from anyone quoting it, so it is
 * left out here (it is an organisation of the article instead).
 */

const EDGE_LINES = 8;
const BAR_DATELINE = /^([^|｜]{2,40}?)\s*[|｜]\s*(.+)$/u;
/** "Crédit : Reuters" credits a picture: a photo credit is never the publisher. */
const SOURCE_LINE = /^(?:sources?|agence)\s*:\s*(.{2,60})$/iu;
const PHOTO_CREDIT_LINE = /^(?:\(?\s*(?:crédits?|photos?|illustration|infographie|image)\b)/iu;
/** A copyright states a publisher with its year or its "tous droits réservés"; "© AFP" alone credits a picture. */
const COPYRIGHT_OF_PUBLISHER = /\d{4}|droits réservés/iu;
const PARENTHESES = /\(([^()]{2,40})\)/gu;
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,–-]?\s*)?(.{2,60}?)\s*(?:[.,|]|\s+tous droits|$)/iu;

function normaliseSource(name: string): string | null {
  const cleaned = name.replace(/^(?:avec|par|source)\s*:?\s*/iu, '').replace(/[\s.,;:–-]+$/u, '').trim();
  if (cleaned.length < 2 || cleaned.split(/\s+/).length > 5 || !/\p{L}/u.test(cleaned) || findDateMentions(cleaned, true).length > 0) return null;
  return mediaMatcher.lookup(cleaned) ?? mediaMatcher.lookup(cleaned.replace(/^agence\s+/iu, '')) ?? cleaned;
}

export function extractSource(text: string): string | null {
  const lines = cleanLines(text).filter((line) => line !== '');
  const top = lines.slice(0, EDGE_LINES);
  const bottom = lines.slice(-EDGE_LINES);

  for (const line of top) {
    const bar = BAR_DATELINE.exec(line);
    if (bar && findDateMentions(bar[2], true).length > 0) {
      const source = normaliseSource(bar[1]);
      if (source) return source;
    }
  }
  for (const line of [...top, ...bottom]) {
    const labelled = SOURCE_LINE.exec(line);
    if (labelled) {
      const source = normaliseSource(labelled[1]);
      if (source) return source;
    }
  }
  for (const line of [...top.slice(0, 4), ...bottom.slice(-3)]) {
    if (PHOTO_CREDIT_LINE.test(line)) continue;
    for (const m of line.matchAll(PARENTHESES)) {
      if (PHOTO_CREDIT_LINE.test(m[1])) continue;
      const inner = m[1].replace(/^(?:avec|source|sources)\s*:?\s*/iu, '');
      // the signing agency of a dispatch: "(AFP)", "(ats/nxp)" (agency, then the desk that edited it)
      const agency = mediaMatcher.lookup(inner) ?? mediaMatcher.lookup(inner.split('/')[0]);
      if (agency) return agency;
    }
  }
  for (const line of bottom) {
    const copyright = COPYRIGHT.exec(line);
    if (copyright && COPYRIGHT_OF_PUBLISHER.test(line)) {
      const source = normaliseSource(copyright[1]);
      if (source) return source;
    }
  }
  return null;
}
