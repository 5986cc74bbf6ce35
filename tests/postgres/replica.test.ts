/**
 * A PostgreSQL primary and a streaming hot standby (two throw-away clusters
 * on loopback): builds are written on the primary, readers are served by the
 * standby once it has replayed them, and `serve` pointed at a standby never
 * tries to write there. The API suite through a standby is in api.test.ts.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, indexCorpusToPostgres, isStandby, readPostgresBuild } from '../../src/index/postgres/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { startReplicatedDatabase, type ReplicatedDatabase } from '../helpers/postgres-replica.js';
import { SAMPLE_CORPUS } from '../helpers/sample-index.js';
import { CLI, NODE } from '../helpers/serving-process.js';


let database: ReplicatedDatabase;
let work: string;
let corpus: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-replica-'));
  corpus = path.join(work, 'corpus');
  await cp(SAMPLE_CORPUS, corpus, { recursive: true });
  database = await startReplicatedDatabase(corpus);
}, 120_000);
afterAll(async () => {
  await database?.stop();
  await rm(work, { recursive: true, force: true });
});

async function search(url: string, q: string): Promise<{ total: number; ids: string[] }> {
  const body = (await (await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`)).json()) as { total: number; hits: { id: string }[] };
  return { total: body.total, ids: body.hits.map((h) => h.id) };
}

/** `serve` in a child process, resolved once it prints its URL. */
async function serve(args: string[]): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(NODE, [...CLI, 'serve', '--port', '0', ...args], { env: { ...process.env, DATABASE_URL: '', DATABASE_REPLICA_URL: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${output}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before serving: ${output}`)));
    child.stdout.on('data', () => {
      const match = /on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  }).catch(async (error) => {
    child.kill('SIGTERM');
    throw error;
  });
  return { url, output: () => output, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

describe('a primary and a streaming standby', () => {
  it('are two clusters, the standby read-only and holding the build written on the primary', async () => {
    const [primary, standby] = [createPool(database.primaryUrl, { max: 1 }), createPool(database.standbyUrl, { max: 1 })];
    try {
      expect(database.primary.port).not.toBe(database.standby.port);
      expect(await isStandby(primary)).toBe(false);
      expect(await isStandby(standby)).toBe(true);
      await expect(standby.query('CREATE TABLE depeches.x (y int)')).rejects.toThrow(/read-only transaction/);
      const [written, replicated] = [await readPostgresBuild(primary), await readPostgresBuild(standby)];
      expect(replicated).toEqual(written);
      expect(replicated?.documentCount).toBe(5);
    } finally {
      await Promise.all([primary.end(), standby.end()]);
    }
  });

  it('shows a build written on the primary through the standby once it has replayed it', async () => {
    let server: RunningServer | null = null;
    const writer = createPool(database.primaryUrl, { max: 2 });
    try {
      server = await startServer({ databaseUrl: database.standbyUrl, port: 0, watchIndex: false });
      expect((await search(server.url, 'Zorblatt')).ids.filter((id) => id.includes('zorblatt'))).toEqual([]);
      await writeFile(path.join(corpus, 'zorblatt.txt'), 'Le 4 mars 2024, Aurèle Zorblatt a déclaré que la coopération régionale avançait.');
      const report = await indexCorpusToPostgres(corpus, writer);
      expect(report.inserted).toBe(1);
      await database.replayed();
      const found = await search(server.url, 'Zorblatt');
      expect(found.total).toBe(1);
      expect(found.ids[0]).toMatch(/zorblatt/);
    } finally {
      await server?.close();
      await writer.end();
      await rm(path.join(corpus, 'zorblatt.txt'), { force: true });
    }
  });

  it('serve --database STANDBY serves it as replicated and never tries to build there, even when the corpus changed', async () => {
    await writeFile(path.join(corpus, 'unbuilt.txt'), 'Le 5 mars 2024, Quenelda Vurmont a affirmé que rien ne changeait.');
    const server = await serve(['--database', database.standbyUrl, '--corpus', corpus]);
    try {
      expect(server.output()).toMatch(/read-only standby/);
      expect(server.output()).not.toMatch(/building the index/);
      expect((await search(server.url, 'Vurmont')).ids.filter((id) => id.includes('unbuilt'))).toEqual([]);
      expect((await search(server.url, 'coopération')).total).toBeGreaterThan(0);
    } finally {
      await server.stop();
      await rm(path.join(corpus, 'unbuilt.txt'), { force: true });
    }
  });

  it('serve --database PRIMARY --replica STANDBY builds on the primary and answers from the standby', async () => {
    await writeFile(path.join(corpus, 'replicated.txt'), 'Le 6 mars 2024, Ombeline Trastour a estimé que la réforme attendrait.');
    const server = await serve(['--database', database.primaryUrl, '--replica', database.standbyUrl, '--corpus', corpus]);
    try {
      expect(server.output()).toMatch(/builds written on/);
      await expect.poll(() => server.output(), { timeout: 60_000, interval: 200 }).toMatch(/building the index/);
      // The changed corpus is rebuilt once the server answers (cli.ts corpusChecked): the build's report says when it is committed.
      await expect.poll(() => server.output(), { timeout: 60_000, interval: 200 }).toMatch(/indexed \d+ documents from \d+ files into/);
      await database.replayed();
      expect((await search(server.url, 'Trastour')).total).toBe(1);
    } finally {
      await server.stop();
      await rm(path.join(corpus, 'replicated.txt'), { force: true });
    }
  });

  it('refuses --replica without the primary it replicates, in one line', async () => {
    const child = spawn(NODE, [...CLI, 'serve', '--replica', database.standbyUrl], { env: { ...process.env, DATABASE_URL: '' } });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe('depeches: --replica (or DATABASE_REPLICA_URL) needs --database (or DATABASE_URL): the primary that builds are written on');
  });
});
