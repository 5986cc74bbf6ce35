import { facetKey, foldWord, splitWords, tokenize, type Token } from '../analysis/index.js';
import type { SearchIndex } from '../index/index.js';
import type { Quote } from '../ingest/types.js';
import { containsPhrase } from './document-tokens.js';
import { clauseTerms } from './evaluate.js';
import { phrasePattern } from './phrases.js';
import type { Clause, ParsedQuery } from './types.js';

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

export const CITE_PREFIXES: ReadonlySet<string> = new Set(['cite', 'cité', 'citant']);

/** The other positive clauses of a query with a `cite:` name, searched in the quotations only. */
export function restrictToQuotations(clauses: Clause[]): Clause[] {
  return clauses.map((c) => {
    if (c.kind === 'any') return { ...c, clauses: restrictToQuotations(c.clauses) };
    return c.negated || c.field ? c : { ...c, field: 'quotes' };
  });
}

/** Whether a quotation's speaker is the name as typed: every word of the name among the speaker's words. */
export function speakerIs(speaker: string | null, name: string): boolean {
  if (speaker === null) return false;
  const words = new Set(facetKey(speaker).split(/[\s-]+/u));
  const wanted = splitWords(name).map(foldWord);
  return wanted.length > 0 && wanted.every((w) => words.has(w));
}

type Test = (tokens: Token[]) => boolean;

function clauseTest(index: SearchIndex, clause: Clause): Test | null {
  if (clause.kind === 'any') {
    const sides = clause.clauses.map((c) => clauseTest(index, c)).filter((t): t is Test => t !== null);
    return sides.length ? (tokens) => sides.some((t) => t(tokens)) : null;
  }
  if (clause.negated || clause.field !== 'quotes') return null;
  if (clause.kind === 'phrase') {
    const pattern = phrasePattern(clause.words);
    return pattern ? (tokens) => containsPhrase(tokens, pattern.terms, pattern.offsets) : null;
  }
  const terms = new Set(clauseTerms(index, clause));
  return (tokens) => tokens.some((t) => terms.has(t.term));
}

/** What a quotation of a `cite:` query must be: the speaker's, holding every clause searched in the quotations. */
export interface QuotationMatcher {
  matches(quote: Quote): boolean;
}

export function quotationMatcher(index: SearchIndex, parsed: ParsedQuery): QuotationMatcher | null {
  const names = parsed.cited ?? [];
  if (names.length === 0 && !parsed.clauses.some(searchesQuotes)) return null;
  const tests = parsed.clauses.map((c) => clauseTest(index, c)).filter((t): t is Test => t !== null);
  return {
    matches(quote) {
      if (!names.every((name) => speakerIs(quote.speaker, name))) return false;
      if (tests.length === 0) return true;
      const tokens = tokenize(quote.text);
      return tests.every((t) => t(tokens));
    },
  };
}

function searchesQuotes(clause: Clause): boolean {
  return clause.kind === 'any' ? clause.clauses.some(searchesQuotes) : !clause.negated && clause.field === 'quotes';
}

/** The positions in `docs` of the articles one of whose quotations matches. */
export function keepQuoted(index: SearchIndex, docs: Int32Array, scores: Float64Array | null, matcher: QuotationMatcher): { docs: Int32Array; scores: Float64Array | null } {
  const kept: number[] = [];
  for (let k = 0; k < docs.length; k++) if (index.documents[docs[k]].quotes.some((q) => matcher.matches(q))) kept.push(k);
  return { docs: Int32Array.from(kept, (k) => docs[k]), scores: scores ? Float64Array.from(kept, (k) => scores[k]) : null };
}
