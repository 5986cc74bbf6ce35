import { analyzeWord, compoundTerm, ELISION, JOINER } from '../analysis/index.js';

/**
 * One pass of the French analysis over a text that yields, at once, what
 * `tokenize` and `indexTerms` (src/analysis) yield separately: the analyzed
 * term at each word position (for phrase checks) and the terms to index
 * (every token plus each hyphenated compound whole). It is built only from
 * the analysis' exported pieces, with the same rules, and tests check that
 * it agrees with `tokenize` and `indexTerms` token for token.
 *
 * Terms are given as ids of a `TermDictionary`, so that callers count and
 * store integers, not strings.
 */
export class TermDictionary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Analyzed term of a raw word part, or null for a stop word: a word's analysis never changes. */
  private readonly analyzed = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** Term id of one plain word (no joiner), -1 for a stop word. */
  word(part: string): number {
    let id = this.analyzed.get(part);
    if (id === undefined) {
      const term = analyzeWord(part);
      id = term === null ? -1 : this.id(term);
      if (this.analyzed.size >= 1_000_000) this.analyzed.clear();
      this.analyzed.set(part, id);
    }
    return id;
  }
}

/** A growable list of 32-bit integers. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  grow(minimum: number): void {
    let capacity = Math.max(16, this.data.length * 2);
    while (capacity < minimum) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** A copy of the values pushed so far. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Word characters as the analysis' WORD pattern has them ([\p{L}\p{N}]), for the Basic Multilingual Plane: 0 unknown, 1 yes, 2 no. */
const BMP_WORD = new Uint8Array(65536);
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
for (let c = 0; c < 128; c++) BMP_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2 code units) of the word character at `i`, or 0 when there is none. */
function wordCharacterAt(text: string, i: number): number {
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

/** The analysis' JOINER characters: - ' ’ and the non-breaking hyphen. */
function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2011;
}

/**
 * Term ids of plain words (no joiner) by their characters: a hash table
 * probed with a hash computed while scanning, so that a word already seen
 * costs no substring, no string hashing and no analysis.
 */
class WordTable {
  private keys: (string | undefined)[] = new Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  constructor(private readonly dictionary: TermDictionary) {}

  lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.keys.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] !== hash || key.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (key.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return this.values[slot];
    }
    const word = text.slice(start, end);
    const term = analyzeWord(word);
    const id = term === null ? -1 : this.dictionary.id(term);
    if (this.size >= this.keys.length >> 1) this.grow();
    this.insert(word, hash, id);
    return id;
  }

  private insert(word: string, hash: number, id: number): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = word;
    this.hashes[slot] = hash;
    this.values[slot] = id;
    this.size++;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    // Bounded: past 4 million words, start again (the ids stay, only the shortcut is lost).
    const capacity = keys.length >= 1 << 23 ? keys.length : keys.length * 2;
    this.keys = new Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.size = 0;
    if (capacity === keys.length) return;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== undefined) this.insert(keys[slot]!, hashes[slot], values[slot]);
  }
}

const WORD_TABLES = new WeakMap<TermDictionary, WordTable>();

/**
 * Analyzes `text`: pushes the term id (or -1 for a stop word) of every word
 * position to `sequence` when given, and every term to index to `indexed`
 * (token terms and compound wholes, in `indexTerms` order).
 *
 * Words are found by a hand-written scanner equivalent to the analysis'
 * WORD pattern (letters and digits joined by inner hyphens or apostrophes);
 * plain words go through a WordTable; words with joiners (elisions,
 * compounds) through the analysis' own ELISION, JOINER and compoundTerm.
 */
export function analyzeText(text: string, dictionary: TermDictionary, indexed: IntList, sequence: IntList | null): void {
  let table = WORD_TABLES.get(dictionary);
  if (!table) WORD_TABLES.set(dictionary, (table = new WordTable(dictionary)));
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = wordCharacterAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5 | 0;
    let joined = false;
    for (;;) {
      while (step > 0) {
        hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
        if (step === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
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
    if (!joined) {
      const id = table.lookup(text, start, i, hash);
      if (id >= 0) indexed.push(id);
      sequence?.push(id);
      continue;
    }
    let raw = text.slice(start, i);
    const elision = ELISION.exec(raw);
    if (elision && elision[0].length < raw.length) raw = raw.slice(elision[0].length);
    const parts = raw.split(JOINER);
    let analyzedParts = 0;
    for (const part of parts) {
      const id = dictionary.word(part);
      if (id >= 0) {
        indexed.push(id);
        analyzedParts++;
      }
      sequence?.push(id);
    }
    if (parts.length > 1 && analyzedParts > 1) indexed.push(dictionary.id(compoundTerm(parts)));
  }
}
