/** Same story on PostgreSQL: the ingest writes each article's story, the search shows each once, as the embedded engine does. */
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters } from '../../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../../src/index/index.js';
import { createPool, indexCorpusToPostgres } from '../../src/index/postgres/index.js';
import { EmbeddedBackend } from '../../src/search/backend.js';
import type { SearchRequest } from '../../src/search/index.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import { sharedCluster } from '../helpers/backends.js';
import type { PostgresCluster } from '../helpers/postgres-cluster.js';
import { writeStoryCorpus } from '../helpers/story-corpus.js';

let cluster: PostgresCluster;
let work: string;
beforeAll(async () => {
  cluster = await sharedCluster();
  work = await mkdtemp(path.join(tmpdir(), 'depeches-stories-pg-'));
});
afterAll(async () => {
  await cluster.stop();
  await rm(work, { recursive: true, force: true });
});

const request = (changes: Partial<SearchRequest> = {}): SearchRequest => ({ q: '', filters: facetFilters(), from: null, to: null, page: 1, perPage: 50, sort: 'date', ...changes });
const shape = (r: Awaited<ReturnType<PostgresBackend['search']>>) => ({
  total: r.total,
  articles: r.articles,
  hits: r.hits.map((h) => [h.id, h.story?.versions ?? 1, (h.story?.others ?? []).map((o) => o.id).sort()]),
});

describe('same story on PostgreSQL', { timeout: 120_000 }, () => {
  it('groups as the embedded index does, lists one story or every version, and regroups when a file goes', async () => {
    const corpus = path.join(work, 'corpus');
    await writeStoryCorpus(corpus);
    const url = await cluster.createDatabase();
    const pool = createPool(url);
    await indexCorpusToPostgres(corpus, pool);
    await indexCorpus(corpus, path.join(work, 'index'), { threads: 0 });
    const embedded = EmbeddedBackend.of(await loadIndex(path.join(work, 'index')));
    const backend = await PostgresBackend.connect(url);
    try {
      for (const changes of [{}, { q: 'dockers' }, { q: 'grèce', sort: 'relevance' as const }, { versions: 'all' as const }, { story: 'tribune-port' }, { story: 'inconnu' }]) {
        const [pg, mem] = [await backend.search(request(changes)), await embedded.search(request(changes))];
        expect(shape(pg), JSON.stringify(changes)).toEqual(shape(mem));
      }
      const grouped = await backend.search(request());
      expect([grouped.total, grouped.articles]).toEqual([5, 8]);

      await unlink(path.join(corpus, 'presse.jsonl'));
      await indexCorpusToPostgres(corpus, pool);
      const after = await backend.search(request({ q: 'dockers' }));
      expect(after.hits.map((h) => [h.id, h.story?.others.map((o) => o.id)])).toEqual([['matin-port', ['tribune-port']]]);
    } finally {
      await backend.close();
      await pool.end();
    }
  });
});
