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
 * Words seen before, by their characters: the same strings for every
 * occurrence of a word (its text and its fold), found from a hash made
 * while scanning, so that a word already seen costs no substring, no
 * lowercasing or fold-cache look-up, and its strings' hashes (computed
 * once, kept by V8) make the callers' Map and Set look-ups cheaper.
 * Words longer than V8 copies on slicing (12 units) are not kept: such a
 * slice would keep a whole article's text alive.
 */
const KEPT_LENGTH_MAX = 12;
/** Slots of the table: when half full it starts again (a bounded memory, whatever the corpus). */
const SLOTS = 1 << 17;
const MASK = SLOTS - 1;
const slotStarts = new Int32Array(SLOTS).fill(-1);
const slotHashes = new Int32Array(SLOTS);
const slotLengths = new Uint8Array(SLOTS);
const slotTexts: string[] = new Array<string>(SLOTS).fill('');
const slotKeys: string[] = new Array<string>(SLOTS).fill('');
const characters = new Uint16Array((SLOTS >> 1) * KEPT_LENGTH_MAX);
let charactersUsed = 0;
let wordsKept = 0;

function keepWord(text: string, start: number, end: number, slot: number, hash: number, word: string, key: string): void {
  if (wordsKept >= SLOTS >> 1) {
    slotStarts.fill(-1);
    charactersUsed = 0;
    wordsKept = 0;
    slot = hash & MASK;
  }
  const length = end - start;
  for (let k = 0; k < length; k++) characters[charactersUsed + k] = text.charCodeAt(start + k);
  slotStarts[slot] = charactersUsed;
  slotHashes[slot] = hash;
  slotLengths[slot] = length;
  slotTexts[slot] = word;
  slotKeys[slot] = key;
  charactersUsed += length;
  wordsKept++;
}

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
    let hash = 0x811c9dc5;
    for (;;) {
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          if (c >= 97 && c <= 122) {
            hash = Math.imul(hash ^ c, 0x01000193);
            continue;
          }
          if (c >= 65 && c <= 90) {
            capitals = true;
            hash = Math.imul(hash ^ c, 0x01000193);
            continue;
          }
          if (c >= 48 && c <= 57) {
            hash = Math.imul(hash ^ c, 0x01000193);
            continue;
          }
          break;
        }
        if (!isWordCharacter(c)) break;
        ascii = false;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      // an inner hyphen joins two words into one ("Kassym-Jomart")
      if (i + 1 < n && text.charCodeAt(i) === 45 && isWordCharacter(text.charCodeAt(i + 1))) {
        hash = Math.imul(hash ^ 45, 0x01000193);
        i++;
        continue;
      }
      break;
    }
    const length = i - start;
    if (length > KEPT_LENGTH_MAX) {
      const word = text.slice(start, i);
      tokens.push({ text: word, key: ascii ? (capitals ? word.toLowerCase() : word) : foldKey(word), start, end: i });
      continue;
    }
    let slot = hash & MASK;
    for (; ; slot = (slot + 1) & MASK) {
      const at = slotStarts[slot];
      if (at < 0) break;
      if (slotHashes[slot] !== hash || slotLengths[slot] !== length) continue;
      let k = 0;
      while (k < length && characters[at + k] === text.charCodeAt(start + k)) k++;
      if (k === length) break;
    }
    if (slotStarts[slot] >= 0) {
      tokens.push({ text: slotTexts[slot], key: slotKeys[slot], start, end: i });
      continue;
    }
    const word = text.slice(start, i);
    const key = ascii ? (capitals ? word.toLowerCase() : word) : foldKey(word);
    keepWord(text, start, i, slot, hash, word, key);
    tokens.push({ text: word, key, start, end: i });
  }
  return tokens;
}
