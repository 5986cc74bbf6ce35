import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startBackendServer } from './helpers/backends.js';
import { startReplicaServer } from './helpers/postgres-replica.js';
import { readEvalCases } from './helpers/sample-index.js';

const evaluation = readEvalCases();

// The same API suite on both backends: the embedded index and PostgreSQL, and
// PostgreSQL read from a streaming standby (the index written on its primary).
describe.each([...BACKENDS, 'postgres-standby'] as const)('%s backend', (kind) => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, stop } = kind === 'postgres-standby' ? await startReplicaServer() : await startBackendServer(kind));
  }, 120_000);
  afterAll(async () => stop?.());

  async function get(path: string): Promise<{ status: number; body: any; type: string }> {
    const response = await fetch(url + path);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? await response.json() : await response.text() };
  }

  describe('GET /api/search', () => {
    it('answers the documented shape', async () => {
      const { status, body } = await get('/api/search?q=Lavrov&per_page=2');
      expect(status).toBe(200);
      expect(Object.keys(body)).toEqual(expect.arrayContaining(['query', 'total', 'took_ms', 'page', 'per_page', 'hits', 'facets']));
      expect(body.hits).toHaveLength(2);
      expect(Object.keys(body.hits[0]).sort()).toEqual(['date', 'id', 'organisations', 'score', 'snippet', 'source', 'speakers', 'title']);
      expect(Object.keys(body.facets).sort()).toEqual(['date', 'organisation', 'source', 'speaker']);
    });

    it('takes repeated speaker and org parameters', async () => {
      const one = await get('/api/search?org=OTAN');
      const two = await get('/api/search?org=OTAN&org=BRICS');
      expect(two.body.total).toBeGreaterThan(one.body.total);
    });

    it.each(evaluation.cases)('eval: $why', async ({ params, include, exclude }) => {
      const { status, body } = await get(`/api/search?${new URLSearchParams({ ...params, per_page: '100' })}`);
      expect(status).toBe(200);
      const ids = body.hits.map((h: { id: string }) => h.id);
      for (const id of include) expect(ids).toContain(id);
      for (const id of exclude) expect(ids).not.toContain(id);
    });

    it('forgives a typo in a word’s ending, where the stemmer would cut it', async () => {
      const ids = async (q: string) => (await get(`/api/search?${new URLSearchParams({ q: `${q} ` })}`)).body.hits.map((h: { id: string }) => h.id).sort();
      const meant = await ids('coopération');
      expect(meant.length).toBeGreaterThan(1);
      expect(await ids('coopérationns')).toEqual(meant);
    });

    it('answers words longer than any word without an error', async () => {
      for (const q of ['a'.repeat(300), 'lavrov'.repeat(43), `Lavrov ${'x'.repeat(290)}`]) {
        const { status, body } = await get(`/api/search?${new URLSearchParams({ q })}`);
        expect(status).toBe(200);
        expect(body.total).toBeGreaterThanOrEqual(0);
      }
    });

    it('fills a short page with the articles lacking one word, counted apart and each saying which', async () => {
      // One article holds "sommet", "Tachkent" and "Wang"; one more holds all but "Tachkent".
      const { status, body } = await get(`/api/search?${new URLSearchParams({ q: 'sommet Tachkent Wang ' })}`);
      expect(status).toBe(200);
      expect(body.total).toBe(1);
      expect(body.partial).toEqual({ matched: 2, of: 3, count: 1, lacking: ['Tachkent'] });
      expect(body.hits.map((h: { partial?: true; lacks?: string }) => [h.partial ?? false, h.lacks ?? null])).toEqual([
        [false, null],
        [true, 'Tachkent'],
      ]);
      expect(body.understood.find((p: { kind: string }) => p.kind === 'partial')).toMatchObject({ text: '1 article contient tous les mots ; ensuite 1 résultat sans le mot « Tachkent »', undo: { q: 'sommet Wang ' } });
      // The second page starts where the first ended, in the partial fill.
      const second = (await get(`/api/search?${new URLSearchParams({ q: 'sommet Tachkent Wang ', per_page: '1', page: '2' })}`)).body;
      expect(second.hits.map((h: { id: string }) => h.id)).toEqual([body.hits[1].id]);
      expect(second.total).toBe(1);
    });

    it('finds a compound of one word and stop words by that word ("au-delà")', async () => {
      for (const q of ['au-delà', 'au-delà ']) {
        const { body } = await get(`/api/search?${new URLSearchParams({ q })}`);
        expect(body.hits.map((h: { id: string }) => h.id)).toContain('003_3bc2539186bf695d');
      }
    });

    it('reads an unknown finished word as possibly unfinished', async () => {
      const search = async (q: string) => (await get(`/api/search?${new URLSearchParams({ q })}`)).body;
      // "Tachke", followed by another word, is no indexed term, nor one typo away from one: it begins "Tachkent".
      const unfinished = await search('Tachke Lavrov');
      expect(unfinished.relaxed).toBeNull();
      const meant = (await search('Tachkent Lavrov')).hits.map((h: { id: string }) => h.id).sort();
      expect(meant.length).toBeGreaterThan(0);
      expect(unfinished.hits.map((h: { id: string }) => h.id).sort()).toEqual(meant);
    });

    it.each([
      ['from=2022-13-01', 'from'],
      ['from=2022-02-30', 'from'],
      ['to=hier', 'to'],
      ['from=2022-05-01&to=2022-01-01', 'to'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['per_page=101', 'per_page'],
      ['sort=random', 'sort'],
      ['q=a&q=b', 'q'],
      [`q=${'x'.repeat(400)}`, 'q'],
      [Array.from({ length: 21 }, (_, k) => `speaker=s${k}`).join('&'), 'speaker'],
    ])('refuses %s with 400 naming the parameter', async (query, parameter) => {
      const { status, body, type } = await get(`/api/search?${query}`);
      expect(status).toBe(400);
      expect(type).toContain('json');
      expect(body.parameter).toBe(parameter);
      expect(body.error).toContain(parameter);
    });

    it('ignores prototype-polluting parameters', async () => {
      const { status } = await get('/api/search?__proto__[x]=1&constructor=2&q=Lavrov');
      expect(status).toBe(200);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });

  describe('GET /api/doc/:id', () => {
    it('returns the article with its metadata', async () => {
      const { status, body } = await get('/api/doc/002_7c4669d5fc0d68a3');
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: '002_7c4669d5fc0d68a3', date: evaluation.metadata['002_7c4669d5fc0d68a3'].date });
      expect(body.text).toContain('Tachkent');
      expect(body.speakers).toEqual(expect.arrayContaining(evaluation.metadata['002_7c4669d5fc0d68a3'].speakers));
    });

    it.each(['nope', '..%2F..%2Fpackage.json', 'a%00b'])('answers 404 JSON for %s', async (id) => {
      const { status, body } = await get(`/api/doc/${id}`);
      expect(status).toBe(404);
      expect(body.error).toBeTruthy();
    });
  });
});
