/**
 * Both backends made only by the factory (openBackend), as the CLI makes
 * them: the writer builds the sample corpus (through the indexing worker
 * pool), the reader is served by the real server on a free port, and one
 * list of API checks runs against each. Then the corpus changes and the same
 * watcher (watchCorpus over the writer) rebuilds it while the server swaps
 * the new build in: one code path for hot swaps on both kinds.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, watchCorpus, type Backend, type BackendLocation, type BuildReport } from '../src/search/backends/index.js';
import { startServer, type RunningServer } from '../src/web/server.js';
import { BACKENDS, type BackendKind } from './helpers/backends.js';
import { startPostgresCluster, type PostgresCluster } from './helpers/postgres-cluster.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';

type Answer = { status: number; type: string; body: any };

/** One API check: a path, and what its answer must hold on any backend. */
interface Check {
  what: string;
  path: string;
  expect: (answer: Answer, kind: BackendKind) => void;
}

const TACHKENT = '002_7c4669d5fc0d68a3';

const CHECKS: Check[] = [
  { what: 'health names the backend and its documents', path: '/healthz', expect: ({ status, body }, kind) => expect([status, body.status, body.backend, body.documents]).toEqual([200, 'ok', kind, 5]) },
  {
    what: 'a search finds and highlights a word',
    path: '/api/search?q=Tachkent',
    expect: ({ status, body }) => {
      expect(status).toBe(200);
      expect(body.hits.map((h: { id: string }) => h.id)).toEqual([TACHKENT]);
      expect(body.hits[0].snippet).toMatch(/<mark>Tachkent<\/mark>/);
    },
  },
  {
    what: 'an organisation filter keeps only its articles and counts them in its facet',
    path: '/api/search?org=OTSC',
    expect: ({ body }) => {
      expect(body.total).toBe(2);
      for (const hit of body.hits) expect(hit.organisations).toContain('OTSC');
      expect(body.facets.organisation.find((v: { value: string }) => v.value === 'OTSC')?.count).toBe(2);
    },
  },
  { what: 'a date range', path: '/api/search?from=2022-01-01', expect: ({ body }) => expect(body.total).toBe(3) },
  { what: 'an article by id', path: `/api/doc/${TACHKENT}`, expect: ({ status, body }) => expect([status, body.id, body.text.includes('Tachkent')]).toEqual([200, TACHKENT, true]) },
  { what: 'an unknown article is a 404', path: '/api/doc/nope', expect: ({ status, body }) => expect([status, typeof body.error]).toEqual([404, 'string']) },
  { what: 'the document page highlights the query', path: `/doc/${TACHKENT}?q=Tachkent`, expect: ({ status, body }) => expect([status, /<mark>Tachkent<\/mark>/.test(body)]).toEqual([200, true]) },
  { what: 'the people the letters name', path: '/api/suggest?q=lavr', expect: ({ body }) => expect(body.names.map((n: { value: string }) => n.value)).toContain('Sergueï Lavrov') },
  { what: 'a person page', path: '/intervenant/serguei-lavrov', expect: ({ status, body }) => expect([status, body.includes('Lavrov')]).toEqual([200, true]) },
  { what: 'the Atom feed of a search', path: '/search.atom?q=vaccin', expect: ({ status, type, body }) => expect([status, type.includes('atom'), (body.match(/<entry>/g) ?? []).length]).toEqual([200, true, 2]) },
];

/** Polls until `done` holds (every 100 ms, at most 60 s): a rebuild runs on a loaded machine. */
async function eventually(done: () => Promise<boolean>): Promise<boolean> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) if (await done()) return true;
  return false;
}

/** What each backend answered, compared at the end. */
const answers = new Map<BackendKind, Map<string, Answer>>();

