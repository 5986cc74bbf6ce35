import { FIELDS, SEQUENCE_FIELD_COUNT, type CompactIndex } from '../index/index.js';

/**
 * The postings of the `quotes` field, which the index does not keep whole:
 * a quotation is a span of its article's text (src/index/quotation-record.ts),
 * so a term's frequency in an article's quotations is its count in those
 * spans of the text's term sequence, plus what the field's own postings
 * hold (compound wholes, which stand at no position, and the words of the
 * few quotations that are not one span of the text). Every article holding
 * a term in a quotation holds it in its text (or in those postings), so the
 * text's postings of the term are the articles to look at. The counts are
 * those a field of the quotations' own words gave, so scores and ranking
 * are the same.
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

export function quotationPostings(compact: CompactIndex): QuotationPostings {
  const { sequences, sequenceOffsets, quoteOffsets, quotePlaces, termOffsets, postings, documentCount } = compact;
  const docs = new Int32Array(documentCount);
  const frequencies = new Int32Array(documentCount);

  /** Occurrences of term `id` in the quotations of article n that are spans of its text. */
  function countInSpans(n: number, id: number): number {
    const base = sequenceOffsets[SEQUENCE_FIELD_COUNT * n + TEXT];
    let count = 0;
    for (let j = quoteOffsets[n]; j < quoteOffsets[n + 1]; j++) {
      const place = quotePlaces[2 * j];
      if (place < 0) continue;
      const end = base + place + quotePlaces[2 * j + 1];
      for (let p = base + place; p < end; p++) if (sequences[p] === id) count++;
    }
    return count;
  }

  return {
    docs,
    frequencies,
    collect(id) {
      // Two ascending lists of (document, frequency) pairs merged: the text's (counted again in the spans) and the field's own.
      let t = termOffsets[id * FIELD_COUNT + TEXT];
      const textEnd = termOffsets[id * FIELD_COUNT + TEXT + 1];
      let q = termOffsets[id * FIELD_COUNT + QUOTES];
      const quotesEnd = termOffsets[id * FIELD_COUNT + QUOTES + 1];
      let count = 0;
      while (t < textEnd || q < quotesEnd) {
        const textDoc = t < textEnd ? postings[2 * t] : documentCount;
        const quotesDoc = q < quotesEnd ? postings[2 * q] : documentCount;
        const n = textDoc < quotesDoc ? textDoc : quotesDoc;
        let frequency = 0;
        if (textDoc === n) {
          if (quoteOffsets[n + 1] > quoteOffsets[n]) frequency = countInSpans(n, id);
          t++;
        }
        if (quotesDoc === n) {
          frequency += postings[2 * q + 1];
          q++;
        }
        if (frequency > 0) {
          docs[count] = n;
          frequencies[count++] = frequency;
        }
      }
      return count;
    },
  };
}
