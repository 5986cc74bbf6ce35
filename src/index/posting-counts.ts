import { INDEXED_FIELDS as FIELDS } from '../analysis/index.js';
import { IntList } from './analyze-fields.js';
import type { ChunkedInts } from './chunked-ints.js';

/**
 * How a document's fields become postings (for CompactBuilder, compact.ts):
 * each field's terms counted with stamps (no clearing between documents),
 * then pushed as (term and field, document, frequency) triples. The text's
 * counts wait for the quotations', which come next in a record: a text
 * posting carries both (textPosting), so that the quotes field needs
 * almost no postings of its own.
 */

const FIELD_COUNT = FIELDS.length;
const TEXT_FIELD = FIELDS.indexOf('text');
const QUOTES_FIELD = FIELDS.indexOf('quotes');

/**
 * A posting of the text field holds the term's frequency in the text and, in its low QUOTED_BITS, its frequency in
 * the article's quotations (spans of the text), so that the quotes field needs no postings of its own but for a
 * term quoted QUOTED_OVERFLOW times or more, or quoted and not in the text (src/search/quotation-postings.ts).
 */
export const QUOTED_BITS = 4;
export const QUOTED_OVERFLOW = (1 << QUOTED_BITS) - 1;
export function textPosting(inText: number, inQuotes: number): number {
  return (inText << QUOTED_BITS) | (inQuotes < QUOTED_OVERFLOW ? inQuotes : QUOTED_OVERFLOW);
}

export class PostingCounter {
  private stamps = new Int32Array(1 << 16);
  private counts = new Int32Array(1 << 16);
  private stamp = 0;
  private readonly touched = new IntList(1024);
  /** The quotations' counts, and the text's distinct terms held until those are known (postTextAndQuotes). */
  private quotedStamps = new Int32Array(1 << 16);
  private quotedCounts = new Int32Array(1 << 16);
  private quotedStamp = 0;
  private readonly quoted = new IntList(1024);
  private readonly textIds = new IntList(1024);
  private textStamp = -1;
  private textPending = false;

  constructor(private readonly postings: ChunkedInts) {}

  /** Makes room for term ids below `size`. */
  fit(size: number): void {
    if (size <= this.stamps.length) return;
    const grown = (array: Int32Array) => {
      const next = new Int32Array(Math.max(size, array.length * 2));
      next.set(array);
      return next;
    };
    this.stamps = grown(this.stamps);
    this.counts = grown(this.counts);
    this.quotedStamps = grown(this.quotedStamps);
    this.quotedCounts = grown(this.quotedCounts);
  }

  /** A new record: nothing held from the one before. */
  startDocument(): void {
    this.textPending = false;
    this.textStamp = -1;
  }

  /** Posts the text's held counts, when no quotations' come with them. */
  postHeldText(n: number): void {
    if (this.textPending) this.postTextAndQuotes(n, 0);
  }

  /** Counts the terms of data[from, to) into `counts`, the distinct ones listed in `touched`; returns how many. */
  countTerms(data: Int32Array, from: number, to: number, remap: Int32Array | null): number {
    return this.countInto(data, from, to, remap, this.stamps, this.counts, this.touched);
  }

  /** countTerms for the quotations, into arrays of their own (the text's counts are still to be posted). */
  countQuoted(data: Int32Array, from: number, to: number, remap: Int32Array | null): number {
    const distinct = this.countInto(data, from, to, remap, this.quotedStamps, this.quotedCounts, this.quoted);
    this.quotedStamp = this.stamp;
    return distinct;
  }

  private countInto(data: Int32Array, from: number, to: number, remap: Int32Array | null, stamps: Int32Array, counts: Int32Array, distinct: IntList): number {
    const stamp = ++this.stamp;
    distinct.length = 0;
    for (let at = from; at < to; at++) {
      const id = remap ? remap[data[at]] : data[at];
      if (stamps[id] !== stamp) {
        stamps[id] = stamp;
        counts[id] = 1;
        distinct.push(id);
      } else counts[id]++;
    }
    return distinct.length;
  }

  /** The postings of the `distinct` terms countTerms listed, in field f of document n. */
  postTerms(n: number, f: number, distinct: number): void {
    const { counts, touched } = this;
    for (let k = 0; k < distinct; k++) {
      const id = touched.data[k];
      this.postings.push3(id * FIELD_COUNT + f, n, counts[id]);
    }
  }

  /** Keeps the text's counts until the quotations' are known: a text posting carries both. */
  holdText(distinct: number): void {
    const { touched, textIds } = this;
    textIds.length = 0;
    for (let k = 0; k < distinct; k++) textIds.push(touched.data[k]);
    this.textStamp = this.stamp;
    this.textPending = true;
  }

  /**
   * Posts the held text counts, each with the term's count in the quotations in its low bits (textPosting), and in
   * the quotes field only what those bits cannot say: a term quoted QUOTED_OVERFLOW times or more, or not in the text.
   */
  postTextAndQuotes(n: number, quotedDistinct: number): void {
    const { counts, stamps, textIds, quotedStamps, quotedCounts, quoted } = this;
    const quotedStamp = quotedDistinct > 0 ? this.quotedStamp : -1;
    if (this.textPending) {
      for (let k = 0; k < textIds.length; k++) {
        const id = textIds.data[k];
        const inQuotes = quotedStamps[id] === quotedStamp ? quotedCounts[id] : 0;
        this.postings.push3(id * FIELD_COUNT + TEXT_FIELD, n, textPosting(counts[id], inQuotes));
      }
      this.textPending = false;
    }
    for (let k = 0; k < quotedDistinct; k++) {
      const id = quoted.data[k];
      if (quotedCounts[id] >= QUOTED_OVERFLOW || stamps[id] !== this.textStamp) this.postings.push3(id * FIELD_COUNT + QUOTES_FIELD, n, quotedCounts[id]);
    }
  }
}
