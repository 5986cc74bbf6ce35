import { compoundTerm, analyzeWord } from './tokenize.js';
import { JOINER, nextWord, scannedWord, withoutElision } from './words.js';

/**
 * The French analysis of a whole text as term ids, in one pass: the
 * analyzed term at each word position (for phrase checks and snippets) and
 * the terms to index (every token plus each hyphenated compound whole), the
 * same as `tokenize` and `indexTerms` give as strings (the words of
 * words.ts, the analysis of tokenize.ts), with tables that make a word
 * already seen cost no substring, hashing or analysis. The index stage uses
 * it; tests check it agrees with `tokenize` and `indexTerms`.
 *
 * Terms are given as ids of a `TermDictionary`, so that callers count and
 * store integers, not strings.
 */
export class TermDictionary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Analyzed term of a raw word part, or null for a stop word: a word's analysis never changes. */
  private readonly analyzed = new Map<string, number>();
  /** The shortcut from a plain word's characters to its id, made on first use (analyzeText). */
  private table: WordTable | null = null;

  get wordTable(): WordTable {
    return (this.table ??= new WordTable(this));
  }

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

/** Where analyzeText writes term ids: an IntList of the index stage, or anything with `push`. */
export interface IdSink {
  push(id: number): void;
}

/**
 * Where the words of an analysed text lie: for each position of its
 * sequence the start and end of its word in the text, and for each term
 * to index the position it stands at (a compound whole at its last part's).
 * A span of the text (a quotation) takes its terms from these, without
 * being analysed again (src/index/quotation-record.ts).
 */
export interface WordLayout {
  wordStarts: IdSink;
  wordEnds: IdSink;
  indexedAt: IdSink;
}

/**
 * Analyzes `text`: pushes the term id (or -1 for a stop word) of every word
 * position to `sequence` when given, and every term to index to `indexed`
 * (token terms and compound wholes, in `indexTerms` order), and with
 * `layout` (and a sequence) where each of them stands. Plain words go
 * through a WordTable; words with joiners (elisions, compounds) are cut into
 * parts as `tokenize` cuts them.
 */
export function analyzeText(text: string, dictionary: TermDictionary, indexed: IdSink, sequence: IdSink | null, layout: WordLayout | null = null): void {
  const table = dictionary.wordTable;
  const word = scannedWord();
  // Positions are counted only for a layout (which needs a sequence).
  const marks = sequence !== null ? layout : null;
  let position = 0;
  for (let i = 0; nextWord(text, i, word, true); i = word.end) {
    if (!word.joined) {
      const id = table.lookup(text, word.start, word.end, word.hash);
      if (id >= 0) indexed.push(id);
      sequence?.push(id);
      if (marks) {
        if (id >= 0) marks.indexedAt.push(position);
        marks.wordStarts.push(word.start);
        marks.wordEnds.push(word.end);
        position++;
      }
      continue;
    }
    const parts = withoutElision(text.slice(word.start, word.end)).split(JOINER);
    let analyzedParts = 0;
    for (const part of parts) {
      const id = dictionary.word(part);
      if (id >= 0) {
        indexed.push(id);
        analyzedParts++;
      }
      sequence?.push(id);
      if (marks) {
        if (id >= 0) marks.indexedAt.push(position);
        marks.wordStarts.push(word.start);
        marks.wordEnds.push(word.end);
        position++;
      }
    }
    if (parts.length > 1 && analyzedParts > 1) {
      indexed.push(dictionary.id(compoundTerm(parts)));
      if (marks) marks.indexedAt.push(position - 1);
    }
  }
}

/**
 * The number of positions analyzeText gives `text` in its sequence (one a
 * word, one a part of a joined word, stop words included): where each of
 * several texts joined into one field starts in that field's sequence.
 */
export function sequenceLength(text: string): number {
  const word = scannedWord();
  let length = 0;
  for (let i = 0; nextWord(text, i, word, true); i = word.end) length += word.joined ? withoutElision(text.slice(word.start, word.end)).split(JOINER).length : 1;
  return length;
}
