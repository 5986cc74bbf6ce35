import { FIELDS, QUOTED_BITS, QUOTED_OVERFLOW, type CompactIndex } from '../index/index.js';

/**
 * The postings of the `quotes` field, which the index does not keep apart:
 * a quotation is a span of its article's text (src/index/quotation-record.ts),
 * so a term's postings in the text carry its frequency in the article's
 * quotations too, in their low bits (src/index/compact.ts, textPosting);
 * the field's own postings hold only what those bits cannot say (a term
 * quoted QUOTED_OVERFLOW times or more, or quoted and not in the text). The
 * frequencies are those of a field of the quotations' own words, so scores
 * and ranking are the same.
 */
export interface QuotationPostings {
  /** Fills `docs` (ascending) and `frequencies` with the articles holding term `id` in a quotation and its count there; returns how many. */
  collect(id: number): number;
  readonly docs: Int32Array;
  readonly frequencies: Int32Array;
}

const FIELD_COUNT = FIELDS.length;
const TEXT = FIELDS.indexOf('text');
const QUOTES = FIELDS.indexOf('quotes');
const QUOTED_MASK = (1 << QUOTED_BITS) - 1;

export function quotationPostings(compact: CompactIndex): QuotationPostings {
  const { termOffsets, postings, documentCount } = compact;
  const docs = new Int32Array(documentCount);
  const frequencies = new Int32Array(documentCount);
  return {
    docs,
    frequencies,
    collect(id) {
      // Two ascending lists merged: the text's postings (their low bits) and the field's own (disjoint from those bits).
      let t = termOffsets[id * FIELD_COUNT + TEXT];
      const textEnd = termOffsets[id * FIELD_COUNT + TEXT + 1];
      let q = termOffsets[id * FIELD_COUNT + QUOTES];
      const quotesEnd = termOffsets[id * FIELD_COUNT + QUOTES + 1];
      let count = 0;
      for (; t < textEnd; t++) {
        const quoted = postings[2 * t + 1] & QUOTED_MASK;
        if (quoted === 0 || quoted === QUOTED_OVERFLOW) continue;
        const n = postings[2 * t];
        for (; q < quotesEnd && postings[2 * q] < n; q++, count++) {
          docs[count] = postings[2 * q];
          frequencies[count] = postings[2 * q + 1];
        }
        docs[count] = n;
        frequencies[count++] = quoted;
      }
      for (; q < quotesEnd; q++, count++) {
        docs[count] = postings[2 * q];
        frequencies[count] = postings[2 * q + 1];
      }
      return count;
    },
  };
}
