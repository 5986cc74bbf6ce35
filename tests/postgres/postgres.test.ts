/**
 * The PostgreSQL backend against a real server (a throw-away cluster):
 * migrations, incremental and transactional reindexing, escaping, and the
 * engine's behaviour through the backend boundary on both backends.
 */
import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, indexCorpusToPostgres, migrate, schemaVersion, SCHEMA_VERSION, writeArticlesToPostgres } from '../../src/index/postgres/index.js';
import { readCorpus } from '../../src/ingest/index.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import { BACKENDS, sharedCluster, startBackend, type BackendFixture } from '../helpers/backends.js';
import type { PostgresCluster } from '../helpers/postgres-cluster.js';
import { request, SAMPLE_CORPUS } from '../helpers/sample-index.js';
import { propertyOptions } from '../helpers/trials.js';

let cluster: PostgresCluster;
let fixtures: BackendFixture[] = [];
beforeAll(async () => {
  cluster = await sharedCluster();
});
afterAll(async () => {
  for (const f of fixtures) await f.stop();
  await cluster.stop();
});

describe('schema', () => {
  it('migrates once, idempotently, even when two processes start together', async () => {
    const url = await cluster.createDatabase();
    const a = createPool(url);
    const b = createPool(url);
    try {
      expect(await schemaVersion(a)).toBe(0);
      const [first, second] = await Promise.all([migrate(a), migrate(b)]);
      expect([...first, ...second].sort((x, y) => x - y)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, k) => k + 1));
      expect(await migrate(a)).toEqual([]);
      expect(await schemaVersion(b)).toBe(SCHEMA_VERSION);
      const config = await a.query("SELECT to_tsvector('depeches.french', 'L''Émeute à Tachkent')::text AS v");
      expect(config.rows[0].v).toBe("'emeut':2 'tachkent':4");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('gives a database indexed before the source facet that facet on its next index', async () => {
    const url = await cluster.createDatabase();
    const pool = createPool(url);
    try {
      await indexCorpusToPostgres(SAMPLE_CORPUS, pool);
      // Back to what schema 2 wrote: no source keys, no migration 3 (nor the later ones), rows hashed without the schema version.
      await pool.query(`ALTER TABLE depeches.documents DROP COLUMN source_keys;
        DELETE FROM depeches.migrations WHERE version >= 3;
        DELETE FROM depeches.facet_names WHERE facet = 'r';
        UPDATE depeches.documents SET content_hash = 'schema 2';
        UPDATE depeches.search_rows SET tsv = setweight(to_tsvector('depeches.french', 'titre'), 'A')`);
      await expect(PostgresBackend.connect(url)).rejects.toThrow(new RegExp(`schema 2, this program needs ${SCHEMA_VERSION}.*npm run index -- --database`));
      const report = await indexCorpusToPostgres(SAMPLE_CORPUS, pool);
      expect(report).toMatchObject({ inserted: 0, updated: 5, deleted: 0 });
      const backend = await PostgresBackend.connect(url);
      try {
        expect((await backend.search(request())).facets.source).toEqual([{ value: 'Xinhua', count: 1 }]);
        expect((await backend.search(request({ source: ['xinhua'] }))).total).toBe(1);
        expect((await backend.search(request({ q: 'source:Xinhua' }))).total).toBe(1);
      } finally {
        await backend.close();
      }
    } finally {
      await pool.end();
    }
  });

  it('refuses to serve a database that was never indexed, saying what to run', async () => {
    const url = await cluster.createDatabase();
    await expect(PostgresBackend.connect(url)).rejects.toThrow(/npm run index -- --database/);
  });
});

describe('reindexing', () => {
  it('is incremental: upserts changed articles, removes deleted files, keeps the rest', async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'depeches-pg-corpus-'));
    const url = await cluster.createDatabase();
    const pool = createPool(url);
    try {
      await cp(SAMPLE_CORPUS, corpus, { recursive: true });
      const first = await indexCorpusToPostgres(corpus, pool);
      expect(first).toMatchObject({ documentsIndexed: 5, inserted: 5, updated: 0, deleted: 0 });
      // The rows' tsvectors are the build on PostgreSQL: reported as such, not as 0.
      expect(first.seconds.build).toBeGreaterThan(0);
      const again = await indexCorpusToPostgres(corpus, pool);
      expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 5, filesReused: 5, buildId: first.buildId });

      await unlink(path.join(corpus, '004_5c2e808d7d0e501c.txt'));
      await writeFile(path.join(corpus, '001_2fae7799cb8809e3.txt'), 'Zanzibar accueille un sommet.\n\nLe 3 mars 2023, Wang Yi a déclaré que Zanzibar était prêt.');
      await writeFile(path.join(corpus, 'nouveau.txt'), 'Un article sur Ouagadougou.\n\nLe 4 mars 2023, rien de plus sur Ouagadougou.');
      const changed = await indexCorpusToPostgres(corpus, pool);
      expect(changed).toMatchObject({ documentsIndexed: 5, inserted: 1, updated: 1, deleted: 1, unchanged: 3 });
      expect(changed.buildId).not.toBe(first.buildId);
      // The search rows follow the documents: one each, same story and keys, the tsvector of the text as rewritten.
      const apart = await pool.query(
        `SELECT d.id FROM depeches.documents d FULL JOIN depeches.search_rows s USING (id)
         WHERE s.id IS NULL OR d.id IS NULL OR (d.date, d.story, d.in_story, d.speaker_keys, d.organisation_keys, d.source_keys) IS DISTINCT FROM (s.date, s.story, s.in_story, s.speaker_keys, s.organisation_keys, s.source_keys)`,
      );
      expect(apart.rows).toEqual([]);
      const zanzibar = await pool.query<{ id: string }>("SELECT id FROM depeches.search_rows WHERE tsv @@ to_tsquery('depeches.french', 'zanzibar')");
      expect(zanzibar.rows.map((r) => r.id)).toEqual(['001_2fae7799cb8809e3']);

      const backend = await PostgresBackend.connect(url);
      try {
        expect((await backend.search(request({ q: 'Zanzibar' }))).hits.map((h) => h.id)).toEqual(['001_2fae7799cb8809e3']);
        expect((await backend.search(request({ q: 'Ouagadougou' }))).hits.map((h) => h.id)).toEqual(['nouveau']);
        expect(await backend.article('004_5c2e808d7d0e501c')).toBeNull();
        expect((await backend.search(request({ q: 'OTAN' }))).total).toBe(0);
        expect((await backend.status()).documents).toBe(5);
      } finally {
        await backend.close();
      }
    } finally {
      await pool.end();
      await rm(corpus, { recursive: true, force: true });
    }
  });

  it('leaves exactly the articles of the last writer when two write at once', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [createPool(url), createPool(url)];
    try {
      const { articles } = await readCorpus(SAMPLE_CORPUS);
      await writeArticlesToPostgres(a, articles.slice(0, 1));
      await Promise.all([writeArticlesToPostgres(a, articles.slice(1, 3)), writeArticlesToPostgres(b, articles.slice(3, 5))]);
      const ids = (await a.query<{ id: string }>('SELECT id FROM depeches.documents ORDER BY id')).rows.map((r) => r.id);
      const one = articles.slice(1, 3).map((x) => x.id).sort();
      const other = articles.slice(3, 5).map((x) => x.id).sort();
      expect([one, other]).toContainEqual(ids);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('is transactional: readers see the old index or the new one, never a part, and a failed run changes nothing', async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'depeches-pg-corpus-'));
    const url = await cluster.createDatabase();
    const pool = createPool(url);
    const backend = { current: null as PostgresBackend | null };
    try {
      await cp(SAMPLE_CORPUS, corpus, { recursive: true });
      await indexCorpusToPostgres(corpus, pool);
      backend.current = await PostgresBackend.connect(url);
      // Ten new articles about one word: a reader counts 0 or 10 of them, nothing between.
      for (let k = 0; k < 10; k++) await writeFile(path.join(corpus, `lot-${k}.txt`), `Article ${k} sur Tombouctou.\n\nLe ${k + 1} mai 2023, il est question de Tombouctou.`);
      const seen = new Set<number>();
      let done = false;
      const readers = Promise.all(
        Array.from({ length: 3 }, async () => {
          while (!done) seen.add((await backend.current!.search(request({ q: 'Tombouctou', perPage: 1 }))).total);
        }),
      );
      await indexCorpusToPostgres(corpus, pool);
      done = true;
      await readers;
      seen.add((await backend.current.search(request({ q: 'Tombouctou' }))).total);
      expect([...seen].every((total) => total === 0 || total === 10)).toBe(true);
      expect(seen.has(10)).toBe(true);

      // A corpus that became unreadable fails the run and leaves the index whole.
      const empty = await mkdtemp(path.join(tmpdir(), 'depeches-pg-empty-'));
      await expect(indexCorpusToPostgres(empty, pool)).rejects.toThrow(/nothing to index/);
      await rm(empty, { recursive: true, force: true });
      expect((await backend.current.status()).documents).toBe(15);

      // A run that fails in the middle of writing rolls back whole: 250 new articles are written
      // (the first batches go through), then the database refuses the last one.
      const { articles } = await readCorpus(corpus);
      const kept = articles.filter((a) => !a.id.startsWith('lot-'));
      const copies = Array.from({ length: 250 }, (_, k) => ({ ...articles[0], id: `copie-${k}`, title: `Copie ${k} sur Zanzibar` }));
      const refused = { ...articles[0], id: 'refus', date: '2022-13-45' };
      await expect(writeArticlesToPostgres(pool, [...kept, ...copies, refused])).rejects.toThrow();
      expect((await backend.current.status()).documents).toBe(15);
      expect((await backend.current.search(request({ q: 'Zanzibar' }))).total).toBe(0);
      expect((await backend.current.search(request({ q: 'Tombouctou' }))).total).toBe(10);
    } finally {
      await backend.current?.close();
      await pool.end();
      await rm(corpus, { recursive: true, force: true });
    }
  });
});

