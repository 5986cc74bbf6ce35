/**
 * Issue 17 on PostgreSQL: an outage answered 500 on searches while /healthz
 * said 503; the indexer crashed with a stack trace when the database died
 * under it. Each case on its own throw-away cluster, stopped on purpose.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, NODE } from '../helpers/serving-process.js';
import { createPool, indexCorpusToPostgres } from '../../src/index/postgres/index.js';
import { startServer } from '../../src/web/server.js';
import { startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';

const clusters: PostgresCluster[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const cluster of clusters.splice(0)) await cluster.stop();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function indexedDatabase(): Promise<{ cluster: PostgresCluster; url: string }> {
  const cluster = await startPostgresCluster();
  clusters.push(cluster);
  const url = await cluster.createDatabase();
  const corpus = await writeCorpus(SMALL_ARTICLES);
  folders.push(corpus);
  const pool = createPool(url, { max: 2 });
  try {
    await indexCorpusToPostgres(corpus, pool);
  } finally {
    await pool.end();
  }
  return { cluster, url };
}

describe('a PostgreSQL outage while serving', () => {
  it('answers 503 with Retry-After on searches and pages, as /healthz does, never 500', async () => {
    const { cluster, url } = await indexedDatabase();
    const server = await startServer({ databaseUrl: url, port: 0 });
    try {
      expect((await fetch(`${server.url}/api/search?q=lavande`)).status).toBe(200);
      await cluster.stop();
      for (const page of ['/api/search?q=lavande', '/search?q=lavande', '/doc/a1', '/api/doc/a1', '/search.atom?q=lavande', '/healthz']) {
        const response = await fetch(server.url + page);
        expect(response.status, page).toBe(503);
        if (page !== '/healthz') expect(response.headers.get('retry-after'), page).toMatch(/^\d+$/);
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('the PostgreSQL indexer when the database dies under it', () => {
  it('stops with one line, no stack trace', async () => {
    const cluster = await startPostgresCluster();
    clusters.push(cluster);
    const url = await cluster.createDatabase();
    // Enough files for progress lines: the database is stopped at the first, while the corpus is read.
    const corpus = await mkdtemp(path.join(tmpdir(), 'depeches-pg-dies-'));
    folders.push(corpus);
    const text = SMALL_ARTICLES.map((a) => a.text).join('\n\n');
    for (let k = 0; k < 3000; k++) await writeFile(path.join(corpus, `${String(k).padStart(4, '0')}.txt`), `Dépêche ${k} de Sorbec\n\n${text}`);
    const child = spawn(NODE, [...CLI, 'index', '--corpus', corpus, '--database', url]);
    let stderr = '';
    let stopping: Promise<void> | null = null;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!stopping && /reading \d+\/3000/.test(stderr)) stopping = cluster.stop();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await stopping;
    expect(stopping, 'the indexer never reported progress').not.toBeNull();
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.trim() && !/^\s*reading \d+\/\d+ files/.test(line));
    expect(lines, stderr).toEqual([expect.stringMatching(/^depeches: .*(connection|database)/i)]);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
