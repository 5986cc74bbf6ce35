import data from './organisations.json' with { type: 'json' };
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { tokenize, type Token } from '../text/tokens.js';

/** The curated organisations of organisations.json, compiled once. */

interface Entry {
  name: string;
  kind?: string;
  aliases: string[];
}

const entries = data.organisations as Entry[];

/** Every alias and canonical name -> canonical name. */
export const organisationMatcher = new PhraseMatcher(
  entries.flatMap((entry) => [entry.name, ...entry.aliases].map((phrase) => ({ phrase, value: entry.name }))),
);

const MEDIA = new Set(entries.filter((entry) => entry.kind === 'media').map((entry) => entry.name));

const SEATS = new Set(entries.filter((entry) => entry.kind === 'seat').map((entry) => entry.name));

/** Whether a canonical name is a building standing for an institution ("Élysée", "Kremlin"). */
export function isSeat(name: string): boolean {
  return SEATS.has(name);
}

/** Whether a canonical name is a publisher or a press agency. */
export function isMedia(name: string): boolean {
  return MEDIA.has(name);
}

/** Publishers and press agencies only: alias -> canonical name ("Agence France-Presse" -> "AFP"). */
export const mediaMatcher = new PhraseMatcher(
  entries
    .filter((entry) => MEDIA.has(entry.name))
    .flatMap((entry) => [entry.name, ...entry.aliases].map((phrase) => ({ phrase, value: entry.name }))),
);

/**
 * Media titles without their leading article, read after "du", "au": "Le
 * Figaro" -> "Figaro" ("au Figaro"). Indexed by the first word's folded form:
 * only tokens after such an article are looked up.
 */
const mediaTails = new Map<string, { words: string[]; plural: boolean; value: string }[]>();
for (const entry of entries) {
  if (!MEDIA.has(entry.name)) continue;
  for (const phrase of [entry.name, ...entry.aliases]) {
    if (!/^(?:Le|Les) \S/u.test(phrase)) continue;
    const words = tokenize(phrase).slice(1).map((t) => t.key);
    const list = mediaTails.get(words[0]) ?? [];
    list.push({ words, plural: phrase.startsWith('Les '), value: entry.name });
    mediaTails.set(words[0], list);
  }
}

/**
 * The media title whose article-less form starts at token i, after the
 * contraction of its article ("du"/"au" for "Le", "des"/"aux" for "Les"),
 * with the index after it; else null.
 */
export function mediaTailAt(tokens: Token[], i: number, plural: boolean): { value: string; to: number } | null {
  const candidates = mediaTails.get(tokens[i].key);
  if (!candidates) return null;
  let best: { value: string; to: number } | null = null;
  for (const { words, plural: ofPlural, value } of candidates) {
    if (ofPlural !== plural || i + words.length > tokens.length || (best && best.to - i >= words.length)) continue;
    if (words.every((word, k) => tokens[i + k].key === word)) best = { value, to: i + words.length };
  }
  return best;
}

/** Institution words too generic to take a capitalised word after them as their name ("le Centre Beaubourg", "le Bureau Ovale"). */
export const GENERIC_HEADS = new Set(data.institutionHeads.generic);

/** All-capital words that are not organisations ("AE", "COVID"). */
export const NOT_ORGANISATION_WORDS = new Set(data.notOrganisations.words);

/** Capitalised words that open an organisation's name ("Organisation", "Conseil"…). */
export const INSTITUTION_HEADS = new Set(data.institutionHeads.words);

/** Lowercase words that open a name when a capitalised complement follows ("ministère de l'Intérieur", "parquet de Paris"). */
export const LOWERCASE_HEADS = new Set(data.institutionHeads.lowercase);

/** Acronyms of a kind of institution, a name only with their place: "CHU de Bordeaux", "CPAS de Liège". */
export const ACRONYM_HEADS = new Set(data.institutionHeads.acronyms);

/** Folded heads shown in lowercase whatever the text's case, as French typography writes them ("ministère de l'Intérieur"). */
export const LOWERCASE_DISPLAY_HEADS = new Set(data.institutionHeads.shownLowercase);

/** Capitalised words that may stand before an institution word and belong to the name ("Haut Conseil", "Haute Autorité"). */
export const NAME_PREFIXES = new Set(data.institutionHeads.prefixes);

/** Canonical name of a known organisation given by any of its names, whatever its case; else null. */
export function canonicalOrganisation(name: string): string | null {
  return organisationMatcher.lookup(name);
}
