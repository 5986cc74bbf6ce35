import { mkdtemp, mkdir, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../src/index/index.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';
import { runCli, serveCli, serveUntilUrl } from './helpers/serving-process.js';



let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-cli-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

/** Runs `serve` in a child process; resolves once it prints its URL. */
const serve = (...args: string[]) => serveCli(args);

describe('npm run index', () => {
  it('indexes the sample corpus and says what it did', async () => {
    const out = path.join(work, 'index');
    const { code, stdout } = await runCli('index', '--corpus', SAMPLE_CORPUS, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/indexed 5 documents from 5 files/);
    expect((await loadIndex(out)).documents).toHaveLength(5);
  });

  it('lists skipped files with a reason and still indexes the rest', async () => {
    const corpus = path.join(work, 'mixed');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'ok.txt'), 'Le 3 mars 2023, le ministre a déclaré que tout allait bien.');
    await writeFile(path.join(corpus, 'empty.txt'), '');
    await writeFile(path.join(corpus, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const { code, stdout } = await runCli('index', '--corpus', corpus, '--out', path.join(work, 'mixed-index'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/indexed 1 documents/);
    expect(stdout).toMatch(/empty\.txt: .+/);
    expect(stdout).toMatch(/image\.png: .+/);
  });

  it('fails with one line when the corpus folder is missing or holds nothing readable', async () => {
    const missing = await runCli('index', '--corpus', path.join(work, 'nowhere'), '--out', path.join(work, 'x'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const empty = path.join(work, 'empty');
    await mkdir(empty);
    const nothing = await runCli('index', '--corpus', empty, '--out', path.join(work, 'y'));
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toMatch(/nothing to index/);
    expect(await readdir(work)).not.toContain('y');
  });
});

describe('npm start', () => {
  it('rebuilds a damaged index, serves it, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const indexDir = path.join(work, 'served');
    await mkdir(indexDir);
    await writeFile(path.join(indexDir, 'current.json'), '{"build": "gone"}');
    const server = await serve('--corpus', SAMPLE_CORPUS, '--index', indexDir, '--port', '0');
    expect(server.output()).toMatch(/building the index|rebuilding the index/);
    const body = await (await fetch(`${server.url}/api/search?q=Tachkent`)).json();
    expect(body.total).toBe(1);
    expect(await server.stop()).toBe(0);
  });

  it('serves an index folder given without --corpus from the corpus it was built from, never the samples', { timeout: 120_000 }, async () => {
    const archive = path.join(work, 'archive');
    const indexDir = path.join(work, 'archive-index');
    await mkdir(archive);
    await writeFile(path.join(archive, 'a.txt'), 'Un article de l’archive\n\nLe ministre Ivan Petrov a déclaré que la récolte de betteraves était bonne.');
    expect((await runCli('index', '--corpus', archive, '--out', indexDir)).code).toBe(0);
    const server = await serve('--index', indexDir, '--port', '0');
    expect(server.output()).not.toMatch(/building the index|rebuilding the index/);
    expect(server.output()).toContain(archive);
    expect((await (await fetch(`${server.url}/api/search?q=betteraves`)).json()).total).toBe(1);
    expect((await (await fetch(`${server.url}/api/search?q=Tachkent`)).json()).total).toBe(0);
    expect(await server.stop()).toBe(0);
  });

  it('is one process that a SIGTERM or SIGINT to `npm start` stops, freeing its port', { timeout: 120_000 }, async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const indexDir = path.join(work, `npm-start-${signal}`);
      // The signal goes to npm itself, as a process manager or a terminal sends it.
      const server = await serveUntilUrl('npm', ['start', '--silent', '--', '--corpus', SAMPLE_CORPUS, '--index', indexDir, '--port', '0']);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await server.stop(signal);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    }
  });
});
