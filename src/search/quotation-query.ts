import { facetKey, foldWord, splitWords, tokenize, type Token } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import type { Quote } from '../ingest/types.js';
import { containsPhrase } from './document-tokens.js';
import { escapeHtml, highlightRange, snippet } from './highlight.js';
import { clauseTerms } from './evaluate.js';
import { phrasePattern } from './phrases.js';
import { citedSpeakers } from './quote-speakers.js';
import type { Clause, ParsedQuery, QuotationHit } from './types.js';

/**
 * Searches by who said it. `cite:Lavrov guerre` (or `cite:"Wang Yi"
 * "guerre froide"`) finds the articles that quote a speaker named so saying
 * those words: the query's other words and phrases are searched in the
 * quotations (the `quotes` field), then an article is kept only when one
 * quotation holds them all and is that speaker's. A name matches a speaker
 * when its words are among the speaker's (accents and case aside): `cite:Lavrov`
 * is "Sergueï Lavrov". Excluded words (`-mot`) and prefixed clauses keep
 * their meaning on the whole article.
 */

export const CITE_PREFIXES: ReadonlySet<string> = new Set(['cite', 'cité']);

/** The other positive clauses of a query with a `cite:` name, searched in the quotations only. */
export function restrictToQuotations(clauses: Clause[]): Clause[] {
  return clauses.map((c) => {
    if (c.kind === 'any') return { ...c, clauses: restrictToQuotations(c.clauses) };
    // NEAR has no field: it keeps its meaning on the whole article
    return c.kind === 'near' || c.negated || c.field ? c : { ...c, field: 'quotes' };
  });
}

/** Whether a quotation's speaker is the name as typed: every word of the name among the speaker's words. */
export function speakerIs(speaker: string | null, name: string): boolean {
  if (speaker === null) return false;
  const wanted = splitWords(name).map(foldWord);
  return wanted.length > 0 && speakerHolds(speakerWords_(speaker), wanted);
}

const speakerWordCache = new Map<string, Set<string>>();
/** The folded words of a speaker's name, cached: a search checks the same few names over thousands of quotations. */
function speakerWords_(speaker: string): Set<string> {
  let words = speakerWordCache.get(speaker);
  if (!words) {
    if (speakerWordCache.size > 100_000) speakerWordCache.clear();
    speakerWordCache.set(speaker, (words = new Set(facetKey(speaker).split(' '))));
  }
  return words;
}

function speakerHolds(words: Set<string>, wanted: string[]): boolean {
  return wanted.every((w) => words.has(w));
}

type Test = (tokens: Token[]) => boolean;

function clauseTest(searcher: Searcher, clause: Clause): Test | null {
  if (clause.kind === 'any') {
    const sides = clause.clauses.map((c) => clauseTest(searcher, c)).filter((t): t is Test => t !== null);
    return sides.length ? (tokens) => sides.some((t) => t(tokens)) : null;
  }
  if (clause.kind === 'near' || clause.negated || clause.field !== 'quotes') return null;
  if (clause.kind === 'phrase') {
    const pattern = phrasePattern(clause.words);
    return pattern ? (tokens) => containsPhrase(tokens, pattern.terms, pattern.offsets) : null;
  }
  const terms = new Set(clauseTerms(searcher, clause));
  return (tokens) => tokens.some((t) => terms.has(t.term));
}

/** A test on a quotation's term ids: positions from..to of its article's `quotes` sequence (no copy made). */
type IdTest = (sequence: Int32Array, from: number, to: number) => boolean;

/** A flag per term id of `ids` (-1 left out): one array read a position, instead of a Set lookup. */
export function termMask(ids: Iterable<number>): Uint8Array {
  const kept = [...ids].filter((id) => id >= 0);
  const mask = new Uint8Array(kept.length === 0 ? 0 : Math.max(...kept) + 1);
  for (const id of kept) mask[id] = 1;
  return mask;
}

/** Whether positions from..to of `sequence` hold a term of `mask`. */
export function holdsTerm(sequence: Int32Array, from: number, to: number, mask: Uint8Array): boolean {
  for (let p = from; p < to; p++) {
    const id = sequence[p];
    if (id >= 0 && id < mask.length && mask[id] === 1) return true;
  }
  return false;
}

