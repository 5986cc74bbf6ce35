import { performance } from 'node:perf_hooks';
import type { SearchResult } from 'minisearch';
import { tokenize } from '../analysis/index.js';
import type { SearchIndex } from '../index/index.js';
import { compileQuery, isEmptyQuery, type CompiledQuery, type PhrasePattern } from './compile-query.js';
import { containsPhrase, documentTokens } from './document-tokens.js';
import { facetTable } from './facet-table.js';
import { facetCounts } from './facets.js';
import { snippet } from './highlight.js';
import { parseQuery } from './parse-query.js';
import { suggestCorrection } from './suggest.js';
import type { SearchHit, SearchRequest, SearchResponse } from './types.js';

/** A document matching the query, before filters: its number, score and the index terms it matched. */
interface Candidate {
  n: number;
  score: number;
  terms: string[];
  queryTerms: string[];
}

function hasPhrase(index: SearchIndex, n: number, phrase: PhrasePattern): boolean {
  const tokens = documentTokens(index, n);
  const fields = phrase.field ? [] : [tokens.title, tokens.text];
  if (phrase.field) {
    // Speaker and organisation names are short: check them as token lists of their own.
    const article = index.documents[n];
    const values = phrase.field === 'speakers' ? article.speakers : article.organisations;
    return values.some((v) => containsPhrase(tokenize(v), phrase.terms, phrase.offsets));
  }
  return fields.some((f) => containsPhrase(f, phrase.terms, phrase.offsets));
}

/** Applies the checks MiniSearch cannot do: phrase adjacency and excluded phrases. */
function passesPhraseChecks(index: SearchIndex, compiled: CompiledQuery, candidate: Candidate): boolean {
  for (const phrase of compiled.requiredPhrases) if (!hasPhrase(index, candidate.n, phrase)) return false;
  for (const { clause } of compiled.alternativePhrases) {
    const matched = clause.some((alt) =>
      alt.kind === 'terms' ? candidate.queryTerms.some((t) => alt.terms.has(t)) || candidate.terms.some((t) => alt.terms.has(t)) : hasPhrase(index, candidate.n, alt.phrase),
    );
    if (!matched) return false;
  }
  for (const phrase of compiled.excludedPhrases) if (hasPhrase(index, candidate.n, phrase)) return false;
  return true;
}

function findCandidates(index: SearchIndex, compiled: CompiledQuery): Candidate[] {
  if (isEmptyQuery(compiled)) {
    // Everything, already newest first: the sort that follows finds it in order.
    return facetTable(index.documents).newestFirst.map((n) => ({ n, score: 0, terms: [], queryTerms: [] }));
  }
  const results: SearchResult[] = compiled.miniSearchQuery
    ? index.miniSearch.search(compiled.miniSearchQuery)
    : index.documents.map((_, n) => ({ id: n, score: 0, terms: [], queryTerms: [], match: {} }));
  const candidates = results.map((r) => ({ n: r.id as number, score: r.score, terms: r.terms, queryTerms: r.queryTerms }));
  const needsChecks = compiled.requiredPhrases.length + compiled.alternativePhrases.length + compiled.excludedPhrases.length > 0;
  return needsChecks ? candidates.filter((c) => passesPhraseChecks(index, compiled, c)) : candidates;
}

/** Newest first (undated last) by the precomputed date rank; ascending reverses dated articles only. */
function compareByDate(index: SearchIndex, ascending: boolean) {
  const { dateRank } = facetTable(index.documents);
  const documents = index.documents;
  return (a: Candidate, b: Candidate): number => {
    if (!ascending) return dateRank[a.n] - dateRank[b.n];
    const da = documents[a.n].date;
    const db = documents[b.n].date;
    if (da === null || db === null) return da === db ? a.n - b.n : da === null ? 1 : -1;
    return dateRank[b.n] - dateRank[a.n];
  };
}

function toHit(index: SearchIndex, candidate: Candidate, compiled: CompiledQuery): SearchHit {
  const article = index.documents[candidate.n];
  const terms = new Set([...candidate.terms, ...compiled.highlightTerms]);
  const text = terms.size > 0 ? snippet(article.text, documentTokens(index, candidate.n).text, terms) : snippet(article.text, [], terms);
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    source: article.source,
    speakers: article.speakers,
    organisations: article.organisations,
    snippet: text,
    score: Math.round(candidate.score * 1000) / 1000,
  };
}

/** Runs a validated search request against an index. */
export function search(index: SearchIndex, request: SearchRequest): SearchResponse {
  const started = performance.now();
  const compiled = compileQuery(parseQuery(request.q));
  const candidates = findCandidates(index, compiled);
  const facets = facetCounts(index.documents, candidates.map((c) => c.n), request);
  const passing = new Set(facets.passing);
  const filtered = candidates.filter((c) => passing.has(c.n));
  const sortByDate = request.sort !== 'relevance' || isEmptyQuery(compiled);
  if (sortByDate) filtered.sort(compareByDate(index, request.sort === 'date-asc'));
  else filtered.sort((a, b) => b.score - a.score || a.n - b.n);
  const first = (request.page - 1) * request.perPage;
  const hits = filtered.slice(first, first + request.perPage).map((c) => toHit(index, c, compiled));
  const suggestion = filtered.length === 0 && !isEmptyQuery(compiled) ? suggestCorrection(index, request.q) : null;
  return {
    query: request.q,
    total: filtered.length,
    took_ms: Math.round((performance.now() - started) * 100) / 100,
    page: request.page,
    per_page: request.perPage,
    sort: request.sort,
    hits,
    facets: { speaker: facets.speaker, organisation: facets.organisation, date: facets.date },
    suggestion,
  };
}
