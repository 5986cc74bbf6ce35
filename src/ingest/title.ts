import { cleanDocument } from './chrome/clean.js';
import { isDateOnlyLine } from './dates/date-mentions.js';
import { firstSentence } from './text/sentences.js';

/**
 * The title of an article: its headline when it has one (a short first
 * paragraph that does not end like a sentence), else its first sentence,
 * shortened at a word boundary.
 */

const TITLE_MAX = 120;
const HEADLINE_MAX_CHARS = 200;
const HEADLINE_MAX_WORDS = 30;
/** A headline may end with ? ! … or a closing quote, not with a period, comma, colon or semicolon. */
const ENDS_LIKE_SENTENCE = /[.,;:]$/u;

function isHeadline(paragraph: string): boolean {
  const words = paragraph.split(/\s+/).length;
  return (
    paragraph.length <= HEADLINE_MAX_CHARS &&
    words >= 2 &&
    words <= HEADLINE_MAX_WORDS &&
    !ENDS_LIKE_SENTENCE.test(paragraph) &&
    /^[\p{Lu}\p{N}«"“'‘(]/u.test(paragraph) &&
    !isDateOnlyLine(paragraph)
  );
}

/** Shortens to at most ~120 characters at a word boundary, ending with "…". */
export function shorten(sentence: string, max = TITLE_MAX): string {
  const trimmed = sentence.trim().replace(/\s*\.$/u, '');
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace >= max / 2 ? cut.slice(0, lastSpace) : trimmed.slice(0, max);
  return head.replace(/[\s,;:(«"'’\-–—]+$/u, '') + '…';
}

/**
 * What opens a lead without being its sentence: a dateline ("PARIS |",
 * "Paris —", "MONTRÉAL (AFP) -") or a rubric in capitals ("VIDÉO -",
 * "EN DIRECT :"), a bracketed paper name ("(Le Matin)").
 */
const DATELINE_PREFIX = /^(?:\([^()\n]{1,30}\)\s*)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|la|le|sur|en)){0,3}(?:\s*\([^()\n]{1,20}\))?\s*(?:\||—|–|\s-\s)\s*)/u;
const RUBRIC_PREFIX = /^(?:\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,2})\s*(?:[|—–-])\s+/u;

export function withoutDateline(sentence: string): string {
  let s = sentence;
  for (let i = 0; i < 2; i++) {
    const m = DATELINE_PREFIX.exec(s) ?? RUBRIC_PREFIX.exec(s);
    if (!m || m[0].length >= s.length - 10) break;
    s = s.slice(m[0].length);
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function titleFromParagraphs(paragraphs: string[]): string {
  if (paragraphs.length === 0) return '';
  const first = paragraphs[0];
  if (paragraphs.length > 1 && isHeadline(first)) return first;
  return shorten(firstSentence(withoutDateline(first)));
}

/** The title of a text, chrome ignored. */
export function extractTitle(text: string): string {
  return titleFromParagraphs(cleanDocument(text).paragraphs);
}
