import { sequenceLength } from '../analysis/index.js';
import type { Article, Quote } from '../ingest/types.js';

/**
 * Quotations as a build stores them: their place in the article's text
 * instead of a copy of their words, which the text already holds. A
 * quotation is [start, end, speaker, kind, positions] (kind 'd' direct, 'i'
 * indirect; positions: how many the quotation takes in the sequence of the
 * `quotes` field, src/analysis/analyze-text.ts, so that a search finds each
 * quotation's term ids there without its text); its words are added as a
 * sixth element only when they are not the text between start and end with
 * its whitespace as single spaces (a quote continued after its attribution,
 * joined by " […] "), or when the text is longer than a read returns.
 */
export type StoredQuote = [number, number, string | null, 'd' | 'i', number] | [number, number, string | null, 'd' | 'i', number, string];

/** The quotations of each article by number (a loaded build's: its packed columns, shared-quotes.ts). */
export interface QuotesColumn {
  at(n: number): StoredQuote[] | undefined;
}

/** What a search knows of a quotation without reading its article's text. */
export interface QuoteOutline {
  speaker: string | null;
  kind: Quote['kind'];
  start: number;
  /** Positions in the `quotes` field's sequence. */
  positions: number;
}

/** The words of text[start, end) as a quotation's: whitespace as single spaces, the « repeated at each paragraph of a long quote dropped. */
export function wordsAt(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\n\s*«\s*/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Whitespace that `wordsAt` would change: any but single inner spaces. */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/u;

/** Whether `words` are the words of text[start, end) as `wordsAt` gives them; without making them when the span is already those words exactly. */
export function spanHoldsWords(text: string, start: number, end: number, words: string): boolean {
  if (words.length === end - start && text.startsWith(words, start) && !UNEVEN_SPACE.test(words)) return true;
  return wordsAt(text, start, end) === words;
}

/** What the analysis of the quotations already knows (QuotationRecorder): per quotation its place and its number of positions, and whether its words are its span's. */
export interface RecordedQuotes {
  places: { data: Int32Array };
  spanWords: { data: Int32Array };
}

/**
 * The quotations of an article of text `text`; `readable`: the text is read
 * whole when served (else every quotation keeps its words). With `recorded`
 * (the quotations just analysed), their positions and span words are taken
 * from it rather than found again.
 */
export function storeQuotes(quotes: readonly Quote[], text: string, readable: boolean, recorded?: RecordedQuotes): StoredQuote[] {
  return quotes.map((q, k) => {
    const positions = recorded ? recorded.places.data[2 * k + 1] : sequenceLength(q.text);
    const stored: StoredQuote = [q.start, q.end, q.speaker, q.kind === 'direct' ? 'd' : 'i', positions];
    const spanWords = recorded ? recorded.spanWords.data[k] === 1 : spanHoldsWords(text, q.start, q.end, q.text);
    return readable && spanWords ? stored : [...stored, q.text];
  });
}

export function quoteOf(stored: StoredQuote, text: string): Quote {
  const [start, end, speaker, kind] = stored;
  return { text: stored.length === 6 ? stored[5] : wordsAt(text, start, end), start, end, speaker, kind: kind === 'd' ? 'direct' : 'indirect' };
}

/** Whether every quotation carries its words (no read of the text needed). */
export function quotesCarryWords(stored: readonly StoredQuote[]): boolean {
  return stored.every((q) => q.length === 6);
}

/** The outline of an article's quotations held in memory (a build not saved yet). */
export function outlineOfQuotes(quotes: readonly Quote[]): QuoteOutline[] {
  return quotes.map((q) => ({ start: q.start, speaker: q.speaker, kind: q.kind, positions: sequenceLength(q.text) }));
}

/** An article of a documents.jsonl line, its quotations given their words again. */
export function articleOfLine(line: string): Article {
  const article = JSON.parse(line) as Omit<Article, 'quotes'> & { quotes: StoredQuote[] };
  return { ...article, quotes: article.quotes.map((q) => quoteOf(q, article.text)) };
}
