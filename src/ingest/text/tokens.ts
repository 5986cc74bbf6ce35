import { isWordCharacterUnit } from './char-classes.js';
import { foldKey } from './fold.js';

/** A word of the text with its place, for matchers that work on words rather than characters. */
export interface Token {
  text: string;
  /** Folded form (lowercase, no accents). */
  key: string;
  start: number;
  end: number;
}

/** [\p{L}\p{N}\p{M}] of one code unit tested one code unit at a time (a surrogate alone is none). */
const isWordCharacter = isWordCharacterUnit;

/**
 * Words: letters and digits, with inner hyphens ("Asie-Pacifique",
 * "COVID-19"); apostrophes split ("l'ONU" -> "l", "ONU"). A hand-written
 * scanner: it is on every article's hot path and is several times faster
 * than a Unicode regular expression.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCharacter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordCharacter(text.charCodeAt(i))) i++;
      // an inner hyphen joins two words into one ("Kassym-Jomart")
      if (i + 1 < n && text.charCodeAt(i) === 45 && isWordCharacter(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    tokens.push({ text: word, key: foldKey(word), start, end: i });
  }
  return tokens;
}
