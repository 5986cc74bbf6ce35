/** depeches itself, through its public `search` (facet counts and snippets included). */
import { facetFilters } from '../../src/analysis/index.js';
import { buildIndex, type SearchIndex } from '../../src/index/index.js';
import { search, Searcher } from '../../src/search/index.js';
import type { SearchRequest } from '../../src/search/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

export function request(q: string, speaker?: string): SearchRequest {
  return { q, filters: facetFilters({ speakers: speaker ? [speaker] : [] }), from: null, to: null, page: 1, perPage: TOP, sort: 'relevance' };
}

export function depeches(): Peer & { index(): SearchIndex; use(index: SearchIndex | Searcher): void } {
  let searcher: Searcher | null = null;
  return {
    name: 'depeches',
    extras: 'ranked hits + facet counts + snippets',
    async build(list) {
      searcher = new Searcher(buildIndex(list, null));
    },
    async search({ q, speaker }: PeerQuery) {
      return search(searcher!, request(q, speaker)).hits.map((h) => h.id);
    },
    async serialize() {
      throw new Error('depeches saves with saveIndex');
    },
    async load() {
      throw new Error('depeches loads with loadIndex');
    },
    index: () => searcher!.index,
    use(i) {
      searcher = i instanceof Searcher ? i : new Searcher(i);
    },
  };
}
