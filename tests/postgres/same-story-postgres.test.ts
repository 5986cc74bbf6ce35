/**
 * Same story and the person and organisation pages on PostgreSQL: the
 * ingest writes each article's story, the search shows each once, and the
 * pages show what the embedded engine's show.
 */
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters } from '../../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../../src/index/index.js';
import { createPool, indexCorpusToPostgres, migrate } from '../../src/index/postgres/index.js';
import { EmbeddedReader } from '../../src/search/backends/index.js';
import type { SearchRequest } from '../../src/search/index.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import { sharedCluster } from '../helpers/backends.js';
import type { PostgresCluster } from '../helpers/postgres-cluster.js';
import { writeStoryCorpus } from '../helpers/story-corpus.js';
import { SAMPLE_CORPUS } from '../helpers/sample-index.js';
import { entitySlug, type EntityProfile } from '../../src/search/index.js';

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
    const embedded = EmbeddedReader.of(await loadIndex(path.join(work, 'index')));
    const backend = await PostgresBackend.connect(url);
    try {
      for (const changes of [{}, { q: 'dockers' }, { q: 'grèce', sort: 'relevance' as const }, { versions: 'all' as const }, { story: 'tribune-port' }, { story: 'inconnu' }]) {
        const [pg, mem] = [await backend.search(request(changes)), await embedded.search(request(changes))];
        expect(shape(pg), JSON.stringify(changes)).toEqual(shape(mem));
      }
      const grouped = await backend.search(request());
      expect([grouped.total, grouped.articles]).toEqual([5, 8]);
      // in_story marks the articles sharing their story; migration 6 gives a database indexed before it the same marks.
      const marked = async () => (await pool.query<{ id: string }>('SELECT id FROM depeches.documents WHERE in_story ORDER BY id')).rows.map((r) => r.id);
      const written = await marked();
      expect(written.length).toBeGreaterThan(1);
      expect(written.length).toBeLessThan(8);
      await pool.query('ALTER TABLE depeches.documents DROP COLUMN in_story; DELETE FROM depeches.migrations WHERE version = 6');
      expect(await migrate(pool)).toEqual([6]);
      expect(await marked()).toEqual(written);

      await unlink(path.join(corpus, 'presse.jsonl'));
      await indexCorpusToPostgres(corpus, pool);
      const after = await backend.search(request({ q: 'dockers' }));
      expect(after.hits.map((h) => [h.id, h.story?.others.map((o) => o.id)])).toEqual([['matin-port', ['tribune-port']]]);
      // Regrouped: the total still counts each story once.
      const stories = (await pool.query<{ n: number }>('SELECT count(DISTINCT coalesce(story, id))::int AS n FROM depeches.documents')).rows[0].n;
      expect((await backend.search(request())).total).toBe(stories);
    } finally {
      await backend.close();
      await pool.end();
    }
  });

  it('gives the same person and organisation pages as the embedded engine', async () => {
    const url = await cluster.createDatabase();
    const pool = createPool(url);
    await indexCorpusToPostgres(SAMPLE_CORPUS, pool);
    await indexCorpus(SAMPLE_CORPUS, path.join(work, 'sample'), { threads: 0 });
    const embedded = EmbeddedReader.of(await loadIndex(path.join(work, 'sample')));
    const backend = await PostgresBackend.connect(url);
    // Ties among the latest articles of one day may come in another order: compared as dates, and ids as a set (quotations too).
    const comparable = (p: EntityProfile | null) =>
      p && { ...p, latest: p.latest.map((a) => a.date), latestIds: p.latest.map((a) => a.id).sort(), latestQuotations: p.latestQuotations.map((q) => q.date), quoted: p.latestQuotations.map((q) => JSON.stringify(q)).sort() };
    let quoted = 0;
    try {
      const facets = (await embedded.search(request())).facets;
      const names = [...facets.speaker.slice(0, 4).map((f) => ['speakers', f.value] as const), ...facets.organisation.slice(0, 4).map((f) => ['organisations', f.value] as const)];
      expect(names.length).toBeGreaterThan(3);
      for (const [kind, name] of names) {
        const mem = await embedded.entity(kind, entitySlug(name));
        expect(mem?.articles).toBeGreaterThan(0);
        expect(comparable(await backend.entity(kind, entitySlug(name))), name).toEqual(comparable(mem));
        quoted += mem!.quotations;
      }
      // The sample's people are quoted: the quotation counts and latest quotations were compared, not only zeros.
      expect(quoted).toBeGreaterThan(0);
      expect(await backend.entity('speakers', 'personne-inventee-nulle-part')).toBeNull();
    } finally {
      await backend.close();
      await pool.end();
    }
  });
});