describe('escaping and bad input', () => {
  let pg: BackendFixture;
  beforeAll(async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'depeches-pg-html-'));
    await writeFile(path.join(corpus, 'balises.txt'), 'Balises <script>alert(1)</script> & « citations » \'apostrophes\'\n\nLe 2 juin 2023, <b>Kaboul</b> & <img src=x onerror=alert(1)> Kaboul encore.');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    pg = await startBackend('postgres', corpus);
    fixtures.push(pg);
    await rm(corpus, { recursive: true, force: true });
  });

  it('escapes every character of the text in snippets and pages; only <mark> survives', async () => {
    const hit = (await pg.backend.search(request({ q: 'Kaboul' }))).hits[0];
    expect(hit.snippet).toContain('<mark>Kaboul</mark>');
    expect(hit.snippet).toContain('&lt;b&gt;');
    expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
    const doc = await pg.backend.document('balises', 'Kaboul');
    expect(doc!.textHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc!.textHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(doc!.textHtml.split('<mark>').length - 1).toBe(2);
  });

  it('answers any query text without an error: tsquery syntax is never passed through', async () => {
    for (const q of ["'", "\\", ':*', '!', '&|!()', "l'", '"', '« »', 'a:*B', "'otan' | 'x'", 'speaker:', 'org:"', '-', 'OR OR', '\u0000', '\uE000mark\uE001']) {
      const response = await pg.backend.search(request({ q }));
      expect(response.total).toBeGreaterThanOrEqual(0);
      for (const h of response.hits) expect(h.snippet).not.toMatch(/<(?!\/?mark>)/);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (q) => {
        const response = await pg.backend.search(request({ q, speakers: [q], perPage: 3 }));
        expect(response.total).toBeGreaterThanOrEqual(0);
      }),
      propertyOptions(60),
    );
  });
});

