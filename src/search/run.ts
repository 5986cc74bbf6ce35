import { performance } from 'node:perf_hooks';
import { facetFields } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { matchedTextTokens } from './document-tokens.js';
import { evaluateQuery, FULL_RANK, type QueryMatches } from './evaluate.js';
import { bm25Part } from './exactness.js';
import { completions } from './match-terms.js';
import { firstByScore, firstInOrder } from './top-k.js';
import { facetCounts, responseFacets } from './facets.js';
import { archiveCounts } from './archive-counts.js';
import { quotationSpeakerCounts } from './quotation-facet.js';
import { snippet } from './highlight.js';
import { prepareEntities } from './entities.js';
import { inStory, storyOfArticle, storyPage } from './stories.js';
import { parseQuery } from './parse-query.js';
import { keepQuoted, quotationHits, quotationMatcher, quotationSnippet, type QuotationMatcher } from './quotation-query.js';
import { suggestCorrection } from './suggest.js';
import { emptyingFilters, formatClause, understandQuery } from './understood.js';
import { keepShortPrefix, keptShortPrefix, shortPrefixKey } from './short-prefixes.js';
import type { ParsedQuery, SearchHit, SearchRequest, SearchResponse } from './types.js';

/** The order of a result list, on positions in `docs`: by score, newest first, or oldest first (undated last either way). */
function resultOrder(searcher: Searcher, docs: Int32Array, scores: Float64Array | null, sort: SearchRequest['sort']): (a: number, b: number) => boolean {
  const { dateRank, dayOf } = searcher.facets;
  if (sort === 'relevance' && scores) return (a, b) => scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]);
  if (sort !== 'date-asc') return (a, b) => dateRank[docs[a]] < dateRank[docs[b]];
  return (a, b) => {
    const da = dayOf[docs[a]] >= 0;
    const db = dayOf[docs[b]] >= 0;
    if (da !== db) return da;
    return da ? dateRank[docs[a]] > dateRank[docs[b]] : docs[a] < docs[b];
  };
}

function toHit(searcher: Searcher, n: number, score: number, terms: Set<string>, grouped: boolean, lacks: string | null, quoted: QuotationMatcher | null, view: SearchRequest['view']): SearchHit {
  const article = searcher.documents[n];
  // Read once: a loaded index reads and parses the article's line of documents.jsonl on each access.
  const body = searcher.texts.pageText(n);
  // A loaded index gives quotations their words from the text: asked for once.
  const quotes = quoted || view === 'citations' ? article.quotes : [];
  const text = (quoted && quotationSnippet(quotes, quoted, terms)) || snippet(body, terms.size > 0 ? matchedTextTokens(searcher, n, terms, body) : [], terms);
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    ...facetFields(article),
    snippet: text,
    score: Math.round(bm25Part(score) * 1000) / 1000,
    ...(grouped ? hitStory(searcher, n) : {}),
    ...(lacks !== null ? { partial: true as const, ...(lacks ? { lacks } : {}) } : {}),
    ...(view === 'citations' ? { quotations: quotationHits(quotes, quoted, terms) } : {}),
  };
}

function hitStory(searcher: Searcher, n: number): Pick<SearchHit, 'story'> {
  const members = storyOfArticle(searcher, n);
  if (members.length < 2) return {};
  return { story: { versions: members.length, others: members.slice(1).map((m) => ({ id: searcher.documents[m].id, source: searcher.documents[m].source })) } };
}

/**
 * Computes ahead what every search of a build uses and its Searcher makes
 * on first use (the facet table and the archive's counts, the quotations' speakers, the completions
 * of one- and two-letter beginnings, the entity pages' columns), so that no
 * reader's keystroke pays for it.
 */
export function prepareSearch(searcher: Searcher): void {
  completions(searcher.postings, 'a');
  archiveCounts(searcher.facets);
  void searcher.quoteSpeakers;
  prepareEntities(searcher);
}

/**
 * The partial fill as listed: how many of the passing articles (stories
 * when grouped) lack a word (`listed` minus the full matches: a story with
 * one full version counts as full), the words they lack, the most lacked
 * first, and the word each of some documents lacks ('' when not told).
 */
function partialFill(searcher: Searcher, parsed: ParsedQuery, partial: NonNullable<QueryMatches['partial']>, docs: Int32Array, scores: Float64Array, passing: Int32Array, grouped: boolean, listed: number) {
  const { storyOf } = searcher;
  const storyGrouped = searcher.stories.grouped;
  const fullStories = new Set<number>();
  const lackingDocs: number[] = [];
  let full = 0;
  for (const k of passing) {
    const n = docs[k];
    // A full match's score carries the full matches' rank (evaluate.ts): no look-up per article.
    if (scores[k] < FULL_RANK) lackingDocs.push(n);
    else if (!grouped || storyGrouped[n] === 0) full++;
    else fullStories.add(storyOf[n]);
  }
  const word = (clause: number) => (clause < 0 ? '' : formatClause(parsed.clauses[clause]));
  const byClause = new Map<number, number>();
  for (const clause of partial.lacking(lackingDocs)) if (clause >= 0) byClause.set(clause, (byClause.get(clause) ?? 0) + 1);
  return {
    count: listed - full - fullStories.size,
    articles: lackingDocs.length,
    lacking: [...byClause].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([clause]) => word(clause)),
    lacksOf: (page: number[]): [number, string][] => {
      const lacking = page.filter((n) => partial.docs.has(n));
      return partial.lacking(lacking).map((clause, k) => [lacking[k], word(clause)]);
    },
  };
}

