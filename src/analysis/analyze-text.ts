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
 * costs no substring, no string hashing and no analysis. The words' characters
 * are kept in one array of code units, not as strings: a substring of a text
 * would keep the whole text alive and cost an indirection at each compare.
 */
class WordTable {
  /** Where each slot's word starts in `characters`, -1 for an empty slot. */
  private starts = new Int32Array(1 << 16).fill(-1);
  private lengths = new Int32Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private characters = new Uint16Array(1 << 18);
  private used = 0;
  private size = 0;

  constructor(private readonly dictionary: TermDictionary) {}

  lookup(text: string, start: number, end: number, hash: number): number {
    const { starts, lengths, hashes, characters } = this;
    const mask = starts.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = starts[slot];
      if (at < 0) break;
      if (hashes[slot] !== hash || lengths[slot] !== length) continue;
      let k = 0;
      while (k < length && characters[at + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return this.values[slot];
    }
    const term = analyzeWord(text.slice(start, end));
    const id = term === null ? -1 : this.dictionary.id(term);
    if (this.size >= starts.length >> 1) this.grow();
    this.insert(this.keep(text, start, length), length, hash, id);
    return id;
  }

  /** Copies a word's characters into `characters` and returns where they start. */
  private keep(text: string, start: number, length: number): number {
    if (this.used + length > this.characters.length) {
      const grown = new Uint16Array(Math.max(this.characters.length * 2, this.used + length));
      grown.set(this.characters.subarray(0, this.used));
      this.characters = grown;
    }
    const at = this.used;
    for (let k = 0; k < length; k++) this.characters[at + k] = text.charCodeAt(start + k);
    this.used += length;
    return at;
  }

  private insert(at: number, length: number, hash: number, id: number): void {
    const mask = this.starts.length - 1;
    let slot = hash & mask;
    while (this.starts[slot] >= 0) slot = (slot + 1) & mask;
    this.starts[slot] = at;
    this.lengths[slot] = length;
    this.hashes[slot] = hash;
    this.values[slot] = id;
    this.size++;
  }

  private grow(): void {
    const { starts, lengths, hashes, values } = this;
    // Bounded: past 4 million words, start again (the ids stay, only the shortcut is lost).
    const restart = starts.length >= 1 << 23;
    const capacity = restart ? starts.length : starts.length * 2;
    this.starts = new Int32Array(capacity).fill(-1);
    this.lengths = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.size = 0;
    if (restart) {
      this.used = 0;
      return;
    }
    for (let slot = 0; slot < starts.length; slot++) if (starts[slot] >= 0) this.insert(starts[slot], lengths[slot], hashes[slot], values[slot]);
  }
}

/** Where analyzeText writes term ids: an IntList of the index stage, or anything with `push`. */
export interface IdSink {
  push(id: number): void;
}

/**
 * Where spans of an analysed text (its quotations) fall among its words,
 * noted at their boundaries as the text is scanned, so that a span takes
 * its terms from the text's analysis without being analysed again
 * (src/index/quotation-record.ts). `boundaries`: the first `count` offsets,
 * ascending. For each, SPAN_MARK numbers are pushed to `marks`, in that order:
 * the first position whose word starts at or after it, the number of terms
 * to index before that position, and of the word just before it: its start,
 * its end, its first position and the number of terms to index before that.
 */
export interface SpanMarks {
  boundaries: Int32Array;
  count: number;
  marks: IdSink;
}

/** Numbers noted per boundary of a span (SpanMarks). */
export const SPAN_MARK = 6;

/**
 * Analyzes `text`: pushes the term id (or -1 for a stop word) of every word
 * position to `sequence` when given, and every term to index to `indexed`
 * (token terms and compound wholes, in `indexTerms` order), and with `spans`
 * (and a sequence) where the spans' boundaries fall. Plain words go through
 * a WordTable; words with joiners (elisions, compounds) are cut into parts
 * as `tokenize` cuts them.
 */
export function analyzeText(text: string, dictionary: TermDictionary, indexed: IdSink, sequence: IdSink | null, spans: SpanMarks | null = null): void {
  const table = dictionary.wordTable;
  const word = scannedWord();
  const boundaries = sequence !== null && spans !== null ? spans.count : 0;
  let boundary = 0;
  let position = 0;
  let indexedCount = 0;
  // The word before the one at hand: start, end, first position, terms to index before it.
  let lastStart = -1;
  let lastEnd = -1;
  let lastPosition = 0;
  let lastIndexed = 0;
  for (let i = 0; nextWord(text, i, word, true); i = word.end) {
    if (boundary < boundaries) {
      boundary = markBoundaries(spans!, boundary, word.start, position, indexedCount, lastStart, lastEnd, lastPosition, lastIndexed);
      lastStart = word.start;
      lastEnd = word.end;
      lastPosition = position;
      lastIndexed = indexedCount;
    }
    if (!word.joined) {
      const id = table.lookup(text, word.start, word.end, word.hash);
      if (id >= 0) {
        indexed.push(id);
        indexedCount++;
      }
      sequence?.push(id);
      position++;
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
      position++;
    }
    indexedCount += analyzedParts;
    if (parts.length > 1 && analyzedParts > 1) {
      indexed.push(dictionary.id(compoundTerm(parts)));
      indexedCount++;
    }
  }
  if (boundary < boundaries) markBoundaries(spans!, boundary, Infinity, position, indexedCount, lastStart, lastEnd, lastPosition, lastIndexed);
}

/** Notes the boundaries from `boundary` on that are not after `upTo` (SpanMarks), and returns the next one. */
function markBoundaries(spans: SpanMarks, boundary: number, upTo: number, position: number, indexedCount: number, lastStart: number, lastEnd: number, lastPosition: number, lastIndexed: number): number {
  const { boundaries, count, marks } = spans;
  for (; boundary < count && boundaries[boundary] <= upTo; boundary++) {
    marks.push(position);
    marks.push(indexedCount);
    marks.push(lastStart);
    marks.push(lastEnd);
    marks.push(lastPosition);
    marks.push(lastIndexed);
  }
  return boundary;
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