// The engine's behaviour through the backend boundary, on both backends.
describe.each(BACKENDS)('engine behaviour, %s backend', (kind) => {
  let backend: BackendFixture['backend'];
  beforeAll(async () => {
    const fixture = await startBackend(kind);
    fixtures.push(fixture);
    backend = fixture.backend;
  });
  const ids = async (q: string, extra = {}) => (await backend.search(request({ q, ...extra }))).hits.map((h) => h.id);

  it('requires every word, checks phrases, excludes, reads OR', async () => {
    expect(await ids('Tachkent Lavrov')).toEqual(['002_7c4669d5fc0d68a3']);
    expect((await ids('"guerre froide"')).sort()).toEqual(['002_7c4669d5fc0d68a3', '004_5c2e808d7d0e501c']);
    expect(await ids('"Russie Chine"')).not.toContain('000_f3dc22192a66a48d');
    expect(await ids('Lavrov -Tachkent')).not.toContain('002_7c4669d5fc0d68a3');
    expect(await ids('Lavrov -"guerre froide"')).not.toContain('004_5c2e808d7d0e501c');
    expect((await ids('Tachkent OR OTAN')).sort()).toEqual(['002_7c4669d5fc0d68a3', '004_5c2e808d7d0e501c']);
  });

  it('forgives typos, finds compounds, searches one field', async () => {
    expect(await ids('Tachknet')).toEqual(['002_7c4669d5fc0d68a3']);
    expect((await ids('sino-russe')).sort()).toEqual(['002_7c4669d5fc0d68a3', '003_3bc2539186bf695d']);
    expect(await ids('Chine-Russie')).toContain('000_f3dc22192a66a48d');
    expect((await ids('speaker:Lavrov')).length).toBeGreaterThanOrEqual(3);
    expect(await ids('speaker:Kazakhstan')).toEqual([]);
    expect((await ids('org:OTSC')).sort()).toEqual(['000_f3dc22192a66a48d', '001_2fae7799cb8809e3']);
    expect(await ids('source:Xinhua')).toContain('001_2fae7799cb8809e3');
  });

  it('suggests a correction when nothing matches whole', async () => {
    const response = await backend.search(request({ q: 'Tachkint Lavrov zzzzzz' }));
    expect(response.suggestion).toContain('Tachkent');
  });

  it('lists everything newest first, sorts both ways, paginates', async () => {
    const all = await backend.search(request());
    expect(all.total).toBe(5);
    const dates = all.hits.map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const newest = (await backend.search(request({ q: 'Lavrov', sort: 'date' }))).hits.map((h) => h.date);
    const oldest = (await backend.search(request({ q: 'Lavrov', sort: 'date-asc' }))).hits.map((h) => h.date);
    expect(newest).toEqual([...oldest].reverse());
    const first = await backend.search(request({ perPage: 2, page: 1 }));
    const third = await backend.search(request({ perPage: 2, page: 3 }));
    expect(third.hits).toHaveLength(1);
    expect(new Set([...first.hits, ...third.hits].map((h) => h.id)).size).toBe(3);
  });

  it('highlights stemmed and fuzzy matches in escaped snippets', async () => {
    expect((await backend.search(request({ q: 'vaccin' }))).hits[0].snippet).toMatch(/<mark>vaccins<\/mark>/);
    expect((await backend.search(request({ q: 'Lavrof' }))).hits[0].snippet).toContain('<mark>Lavrov</mark>');
    for (const h of (await backend.search(request({ q: "qu'il" }))).hits) expect(h.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it('counts disjunctive facets', async () => {
    const all = await backend.search(request());
    expect(all.facets.speaker.find((f) => f.value === 'Wang Yi')?.count).toBe(5);
    expect(all.facets.date).toEqual(expect.arrayContaining([{ value: '2021', count: 2 }, { value: '2022', count: 3 }, { value: '2022-01', count: 2 }]));
    const ocs = await backend.search(request({ organisations: ['OCS'] }));
    expect(ocs.facets.organisation).toEqual(all.facets.organisation);
    expect(ocs.facets.date.filter((d) => d.value.length === 4).reduce((s, d) => s + d.count, 0)).toBe(ocs.total);
    const ranged = await backend.search(request({ organisations: ['OTSC'], from: '2022-01-11', to: '2022-12-31' }));
    expect(ranged.hits.map((h) => h.id)).toEqual(['001_2fae7799cb8809e3']);
    expect(ranged.facets.date.find((d) => d.value === '2022-01')?.count).toBe(2);
    expect((await backend.search(request({ organisations: ['otsc'] }))).total).toBe((await backend.search(request({ organisations: ['OTSC'] }))).total);
  });

  it('gives an article for its page, highlighted, with related articles', async () => {
    const doc = await backend.document('002_7c4669d5fc0d68a3', 'Tachkent');
    expect(doc!.textHtml).toContain('<mark>Tachkent</mark>');
    expect(doc!.sameSpeakers.length).toBeGreaterThan(0);
    expect(doc!.sameSpeakers.map((r) => r.id)).not.toContain('002_7c4669d5fc0d68a3');
    expect(await backend.document('nope', '')).toBeNull();
    expect((await backend.status()).documents).toBe(5);
  });
});
