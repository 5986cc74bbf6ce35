/**
 * The index stage's growable integer lists, and the analysis of whole
 * texts into term ids, which lives with the rest of the French analysis
 * (src/analysis/analyze-text.ts) and is re-exported here for the index's
 * modules.
 */
export { analyzeText, TermDictionary, SPAN_MARK, type SpanMarks } from '../analysis/analyze-text.js';

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

