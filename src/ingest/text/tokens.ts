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
    // what foldKey would find out by reading the word again: plain ASCII (its own key, or lowercased when it has capitals) or not
    let ascii = true;
    let capitals = false;
    for (;;) {
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          if (c >= 97 && c <= 122) continue;
          if (c >= 65 && c <= 90) {
            capitals = true;
            continue;
          }
          if (c >= 48 && c <= 57) continue;
          break;
        }
        if (!isWordCharacter(c)) break;
        ascii = false;
      }
      // an inner hyphen joins two words into one ("Kassym-Jomart")
      if (i + 1 < n && text.charCodeAt(i) === 45 && isWordCharacter(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    tokens.push({ text: word, key: ascii ? (capitals ? word.toLowerCase() : word) : foldKey(word), start, end: i });
  }
  return tokens;
}

