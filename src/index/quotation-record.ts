import { elisionLength } from '../analysis/index.js';
import { firstNotBefore } from '../ingest/index.js';
import { analyzeText, IntList, type TermDictionary, type WordLayout } from './analyze-fields.js';
import { wordsAt } from './stored-quotes.js';

/**
 * The `quotes` field of an article, taken from its text's analysis: a
 * quotation is a span of the text, so its terms are the text's terms whose
 * words lie in the span, and its term ids by position are a range of the
 * text's sequence. Nothing is analysed twice and no second sequence is
 * kept, except for the few quotations whose words are not one span of the
 * text as it stands (a quote continued after its attribution, joined by
 * " […] "), analysed apart as before.
 *
 * The field's packed record (compact.ts) is then: a count then the ids of
 * the terms to index (its postings and length, as a field of the
 * quotations' own words would give them); a count then the term ids by
 * position of the quotations analysed apart; and a count then, per
 * quotation, its place and its number of positions: a place >= 0 is a
 * position in the text's sequence, a place p < 0 the position -p - 1 in
 * the quotes' own.
 */
/** A quotation as its record needs it: its place, and its words, or null when they are known to be the span's (a loaded build's, stored without words). */
export interface QuotationSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string | null;
}

export class QuotationRecorder {
  private readonly wordStarts = new IntList(1 << 12);
  private readonly wordEnds = new IntList(1 << 12);
  private readonly indexedAt = new IntList(1 << 12);
  private readonly indexed = new IntList(1 << 10);
  private readonly apart = new IntList(1 << 8);
  private readonly places = new IntList(1 << 6);
  private readonly sinks: WordLayout = { wordStarts: this.wordStarts, wordEnds: this.wordEnds, indexedAt: this.indexedAt };

  /** Where the text's analysis writes its layout (emptied for a new text). */
  layout(): WordLayout {
    this.wordStarts.length = 0;
    this.wordEnds.length = 0;
    this.indexedAt.length = 0;
    return this.sinks;
  }

  /**
   * Appends the record of the quotations of `text` to `out`, from the
   * text's analysis (`textIndexed`, `textSequence`, and the layout filled
   * by it), or with `textIndexed` null (the text not analysed) each
   * quotation analysed apart.
   */
  write(quotes: readonly QuotationSpan[], text: string, textIndexed: IntList | null, textSequence: IntList | null, dictionary: TermDictionary, out: IntList): void {
    const { indexed, apart, places } = this;
    indexed.length = 0;
    apart.length = 0;
    places.length = 0;
    for (const quote of quotes) {
      const range = textIndexed && textSequence ? this.rangeOf(quote, text) : null;
      if (range) {
        const [from, to] = range;
        const first = lowerBound(this.indexedAt, from);
        const last = lowerBound(this.indexedAt, to);
        for (let k = first; k < last; k++) indexed.push(textIndexed!.data[k]);
        places.push(from);
        places.push(to - from);
      } else {
        const before = apart.length;
        analyzeText(quote.text ?? wordsAt(text, quote.start, quote.end), dictionary, indexed, apart);
        places.push(-before - 1);
        places.push(apart.length - before);
      }
    }
    append(out, indexed);
    append(out, apart);
    out.push(quotes.length);
    append(out, places, false);
  }

  /** The positions [from, to) of the text's sequence that hold the quotation's words, or null when they are not one span of it. */
  private rangeOf(quote: QuotationSpan, text: string): [number, number] | null {
    const { wordStarts, wordEnds } = this;
    let from = lowerBound(wordStarts, quote.start);
    const to = lowerBound(wordStarts, quote.end);
    if (from > 0 && wordEnds.data[from - 1] > quote.start) {
      // A reported quotation may start after an elision ("qu'|il n'y a…"): the word's positions are those of its part after it.
      const wordStart = wordStarts.data[from - 1];
      if (elisionLength(text.slice(wordStart, wordEnds.data[from - 1])) !== quote.start - wordStart) return null;
      from = lowerBound(wordStarts, wordStart);
    }
    // No word of the text across the end of the span.
    if (to <= from || wordEnds.data[to - 1] > quote.end) return null;
    return quote.text === null || wordsAt(text, quote.start, quote.end) === quote.text ? [from, to] : null;
  }
}


/** First index of ascending `list` whose value is not below `value`. */
const lowerBound = (list: IntList, value: number): number => firstNotBefore(list.length, (k) => list.data[k] < value);

function append(out: IntList, list: IntList, counted = true): void {
  if (counted) out.push(list.length);
  if (out.length + list.length > out.data.length) out.grow(out.length + list.length);
  out.data.set(list.data.subarray(0, list.length), out.length);
  out.length += list.length;
}
