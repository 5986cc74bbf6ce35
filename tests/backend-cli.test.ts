/**
 * The CLI's `index` and `serve` on both backends, one code path chosen only
 * by --out/--index or --database: an archive indexed, then served without
 * --corpus, is served from the corpus it was built from (never rebuilt from
 * the sample corpus, which once replaced a database's index).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends.js';
import { startPostgresCluster, type PostgresCluster } from './helpers/postgres-cluster.js';
import { serveCli, CLI, NODE } from './helpers/serving-process.js';


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
    const { stdout } = await promisify(execFile)(NODE, [...CLI, 'index', '--corpus', archive, ...indexArgs]);
    expect(stdout).toMatch(/indexed 1 documents from 1 files into /);
    const server = await serveCli([...location, '--port', '0']);
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
