/**
 * The CLI's `index` and `serve` on both backends, one code path chosen only
 * by --out/--index or --database: an archive indexed, then served without
 * --corpus, is served from the corpus it was built from (never rebuilt from
 * the sample corpus, which once replaced a database's index).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends.js';
import { startPostgresCluster, type PostgresCluster } from './helpers/postgres-cluster.js';

const TSX = path.resolve('node_modules/.bin/tsx');

/** Runs `serve`; resolves once it prints its URL (a child that exits first fails with what it said). */
async function serve(args: string[]): Promise<{ url: string; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(TSX, ['src/cli.ts', 'serve', ...args]);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no URL in: ${output}`));
    }, 90_000);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before serving: ${output}`));
    });
    child.stdout.on('data', () => {
      const match = /on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, output: () => output, stop: () => (child.kill('SIGTERM'), exit) };
}

describe.each(BACKENDS)('the CLI on the %s backend', (kind) => {
  let work: string;
  let cluster: PostgresCluster | null = null;
  let location: string[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'depeches-backend-cli-'));
    if (kind === 'postgres') {
      cluster = await startPostgresCluster();
      location = ['--database', await cluster.createDatabase()];
    } else location = ['--index', path.join(work, 'index')];
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('indexes an archive, then serves it without --corpus from the corpus it was built from', { timeout: 180_000 }, async () => {
    const archive = path.join(work, 'archive');
    await mkdir(archive);
    await writeFile(path.join(archive, 'a.txt'), 'Un article de l’archive\n\nLe ministre Ivan Pétrovel a déclaré que la récolte de betteraves était bonne.');
    const indexArgs = kind === 'postgres' ? location : ['--out', location[1]];
    const { stdout } = await promisify(execFile)(TSX, ['src/cli.ts', 'index', '--corpus', archive, ...indexArgs]);
    expect(stdout).toMatch(/indexed 1 documents from 1 files into /);
    const server = await serve([...location, '--port', '0']);
    try {
      expect(server.output()).not.toMatch(/building the index|rebuilding the index/);
      expect(server.output()).toContain(`searching ${archive} in `);
      const health = await (await fetch(`${server.url}/healthz`)).json();
      expect(health).toMatchObject({ status: 'ok', backend: kind, documents: 1 });
      expect((await (await fetch(`${server.url}/api/search?q=betteraves`)).json()).total).toBe(1);
      expect((await (await fetch(`${server.url}/api/search?q=Tachkent`)).json()).total).toBe(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
