/**
 * Several threads serving one index (src/web/threads/): the real CLI with
 * `serve --threads 2` over a real index, every request answered by one of
 * the two workers (X-Depeches-Worker), their arrays shared, a reindex
 * swapped in under continuous load without a failed request, and a
 * stopped worker started again without a connection left unanswered.
 */
import { cp, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, readCurrentManifest } from '../src/index/index.js';
import { startThreadedServer } from '../src/web/threads/threaded-server.js';
import { startPostgresCluster } from './helpers/postgres-cluster.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';
import { runCli, serveCli } from './helpers/serving-process.js';

interface Answer {
  status: number;
  worker: string | undefined;
  body: string;
}

/** A GET on a connection of its own (no keep-alive pool): each one goes through the front's choice of worker. */
function fetchAlone(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, worker: res.headers['x-depeches-worker'] as string | undefined, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The build each worker reports in /healthz, after `tries` requests. */
async function buildsByWorker(url: string, tries = 12): Promise<Record<string, string>> {
  const builds: Record<string, string> = {};
  for (let k = 0; k < tries; k++) {
    const answer = await fetchAlone(`${url}/healthz`);
    if (answer.status === 200 && answer.worker !== undefined) builds[answer.worker] = (JSON.parse(answer.body) as { build: string }).build;
  }
  return builds;
}

/** Requests sent by `loops` clients in a row until stopped; what did not answer as `ok` says is kept. */
function continuousLoad(url: string, paths: string[], loops: number, ok: (answer: Answer) => boolean) {
  let running = true;
  let sent = 0;
  const failures: string[] = [];
  const clients = Array.from({ length: loops }, async (_, c) => {
    for (let k = c; running; k++) {
      const target = paths[k % paths.length];
      sent++;
      try {
        const answer = await fetchAlone(url + target);
        if (!ok(answer)) failures.push(`${target}: ${answer.status} ${answer.body.slice(0, 120)}`);
      } catch (error) {
        failures.push(`${target}: ${(error as Error).message}`);
      }
    }
  });
  return {
    sent: () => sent,
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return failures;
    },
  };
}

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-threads-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('serve --threads 2', () => {
  it('answers from both workers over shared arrays, and swaps a reindex in under load without a failed request', async () => {
    const corpus = path.join(work, 'corpus');
    const indexDir = path.join(work, 'index');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    const served = await serveCli(['--threads', '2', '--index', indexDir, '--corpus', corpus, '--port', '0']);
    try {
      expect(served.output()).toMatch(/\(2 threads, \d+ [KM]B of index shared\)/);
      // Both workers answer, each over the arrays this process read once.
      await expect.poll(async () => Object.keys(await buildsByWorker(served.url)).sort(), { timeout: 60_000, interval: 200 }).toEqual(['0', '1']);
      const ready = (served.output().match(/^\{.*"event":"thread-ready".*$/gm) ?? []).map((line) => JSON.parse(line) as { worker: number; sharedArrays: boolean; sharedTables: boolean });
      expect(ready.map((r) => r.worker).sort()).toEqual([0, 1]);
      // The postings each worker searches are the SharedArrayBuffer this process read.
      for (const r of ready) expect(r.sharedArrays).toBe(true);
      // And the search tables this process made once for both (searcher.ts SearchTables).
      for (const r of ready) expect(r.sharedTables).toBe(true);
      const before = (await readCurrentManifest(indexDir))!.buildId;

      const load = continuousLoad(served.url, ['/api/search?q=ministre', '/healthz', '/api/search?q=kazakh', '/search?q=rel'], 4, (a) => a.status === 200);
      // A new article, and the corpus reindexed by the real CLI while the load goes on.
      await writeFile(path.join(corpus, 'zz-threads.txt'), 'Le 4 mai 2024, la ministre Ondine Ferrandel a inauguré la médiathèque de Quillebois.');
      expect((await runCli('index', '--corpus', corpus, '--out', indexDir)).code).toBe(0);
      const after = (await readCurrentManifest(indexDir))!.buildId;
      expect(after).not.toBe(before);
      // Every worker ends up on the new build.
      await expect.poll(() => buildsByWorker(served.url), { timeout: 60_000, interval: 200 }).toEqual({ 0: after, 1: after });
      const sentDuringSwap = load.sent();
      const failures = await load.stop();
      expect(failures).toEqual([]);
      expect(sentDuringSwap).toBeGreaterThan(8);
      // The new article is found, whichever worker answers.
      const seen = new Set<string>();
      for (let k = 0; k < 8; k++) {
        const answer = await fetchAlone(`${served.url}/api/search?q=Quillebois`);
        expect((JSON.parse(answer.body) as { total: number }).total).toBe(1);
        seen.add(answer.worker!);
      }
      expect([...seen].sort()).toEqual(['0', '1']);
      expect(served.output()).toMatch(/"event":"index-swapped".*"threads":2/);
      // SIGTERM: every worker finishes its requests and stops, then the process exits cleanly.
      expect(await served.stop()).toBe(0);
    } finally {
      await served.stop();
    }
  }, 240_000);

  it('recovers a build damaged while served: rebuilt once, then every worker serves the new build', async () => {
    const corpus = path.join(work, 'damaged-corpus');
    const indexDir = path.join(work, 'damaged-index');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    const served = await serveCli(['--threads', '2', '--index', indexDir, '--corpus', corpus, '--port', '0']);
    try {
      const damagedBuild = (await readCurrentManifest(indexDir))!.buildId;
      await truncate(path.join(indexDir, 'builds', damagedBuild, 'documents.jsonl'), 100);
      // Health checks see the damage (503), the front thread rebuilds, and both workers serve the rebuilt build.
      await expect
        .poll(
          async () => {
            const builds = await buildsByWorker(served.url);
            return Object.keys(builds).length === 2 && Object.values(builds).every((b) => b !== damagedBuild) && new Set(Object.values(builds)).size === 1;
          },
          { timeout: 90_000, interval: 300 },
        )
        .toBe(true);
      expect(served.output()).toMatch(/"event":"index-damaged"/);
      expect(served.output().match(/^indexed 5 documents/gm)).toHaveLength(2);
      const search = await fetchAlone(`${served.url}/api/search?q=ministre`);
      expect(search.status).toBe(200);
    } finally {
      await served.stop();
    }
  }, 180_000);

  it('refuses a --threads that is no whole number, in one line', async () => {
    const { code, stderr } = await runCli('serve', '--threads', 'deux', '--index', path.join(work, 'none'));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^depeches: invalid --threads: deux \(expected a whole number from 1 to 64\)$/m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a serving thread that stops', () => {
  it('is started again, and no request is left unanswered meanwhile (503 in French at worst)', async () => {
    const indexDir = path.join(work, 'restart-index');
    await indexCorpus(SAMPLE_CORPUS, indexDir);
    const server = await startThreadedServer({ threads: 2, indexDir, port: 0, watchIndex: false });
    try {
      const answered = (a: Answer) => a.status === 200 || (a.status === 503 && /indisponible/.test(a.body));
      const load = continuousLoad(server.url, ['/healthz', '/api/search?q=ministre'], 4, answered);
      await server.stopThread(0);
      // Thread 0 serves again.
      await expect.poll(async () => Object.keys(await buildsByWorker(server.url)).sort(), { timeout: 60_000, interval: 200 }).toEqual(['0', '1']);
      const failures = await load.stop();
      expect(failures).toEqual([]);
      expect(load.sent()).toBeGreaterThan(4);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('serve --threads 2 --database', () => {
  it('answers from both workers, each over a pool of its own', async () => {
    const cluster = await startPostgresCluster();
    try {
      const database = await cluster.createDatabase();
      expect((await runCli('index', '--corpus', SAMPLE_CORPUS, '--database', database)).code).toBe(0);
      const served = await serveCli(['--threads', '2', '--database', database, '--corpus', SAMPLE_CORPUS, '--port', '0']);
      try {
        await expect.poll(async () => Object.keys(await buildsByWorker(served.url)).sort(), { timeout: 60_000, interval: 200 }).toEqual(['0', '1']);
        const seen = new Set<string>();
        for (let k = 0; k < 8; k++) {
          const answer = await fetchAlone(`${served.url}/api/search?q=ministre`);
          expect(answer.status).toBe(200);
          expect((JSON.parse(answer.body) as { total: number }).total).toBeGreaterThan(0);
          seen.add(answer.worker!);
        }
        expect([...seen].sort()).toEqual(['0', '1']);
        const health = JSON.parse((await fetchAlone(`${served.url}/healthz`)).body) as { backend: string };
        expect(health.backend).toBe('postgres');
      } finally {
        await served.stop();
      }
    } finally {
      await cluster.stop();
    }
  }, 240_000);
});
