import { compoundTerm, analyzeWord } from './tokenize.js';
import { WordTable } from './word-table.js';
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
  /** The shortcut from a joined word's characters to its analysis in `joinedParts`, made on first use. */
  private joinedTable: WordTable | null = null;
  /** Per joined word analysed: its number of parts n, the term id (or -1) of each part, then its compound's id or -1 (none indexed). */
  joinedParts = new Int32Array(1 << 12);
  private joinedLength = 0;

  get wordTable(): WordTable {
    return (this.table ??= new WordTable((word) => {
      const term = analyzeWord(word);
      return term === null ? -1 : this.id(term);
    }));
  }

  get joinedWords(): WordTable {
    return (this.joinedTable ??= new WordTable(
      (word) => this.joined(word),
      () => (this.joinedLength = 0),
    ));
  }

  /** Analyses a word with joiners as `tokenize` cuts it into parts (elision dropped), into `joinedParts`, and returns where it is. */
  private joined(raw: string): number {
    const parts = withoutElision(raw).split(JOINER);
    const at = this.joinedLength;
    if (at + parts.length + 2 > this.joinedParts.length) {
      const grown = new Int32Array(Math.max(this.joinedParts.length * 2, at + parts.length + 2));
      grown.set(this.joinedParts.subarray(0, at));
      this.joinedParts = grown;
    }
    const entry = this.joinedParts;
    entry[at] = parts.length;
    let analyzedParts = 0;
    for (const [k, part] of parts.entries()) {
      const id = this.word(part);
      entry[at + 1 + k] = id;
      if (id >= 0) analyzedParts++;
    }
    entry[at + 1 + parts.length] = parts.length > 1 && analyzedParts > 1 ? this.id(compoundTerm(parts)) : -1;
    this.joinedLength = at + parts.length + 2;
    return at;
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
  const joinedWords = dictionary.joinedWords;
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
    const at = joinedWords.lookup(text, word.start, word.end, word.hash);
    const entry = dictionary.joinedParts;
    const parts = entry[at];
    for (let k = 1; k <= parts; k++) {
      const id = entry[at + k];
      if (id >= 0) {
        indexed.push(id);
        indexedCount++;
      }
      sequence?.push(id);
      position++;
    }
    const compound = entry[at + parts + 1];
    if (compound >= 0) {
      indexed.push(compound);
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
