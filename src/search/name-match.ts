/**
 * Which facet values a few typed letters name, the same on both backends:
 * each typed word begins a word of the value (without case or accents),
 * "serg lav" names "Sergueï Lavrov", "onu" names "ONU" but not "Bonus".
 */
import { facetKey } from '../analysis/index.js';

/** What separates the words of a name: spaces, hyphens, apostrophes, dots. */
export const NAME_WORD_SEPARATORS = String.raw`[\s'’.-]`;

/** The folded words typed, at most eight. */
export function typedNameWords(text: string): string[] {
  return facetKey(text).split(new RegExp(`${NAME_WORD_SEPARATORS}+`)).filter(Boolean).slice(0, 8);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** One regular expression per typed word (JavaScript and PostgreSQL read them alike), matched against folded keys. */
export function namePatterns(text: string): string[] {
  return typedNameWords(text).map((w) => `(^|${NAME_WORD_SEPARATORS})${escapeRegExp(w)}`);
}

/** A test of folded keys, or null when nothing was typed (every value matches). */
export function nameMatcher(text: string): ((key: string) => boolean) | null {
  const patterns = namePatterns(text).map((p) => new RegExp(p));
  if (patterns.length === 0) return null;
  return (key) => patterns.every((p) => p.test(key));
}