describe.each(BACKENDS)('%s backend made by the factory', (kind) => {
  let work: string;
  let corpus: string;
  let cluster: PostgresCluster | null = null;
  let backend: Backend;
  let report: BuildReport;
  let server: RunningServer;
  const get = async (pathname: string): Promise<Answer> => {
    const response = await fetch(server.url + pathname);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? await response.json() : await response.text() };
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'depeches-factory-'));
    corpus = path.join(work, 'corpus');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    let location: BackendLocation = { index: path.join(work, 'index') };
    if (kind === 'postgres') {
      cluster = await startPostgresCluster();
      location = { database: await cluster.createDatabase() };
    }
    backend = openBackend(location);
    expect(backend.kind).toBe(kind);
    expect(await backend.writer.rebuildReason(corpus)).toMatch(/no index/);
    report = await backend.writer.build(corpus);
    server = await startServer({ reader: await backend.open(), port: 0 });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await backend?.writer.close();
    await cluster?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('reports the build it wrote: files, documents, a build id, the time of each phase', async () => {
    expect(report).toMatchObject({ filesSeen: 5, documentsIndexed: 5, skipped: [] });
    // Every phase did real work on five files, so none may report zero (PostgreSQL's build time once did).
    expect(report.seconds.read).toBeGreaterThan(0);
    expect(report.seconds.build).toBeGreaterThan(0);
    expect(report.seconds.save).toBeGreaterThan(0);
    expect(server.buildId()).toBe(report.buildId);
    expect(await backend.writer.rebuildReason(corpus)).toBeNull();
    expect(path.resolve((await backend.writer.builtFrom())!)).toBe(path.resolve(corpus));
  });

  it.each(CHECKS)('$what', async (check) => {
    const answer = await get(check.path);
    check.expect(answer, kind);
    if (!answers.has(kind)) answers.set(kind, new Map());
    answers.get(kind)!.set(check.path, answer);
  });

  it('rebuilds on a corpus change through the same watcher, and serves the new build without a restart', { timeout: 120_000 }, async () => {
    const before = server.buildId();
    const rebuilt: BuildReport[] = [];
    const errors: Error[] = [];
    const watcher = watchCorpus(backend.writer, corpus, { intervalMs: 200, onRebuild: (r) => rebuilt.push(r), onError: (e) => errors.push(e) });
    try {
      // An invented word and an invented minister, in no other article.
      await writeFile(path.join(corpus, 'ajout.txt'), 'Le 3 mars 2023, la ministre Ondine Kervallec a déclaré à Tachkent que la zorbalande restait ouverte.');
      const found = await eventually(async () => (await get('/api/search?q=zorbalande')).body.total === 1);
      expect(found, `the new article was never served (${errors.map((e) => e.message).join('; ')})`).toBe(true);
      // A reader may serve the new build before the writer's build() has resolved (it still tidies up after publishing).
      expect(await eventually(async () => rebuilt.length > 0)).toBe(true);
      expect(rebuilt.at(-1)).toMatchObject({ documentsIndexed: 6, filesReused: 5 });
      const health = await get('/healthz');
      expect(health.body).toMatchObject({ status: 'ok', documents: 6 });
      expect(health.body.build).not.toBe(before);
      expect(server.buildId()).toBe(health.body.build);
    } finally {
      watcher.stop();
    }
  });
});

describe('both backends', () => {
  it('give the same answers to the shared checks: the same ids and totals', () => {
    const [embedded, postgres] = BACKENDS.map((kind) => answers.get(kind));
    expect(embedded?.size).toBe(CHECKS.length);
    expect(postgres?.size).toBe(CHECKS.length);
    for (const { path: p } of CHECKS.filter((c) => c.path.startsWith('/api/search'))) {
      const ids = (answer: Answer) => answer.body.hits.map((h: { id: string }) => h.id).sort();
      expect(ids(postgres!.get(p)!), p).toEqual(ids(embedded!.get(p)!));
      expect(postgres!.get(p)!.body.total, p).toBe(embedded!.get(p)!.body.total);
    }
  });
});

describe('the factory with a replica', () => {
  it('reads a streaming standby named by replica while the writer writes on the database, passwords hidden', () => {
    const backend = openBackend({ database: 'postgres://depeches:secret1@primary.example/archives', replica: 'postgres://depeches:secret2@standby.example/archives' });
    expect(backend.writer.location).toMatch(/primary\.example/);
    expect(backend.location).toMatch(/standby\.example.*builds written on .*primary\.example/);
    expect(backend.location).not.toMatch(/secret/);
    expect(openBackend({ database: 'postgres://depeches:secret1@primary.example/archives' }).location).toBe(backend.writer.location);
  });

  it('refuses a replica without its primary, or one that is not a postgres URL, in one line', () => {
    expect(() => openBackend({ index: 'index', replica: 'postgres://standby.example/archives' })).toThrow(/^--replica \(or DATABASE_REPLICA_URL\) needs --database/);
    expect(() => openBackend({ database: 'postgres://primary.example/a', replica: 'mysql://standby.example/a' })).toThrow(/^--replica \(or DATABASE_REPLICA_URL\) must be a postgres:\/\//);
  });

  it('says an index folder is writable', async () => {
    expect(await openBackend({ index: 'index' }).writer.readOnly()).toBeNull();
  });
});
