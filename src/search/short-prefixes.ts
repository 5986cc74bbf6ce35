import { facetFilters, FACETS, foldWord } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import type { ParsedQuery, SearchRequest, SearchResponse } from './types.js';

/**
 * The responses of searches for one short beginning ("c", "co"), kept by
 * the build's Searcher (`shortPrefixResponses`) once computed.
 *
 * Why: every search a reader types starts with one or two letters, and a
 * beginning that short expands to the commonest words of its letters and
 * matches most of the archive (a one-letter keystroke: 90 % of 100 000
 * articles), so its cost is that of scoring, counting and ranking every
 * article, while what it shows is ten hits and the facet boxes. There are
 * only a few hundred such beginnings, the same for every reader; a build
 * never changes, so a response computed once is the response of every
 * later identical request (a response is a function of the build and the
 * request). The one-letter ones are computed when the build is warmed,
 * the others on first use; at most `shortPrefixResponses` are kept, the
 * least recently used leaving first (keystroke-options.ts).
 */

/** The key of a request whose query is one short beginning being typed, or null when its response is not kept. */
export function shortPrefixKey(searcher: Searcher, parsed: ParsedQuery, request: SearchRequest): string | null {
  const { shortPrefixLength, shortPrefixResponses } = searcher.keystroke;
  if (shortPrefixResponses <= 0 || parsed.clauses.length !== 1) return null;
  const clause = parsed.clauses[0];
  if (clause.kind !== 'word' || !clause.prefix || clause.negated || clause.field) return null;
  const folded = foldWord(clause.text);
  if (folded.length === 0 || folded.length > shortPrefixLength) return null;
  // Every field of the request that can change the response, in a fixed order (defaults written out).
  return JSON.stringify([
    request.q,
    FACETS.map((name) => request.filters[name]),
    request.from,
    request.to,
    request.page,
    request.perPage,
    request.sort,
    request.view ?? null,
    request.versions ?? 'grouped',
    request.story ?? null,
  ]);
}

/** Keeps a computed response under its key, as a copy (the caller may change the one it returns). */
export function keepShortPrefix(searcher: Searcher, key: string, response: SearchResponse): void {
  const kept = searcher.shortPrefixResponses;
  if (kept.size >= searcher.keystroke.shortPrefixResponses) kept.delete(kept.keys().next().value!);
  kept.set(key, structuredClone(response));
}

/** A kept response for `key`, moved to the most recently used end, or undefined. */
export function keptShortPrefix(searcher: Searcher, key: string): SearchResponse | undefined {
  const kept = searcher.shortPrefixResponses;
  const response = kept.get(key);
  if (response === undefined) return undefined;
  kept.delete(key);
  kept.set(key, response);
  return response;
}

/**
 * The requests of the first page of every one-letter beginning the
 * dictionary knows (the letters its terms start with), unfiltered and by
 * relevance, as the search box asks for them: searched when the build is
 * warmed (warm-up.ts), so that no reader's first keystroke pays for
 * counting the whole archive.
 */
export function shortPrefixWarmRequests(searcher: Searcher): SearchRequest[] {
  if (searcher.keystroke.shortPrefixResponses <= 0) return [];
  const letters = new Set<string>();
  for (const key of searcher.postings.completionCache.keys()) if (key.length === 1) letters.add(key);
  return [...letters]
    .sort()
    .slice(0, searcher.keystroke.shortPrefixResponses)
    .map((q) => ({ q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' as const }));
}
