import { analyzeWord, compoundTerm, ELISION, JOINER, splitWords } from '../analysis/index.js';

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
    let capacity = this.data.length * 2;
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

/**
 * Analyzes `text`: pushes the term id (or -1 for a stop word) of every word
 * position to `sequence` when given, and every term to index to `indexed`
 * (token terms and compound wholes, in `indexTerms` order).
 */
export function analyzeText(text: string, dictionary: TermDictionary, indexed: IntList, sequence: IntList | null): void {
  if (text === '') return;
  for (let raw of splitWords(text)) {
    const elision = ELISION.exec(raw);
    if (elision && elision[0].length < raw.length) raw = raw.slice(elision[0].length);
    if (!JOINER.test(raw)) {
      const id = dictionary.word(raw);
      if (id >= 0) indexed.push(id);
      sequence?.push(id);
      continue;
    }
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
    if (analyzedParts > 1) indexed.push(dictionary.id(compoundTerm(parts)));
  }
}