/** clauseTest on a quotation's term ids (its part of the article's `quotes` sequence). */
function clauseIdTest(searcher: Searcher, clause: Clause): IdTest | null {
  if (clause.kind === 'any') {
    const sides = clause.clauses.map((c) => clauseIdTest(searcher, c)).filter((t): t is IdTest => t !== null);
    return sides.length ? (sequence, from, to) => sides.some((t) => t(sequence, from, to)) : null;
  }
  if (clause.kind === 'near' || clause.negated || clause.field !== 'quotes') return null;
  if (clause.kind === 'phrase') {
    const pattern = phrasePattern(clause.words);
    if (!pattern) return null;
    const wanted = pattern.terms.map((t) => searcher.positions.termId(t));
    return wanted.includes(-1) ? () => false : (sequence, from, to) => holdsPhrase(sequence, from, to, wanted, pattern.offsets);
  }
  const mask = termMask(clauseTerms(searcher, clause).map((t) => searcher.positions.termId(t)));
  return (sequence, from, to) => holdsTerm(sequence, from, to, mask);
}

/** Whether positions from..to of `sequence` hold the phrase's term ids at its offsets. */
export function holdsPhrase(sequence: Int32Array, from: number, to: number, wanted: number[], offsets: number[]): boolean {
  const span = offsets[offsets.length - 1];
  for (let p = from; p + span < to; p++) {
    if (sequence[p] !== wanted[0]) continue;
    let all = true;
    for (let k = 1; k < wanted.length && all; k++) all = sequence[p + offsets[k]] === wanted[k];
    if (all) return true;
  }
  return false;
}

/** What a quotation of a `cite:` query must be: the speaker's, holding every clause searched in the quotations. */
export interface QuotationMatcher {
  matches(quote: Quote): boolean;
  /**
   * The same on quotation i of the index's quotation table (src/search/quote-speakers.ts),
   * of article n: on its speaker id and term ids, reading no text.
   */
  matchesAt(n: number, i: number): boolean;
  /** The article-level match already ensures a quotation matches: no quotation need be read to filter. */
  articleMatchSuffices: boolean;
  /** The folded words of each `cite:` name, and whether the quotation's words are asked for too. */
  names: string[][];
  needsWords: boolean;
}

export function quotationMatcher(searcher: Searcher, parsed: ParsedQuery): QuotationMatcher | null {
  const names = (parsed.cited ?? []).map((name) => splitWords(name).map(foldWord)).filter((w) => w.length > 0);
  const quoteClauses = parsed.clauses.filter(searchesQuotes).length;
  if (names.length === 0 && quoteClauses === 0) return null;
  const tests = parsed.clauses.map((c) => clauseTest(searcher, c)).filter((t): t is Test => t !== null);
  const idTests = parsed.clauses.map((c) => clauseIdTest(searcher, c)).filter((t): t is IdTest => t !== null);
  const table = searcher.quoteSpeakers;
  const cited = names.length > 0 ? citedSpeakers(table, names) : null;
  const matcher: QuotationMatcher = {
    names,
    needsWords: tests.length > 0,
    // `citation:mot` alone: the article matched the word in its quotations, so one of them holds it
    articleMatchSuffices: names.length === 0 && quoteClauses === 1,
    matches(quote) {
      if (names.length > 0 && (quote.speaker === null || !names.every((wanted) => speakerHolds(speakerWords_(quote.speaker!), wanted)))) return false;
      if (tests.length === 0) return true;
      const tokens = tokenize(quote.text);
      return tests.every((t) => t(tokens));
    },
    matchesAt(n, i) {
      if (cited && (table.quoteSpeaker[i] < 0 || cited[table.quoteSpeaker[i]] === 0)) return false;
      if (idTests.length === 0) return true;
      // An article whose quotations have no places in the index (an index built otherwise): their words, from the text.
      if (table.aligned[n] === 0) return matcher.matches(searcher.documents[n].quotes[i - table.offsets[n]]);
      const from = table.sequenceStart[i];
      const to = from + table.sequenceLength[i];
      const sequence = searcher.positions.sequence(n, table.sequenceField[i] as 0 | 1 | 2);
      for (let t = 0; t < idTests.length; t++) if (!idTests[t](sequence, from, to)) return false;
      return true;
    },
  };
  return matcher;
}

