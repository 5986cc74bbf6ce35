/** depeches itself, through its public `search` (facet counts and snippets included). */
import { facetFilters } from '../../src/analysis/index.js';
import { buildIndex, type SearchIndex } from '../../src/index/index.js';
import type { Article } from '../../src/ingest/types.js';
import { search } from '../../src/search/index.js';
import type { SearchRequest } from '../../src/search/types.js';
import { TOP, type Peer, type PeerQuery } from './types.js';

export function request(q: string, speaker?: string): SearchRequest {
  return { q, filters: facetFilters({ speakers: speaker ? [speaker] : [] }), from: null, to: null, page: 1, perPage: TOP, sort: 'relevance' };
}

export function depeches(): Peer & { index(): SearchIndex; use(index: SearchIndex): void } {
  let index: SearchIndex | null = null;
  return {
    name: 'depeches',
    extras: 'ranked hits + facet counts + snippets',
    async build(list) {
      index = buildIndex(list, null);
    },
    async search({ q, speaker }: PeerQuery) {
      return search(index!, request(q, speaker)).hits.map((h) => h.id);
    },
    async serialize() {
      return JSON.stringify(index!.miniSearch);
    },
    async load() {
      throw new Error('depeches loads with loadIndex');
    },
    index: () => index!,
    use(i) {
      index = i;
    },
  };
}
