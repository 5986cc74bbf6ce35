/**
 * What a word is, once, for indexing, querying, snippets and highlighting:
 * letters and digits ([\p{L}\p{N}]), joined by inner hyphens or apostrophes
 * ("Chine-Russie", "l'OTAN", "aujourd'hui"). An elision at the start is cut
 * ("l'OTAN" -> "OTAN", unless nothing would be left), and the joiners split
 * the rest into parts ("Chine-Russie" -> "Chine", "Russie").
 *
 * A hand-written scanner rather than a Unicode regular expression: it is on
 * the path of every word of every article, and several times faster. It also
 * hashes the word as it scans, for the term tables of analyze-text.ts.
 */

/** Hyphen, apostrophe, right single quotation mark, non-breaking hyphen. */
export const JOINER = /[-'’‑]/;
/** Elided words of French ("l'", "qu'", "jusqu'"), straight or curly apostrophe. */
export const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]/i;

/** Word characters for the Basic Multilingual Plane: 0 unknown, 1 yes, 2 no. */
const BMP_WORD = new Uint8Array(65536);
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
for (let c = 0; c < 128; c++) BMP_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2 code units) of the word character at `i`, or 0 when there is none. */
export function wordCharacterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let known = BMP_WORD[c];
  if (known === 1) return 1;
  if (known === 2) return 0;
  // Surrogates are never remembered in the table: a lone one is no letter, but a pair may be one.
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  known = BMP_WORD[c] = WORD_CHARACTER.test(text[i]) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2011;
}

/** A word found by `nextWord`: text.slice(start, end); `joined` when it holds a joiner; `hash` (FNV-1a of its code units) only when asked for. */
export interface ScannedWord {
  start: number;
  end: number;
  joined: boolean;
  hash: number;
}

export function scannedWord(): ScannedWord {
  return { start: 0, end: 0, joined: false, hash: 0 };
}

/**
 * Finds the first word of `text` at or after `from` and writes it into
 * `word`; false when there is none. With `hashing`, also the word's hash.
 */
export function nextWord(text: string, from: number, word: ScannedWord, hashing = false): boolean {
  const n = text.length;
  let i = from;
  let step = 0;
  while (i < n && (step = wordCharacterAt(text, i)) === 0) i++;
  if (i >= n) return false;
  word.start = i;
  let hash = 0x811c9dc5 | 0;
  let joined = false;
  for (;;) {
    while (step > 0) {
      if (hashing) {
        hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
        if (step === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
      }
      i += step;
      step = i < n ? wordCharacterAt(text, i) : 0;
    }
    // An inner joiner followed by a word character continues the word.
    if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharacterAt(text, i + 1) > 0) {
      joined = true;
      i++;
      step = wordCharacterAt(text, i);
      continue;
    }
    break;
  }
  word.end = i;
  word.joined = joined;
  word.hash = hash;
  return true;
}

/** Length of the elision that begins a word as written ("l'" of "l'OTAN"), 0 when none or when it is all there is. */
export function elisionLength(raw: string): number {
  const elision = ELISION.exec(raw);
  return elision && elision[0].length < raw.length ? elision[0].length : 0;
}

/** A word as written without its elision ("l'OTAN" -> "OTAN"). */
export function withoutElision(raw: string): string {
  const cut = elisionLength(raw);
  return cut > 0 ? raw.slice(cut) : raw;
}

/** Splits raw text into words as written (joiners kept), for the query parser. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const word = scannedWord();
  for (let i = 0; nextWord(text, i, word); i = word.end) words.push(text.slice(word.start, word.end));
  return words;
}