/** The clauses a quotation must hold, unrestricted (for a table of quotations), or null when the query asks nothing of quotations. */
export function quotationClauses(parsed: ParsedQuery): Clause[] | null {
  const strip = (c: Clause): Clause | null => {
    if (c.kind === 'any') {
      const sides = c.clauses.map(strip).filter((x): x is Clause => x !== null);
      return sides.length === c.clauses.length ? { kind: 'any', clauses: sides } : null;
    }
    if (c.kind === 'near' || c.negated || c.field !== 'quotes') return null;
    const { field: _field, ...rest } = c;
    return rest as Clause;
  };
  const clauses = parsed.clauses.map(strip).filter((c): c is Clause => c !== null);
  return (parsed.cited ?? []).length === 0 && clauses.length === 0 ? null : clauses;
}

/** The folded words every `cite:` name asks of a quotation's speaker. */
export function speakerWords(parsed: ParsedQuery): string[] {
  return [...new Set((parsed.cited ?? []).flatMap((name) => splitWords(name).map(foldWord)))];
}

function searchesQuotes(clause: Clause): boolean {
  if (clause.kind === 'any') return clause.clauses.some(searchesQuotes);
  return clause.kind !== 'near' && !clause.negated && clause.field === 'quotes';
}

/** The positions in `docs` of the articles one of whose quotations matches. */
export function keepQuoted(searcher: Searcher, docs: Int32Array, scores: Float64Array | null, matcher: QuotationMatcher): { docs: Int32Array; scores: Float64Array | null } {
  if (matcher.articleMatchSuffices) return { docs, scores };
  const kept: number[] = [];
  // On integer arrays: the speaker's id first, then the quotation's term ids
  const { offsets } = searcher.quoteSpeakers;
  for (let k = 0; k < docs.length; k++) {
    const n = docs[k];
    for (let i = offsets[n]; i < offsets[n + 1]; i++) {
      if (matcher.matchesAt(n, i)) {
        kept.push(k);
        break;
      }
    }
  }
  return { docs: Int32Array.from(kept, (k) => docs[k]), scores: scores ? Float64Array.from(kept, (k) => scores[k]) : null };
}

/** HTML of the first quotation of an article that matches, its matched words in <mark>, with its speaker: a `cite:` result's snippet. */
export function quotationSnippet(quotes: readonly Quote[], matcher: QuotationMatcher, terms: ReadonlySet<string>): string | null {
  const quote = quotes.find((q) => matcher.matches(q));
  if (!quote) return null;
  const html = snippet(quote.text, tokenize(quote.text), terms, QUOTATION_SNIPPET_LENGTH);
  return `« ${html} »${quote.speaker ? ` (${escapeHtml(quote.speaker)})` : ''}`;
}

/** A quotation is shown longer than a passage of text: it is the answer. */
const QUOTATION_SNIPPET_LENGTH = 320;

/** The first words of a quotation (up to eight), for a link to its place. */
export function quotationOpening(text: string): string {
  return text.split(' ').slice(0, 8).join(' ').replace(/ \[…\].*$/u, '');
}

/**
 * The quotations of an article to show in the 'Citations' view: those the
 * matcher accepts (cite:, citation:), else those holding a matched word,
 * else (no words asked) all of them.
 */
export function quotationHits(quotes: readonly Quote[], matcher: QuotationMatcher | null, terms: ReadonlySet<string>): QuotationHit[] {
  const hits: QuotationHit[] = [];
  for (const quote of quotes) {
    if (matcher && !matcher.matches(quote)) continue;
    const tokens = tokenize(quote.text);
    if (!matcher && terms.size > 0 && !tokens.some((t) => terms.has(t.term))) continue;
    hits.push({ html: highlightRange(quote.text, tokens, terms), speaker: quote.speaker, kind: quote.kind, start: quote.start, opening: quotationOpening(quote.text) });
  }
  return hits;
}
