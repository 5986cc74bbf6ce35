/**
 * The engines compared on the labelled queries, each built from the same
 * corpus folder: depeches (its real indexer into a temporary folder, then its
 * public `search`), bare MiniSearch on the titles and texts (set up as
 * bench/peers/minisearch-bare.ts does), and PostgreSQL's French full-text
 * search on a throw-away cluster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { facetFilters } from '../../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../../src/index/index.js';
import type { Article } from '../../src/ingest/types.js';
import { search, Searcher } from '../../src/search/index.js';

export interface RankingSystem {
  name: string;
  /** Ids of the best `depth` articles, best first. */
  search(q: string, depth: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function depechesSystem(corpus: string): Promise<RankingSystem> {
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-eval-'));
  try {
    await indexCorpus(corpus, dir);
    const searcher = new Searcher(await loadIndex(dir));
    return {
      name: 'depeches',
      async search(q, depth) {
        const request = { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: depth, sort: 'relevance' as const };
        return search(searcher, request).hits.map((h) => h.id);
      },
      close: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** MiniSearch with its default tokenizer and no stemming: prefix + fuzzy 0.2, any word (OR), title boost 2, as in bench/peers/minisearch-bare.ts. */
export function miniSearchSystem(articles: readonly Article[]): RankingSystem {
  const ms = new MiniSearch<{ n: number; title: string; text: string }>({ idField: 'n', fields: ['title', 'text'], storeFields: [] });
  ms.addAll(articles.map((a, n) => ({ n, title: a.title, text: a.text })));
  return {
    name: 'MiniSearch (bare)',
    async search(q, depth) {
      return ms.search(q, { prefix: true, fuzzy: 0.2, boost: { title: 2 } }).slice(0, depth).map((r) => articles[r.id as number].id);
    },
    async close() {},
  };
}
