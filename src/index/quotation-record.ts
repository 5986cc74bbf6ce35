import { elisionLength } from '../analysis/index.js';
import { firstNotBefore } from '../ingest/index.js';
import { analyzeText, IntList, SPAN_MARK, type SpanMarks, type TermDictionary } from './analyze-fields.js';
import { spanHoldsWords, wordsAt } from './stored-quotes.js';

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
  private readonly marks = new IntList(1 << 8);
  private readonly spans: SpanMarks = { boundaries: new Int32Array(64), count: 0, marks: this.marks };
  private readonly indexed = new IntList(1 << 10);
  private readonly apart = new IntList(1 << 8);
  /** Per quotation of the last `write`, its place and its number of positions (read by storeQuotes). */
  readonly places = new IntList(1 << 6);
  /** Per quotation of the last `write`, 1 when its words are those of its span of the text (`wordsAt`), else 0. */
  readonly spanWords = new IntList(1 << 6);

  /** What the text's analysis notes for `quotes`, spans of it: where their starts and ends fall among its words. */
  layout(quotes: readonly QuotationSpan[]): SpanMarks {
    const { spans } = this;
    if (spans.boundaries.length < 2 * quotes.length) spans.boundaries = new Int32Array(4 * quotes.length);
    for (const [k, quote] of quotes.entries()) {
      spans.boundaries[2 * k] = quote.start;
      spans.boundaries[2 * k + 1] = quote.end;
    }
    spans.count = 2 * quotes.length;
    spans.boundaries.subarray(0, spans.count).sort();
    this.marks.length = 0;
    return spans;
  }

  /**
   * Appends the record of the quotations of `text` to `out`, from the
   * text's analysis (`textIndexed`, `textSequence`, and the layout filled
   * by it), or with `textIndexed` null (the text not analysed) each
   * quotation analysed apart.
   */
  write(quotes: readonly QuotationSpan[], text: string, textIndexed: IntList | null, textSequence: IntList | null, dictionary: TermDictionary, out: IntList): void {
    const { indexed, apart, places, spanWords } = this;
    indexed.length = 0;
    apart.length = 0;
    places.length = 0;
    spanWords.length = 0;
    // The marks hold the text's analysis of the boundaries only when it was made with this layout.
    const analysed = textIndexed !== null && textSequence !== null && this.marks.length === SPAN_MARK * this.spans.count;
    for (const quote of quotes) {
      // The span's words, made once: compared with the quotation's here, and by storeQuotes.
      const same = quote.text === null || spanHoldsWords(text, quote.start, quote.end, quote.text);
      spanWords.push(same ? 1 : 0);
      const range = analysed && same ? this.rangeOf(quote, text) : null;
      if (range) {
        const [from, to, first, last] = range;
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

  /**
   * The positions [from, to) of the text's sequence that hold the words of
   * the quotation (its words those of its span), and the range [first, last)
   * of the text's terms to index that stand there, or null when they are not
   * one span of it.
   */
  private rangeOf(quote: QuotationSpan, text: string): [number, number, number, number] | null {
    const marks = this.marks.data;
    const s = SPAN_MARK * this.boundaryAt(quote.start);
    const e = SPAN_MARK * this.boundaryAt(quote.end);
    let from = marks[s];
    let first = marks[s + 1];
    const to = marks[e];
    if (from > 0 && marks[s + 3] > quote.start) {
      // A reported quotation may start after an elision ("qu'|il n'y a…"): the word's positions are those of its part after it.
      const wordStart = marks[s + 2];
      if (elisionLength(text.slice(wordStart, marks[s + 3])) !== quote.start - wordStart) return null;
      from = marks[s + 4];
      first = marks[s + 5];
    }
    // No word of the text across the end of the span (the word before the end's boundary is the span's last).
    if (to <= from || marks[e + 3] > quote.end) return null;
    return [from, to, first, marks[e + 1]];
  }

  /** The number of a boundary at `offset` among the sorted boundaries (any of equal ones: their marks are the same). */
  private boundaryAt(offset: number): number {
    const { boundaries, count } = this.spans;
    return firstNotBefore(count, (k) => boundaries[k] < offset);
  }
}

function append(out: IntList, list: IntList, counted = true): void {
  if (counted) out.push(list.length);
  if (out.length + list.length > out.data.length) out.grow(out.length + list.length);
  out.data.set(list.data.subarray(0, list.length), out.length);
  out.length += list.length;
}