/** Runs a validated search request against a build. */
export function search(searcher: Searcher, request: SearchRequest): SearchResponse {
  const started = performance.now();
  const parsed = parseQuery(request.q);
  const memo = shortPrefixKey(searcher, parsed, request);
  const kept = memo === null ? undefined : keptShortPrefix(searcher, memo);
  if (kept) return { ...structuredClone(kept), query: request.q, took_ms: Math.round((performance.now() - started) * 100) / 100 };
  const response = computeSearch(searcher, parsed, request, started);
  if (memo !== null) keepShortPrefix(searcher, memo, response);
  return response;
}

function computeSearch(searcher: Searcher, parsed: ParsedQuery, request: SearchRequest, started: number): SearchResponse {
  const found = evaluateQuery(searcher, parsed);
  // No query: every article, already newest first.
  let docs = found.matches ? found.matches.docs : searcher.facets.newestFirst;
  let scores = found.matches ? found.matches.scores : null;
  // cite:X, citation:mot: one quotation must hold it all
  const quoted = quotationMatcher(searcher, parsed);
  if (quoted) ({ docs, scores } = keepQuoted(searcher, docs, scores, quoted));
  const storyArticle = request.story ? (searcher.byId.get(request.story) ?? -1) : null;
  if (storyArticle !== null) {
    // One story's versions: an unknown id lists nothing.
    const kept = storyArticle < 0 ? new Int32Array(0) : inStory(searcher, docs, storyArticle);
    docs = Int32Array.from(kept, (k) => docs[k]);
    if (scores) scores = Float64Array.from(kept, (k) => scores![k]);
  }
  const grouped = request.versions !== 'all' && storyArticle === null;
  // The Citations view and quotation queries count the speakers of the matching quotations (before facetCounts: both use its scratch array)
  const quotationSpeakers = request.view === 'citations' || quoted ? quotationSpeakerCounts(searcher, docs, request, quoted, found.highlight) : null;
  const facets = facetCounts(searcher, docs, request, searcher.keystroke.facetExactLimit);
  if (quotationSpeakers) facets.counts.speakers = quotationSpeakers;
  const first = (request.page - 1) * request.perPage;
  const order = resultOrder(searcher, docs, scores, request.sort);
  // By relevance, the page is picked on the scores' typed arrays (top-k.ts); by date, on the order.
  const pick = request.sort === 'relevance' && scores ? (items: Int32Array, count: number) => firstByScore(items, count, scores!, docs) : (items: Int32Array, count: number) => firstInOrder(items, count, order);
  const stories = grouped ? storyPage(searcher, docs, facets.passing, first, request.perPage, pick) : null;
  const page = stories ? stories.page : pick(facets.passing, first + request.perPage).slice(first);
  const fill = found.partial && scores ? partialFill(searcher, parsed, found.partial, docs, scores, facets.passing, grouped, stories ? stories.stories : facets.passing.length) : null;
  const lacksOf = new Map(fill ? fill.lacksOf(page.map((k) => docs[k])) : []);
  const hits = page.map((k) => toHit(searcher, docs[k], scores ? scores[k] : 0, found.highlight, grouped, lacksOf.get(docs[k]) ?? null, quoted, request.view));
  // The full matches: the partial fill is counted apart.
  const total = (stories ? stories.stories : facets.passing.length) - (fill ? fill.count : 0);
  // A correction is worth offering when the query came back empty or only partly matched.
  const suggestion = found.matches !== null && (total === 0 || found.relaxed) ? suggestCorrection(searcher, request.q) : null;
  const partial = fill && fill.count > 0 && found.partial ? { matched: found.partial.matched, of: found.partial.of, count: fill.count, lacking: fill.lacking } : null;
  const understood = understandQuery(found.plan, parsed, found.clauseMatches, { relaxed: found.relaxed, partial, total });
  // Filters that emptied the results: each one's count without it (the page is read, the scratch arrays are free).
  if (total === 0 && docs.length > 0) understood.push(...emptyingFilters(request, (changed) => facetCounts(searcher, docs, changed).passing.length));
  return {
    query: request.q,
    total,
    ...(stories ? { articles: facets.passing.length - (fill ? fill.articles : 0) } : {}),
    took_ms: Math.round((performance.now() - started) * 100) / 100,
    page: request.page,
    per_page: request.perPage,
    sort: request.sort,
    hits,
    facets: responseFacets(facets),
    ...(quotationSpeakers ? { speaker_counts: 'quotations' as const } : {}),
    suggestion,
    relaxed: found.relaxed,
    partial,
    understood,
  };
}
