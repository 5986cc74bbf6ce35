/**
 * Issue 17, a full disk or a read-only index folder: the failed build left
 * its `.staging-*` folder behind, so every later run failed with ENOSPC even
 * after space was freed, and the server refused to start with the previous
 * (whole) index; a read-only folder said "ENOENT … mkdir". Now a failed
 * build removes its staging folder and says why in one line, the next run
 * removes the leftovers of dead runs, and the server serves the previous
 * build. Needs root to mount a small tmpfs (CI runs as root); skipped
 * otherwise, saying so.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexWriteError, indexCorpus, loadIndex } from '../../src/index/index.js';
import { SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';
import { runCli, serveCli } from '../helpers/serving-process.js';


let work = '';
let mountPoint = '';
/** A second small disk for the read-only case: a disk where files were deleted while open cannot be remounted read-only. */
let readOnlyPoint = '';
let mounted = false;
let whyNot = '';

function mount(point: string, options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point], { stdio: 'pipe' });
}
const remount = (point: string, options: string) => execFileSync('mount', ['-o', `remount,${options}`, point], { stdio: 'pipe' });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-full-disk-'));
  mountPoint = path.join(work, 'small-disk');
  readOnlyPoint = path.join(work, 'read-only-disk');
  await mkdir(mountPoint);
  await mkdir(readOnlyPoint);
  if (process.getuid?.() !== 0) whyNot = 'not root: cannot mount a small tmpfs';
  else {
    try {
      mount(mountPoint, 'size=2m');
      mounted = true;
      mount(readOnlyPoint, 'size=8m');
    } catch (error) {
      whyNot = `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  if (whyNot) console.warn(`tests/hostile/rest-full-disk.test.ts skipped: ${whyNot}`);
});

afterAll(async () => {
  // Lazily: loaded indexes of this process may still hold files of it open.
  if (mounted) for (const point of [mountPoint, readOnlyPoint]) execFileSync('umount', ['-l', point]);
  await rm(work, { recursive: true, force: true });
});

/** About `megabytes` of French text in articles of 40 kB (invented names). */
function bulkArticles(megabytes: number, prefix: string) {
  const paragraph = 'Le syndicat des maraîchers de Castelmaure réclame une aide après la grêle, a déclaré son président Aurèle Vandamme. ';
  const text = paragraph.repeat(Math.ceil(40_000 / paragraph.length));
  return Array.from({ length: Math.ceil((megabytes * 1e6) / 40_000) }, (_, k) => ({ id: `${prefix}${k}`, title: `Grêle à Castelmaure, épisode ${k}`, text }));
}



const leftovers = async (index: string) => (await readdir(path.join(index, 'builds')).catch(() => [] as string[])).filter((n) => n.startsWith('.'));

describe('an index folder on a full disk', () => {
  it('fails in one line, removes its staging folder, keeps the previous build, and the next run works once space is freed', async (context) => {
    if (!mounted) return context.skip(whyNot);
    const index = path.join(mountPoint, 'index');
    const corpus = await writeCorpus(SMALL_ARTICLES, await mkdtemp(path.join(work, 'corpus-')));
    const first = await indexCorpus(corpus, index, { threads: 0 });
    // Leftover of a run killed earlier (its pid is not alive), and a staging folder of an older version.
    await mkdir(path.join(index, 'builds', '.staging-2147483646-20200101T000000Z-dead'));
    await writeFile(path.join(index, 'builds', '.staging-2147483646-20200101T000000Z-dead', 'documents.jsonl'), 'x'.repeat(100_000));

    await writeCorpus([...SMALL_ARTICLES, ...bulkArticles(3, 'big')], corpus);
    const error = (await indexCorpus(corpus, index, { threads: 0 }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(IndexWriteError);
    expect(error.message).toMatch(/no space left on the device \(ENOSPC\)/);
    expect(error.message).not.toContain('\n');
    expect(await leftovers(index)).toEqual([]);
    expect((await loadIndex(index)).manifest.buildId).toBe(first.buildId);

    // The command says the same in one line, no stack trace.
    const command = await runCli('index', '--corpus', corpus, '--out', index);
    expect(command.code).toBe(1);
    expect(command.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^depeches: cannot write the index in .*ENOSPC/)]);
    expect(await leftovers(index)).toEqual([]);

    // The server starts on the previous build rather than refusing to (the changed corpus is rebuilt once it answers).
    const server = await serveCli(['--corpus', corpus, '--index', index, '--port', '0']);
    try {
      await expect.poll(() => server.output(), { timeout: 60_000, interval: 200 }).toMatch(/ENOSPC.*serving the previous build/);
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; build: string };
      expect(health).toMatchObject({ status: 'ok', build: first.buildId });
    } finally {
      await server.stop();
    }

    remount(mountPoint, 'size=64m');
    const next = await indexCorpus(corpus, index, { threads: 0 });
    expect((await loadIndex(index)).documents.length).toBe(next.documentsIndexed);
    expect(await leftovers(index)).toEqual([]);
    await rm(corpus, { recursive: true, force: true });
    await rm(index, { recursive: true, force: true });
  }, 180_000);

  it('on a read-only folder says so in one line, and the next run works once it is writable', async (context) => {
    if (!mounted) return context.skip(whyNot);
    const index = path.join(readOnlyPoint, 'index');
    const corpus = await writeCorpus(SMALL_ARTICLES, await mkdtemp(path.join(work, 'corpus-')));
    const first = await indexCorpus(corpus, index, { threads: 0 });
    await writeCorpus(SMALL_ARTICLES.slice(0, 2), corpus);
    remount(readOnlyPoint, 'ro');
    try {
      const error = (await indexCorpus(corpus, index, { threads: 0 }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(IndexWriteError);
      expect(error.message).toMatch(/read-only file system \(EROFS\)/);
      expect(error.message).not.toMatch(/ENOENT/);
      const command = await runCli('index', '--corpus', corpus, '--out', path.join(readOnlyPoint, 'never-made'));
      expect(command.code).toBe(1);
      expect(command.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^depeches: cannot write the index in .*\(EROFS\)/)]);
    } finally {
      remount(readOnlyPoint, 'rw');
    }
    expect((await loadIndex(index)).manifest.buildId).toBe(first.buildId);
    const next = await indexCorpus(corpus, index, { threads: 0 });
    expect(next.documentsIndexed).toBe(2);
    expect(await leftovers(index)).toEqual([]);
    await rm(corpus, { recursive: true, force: true });
  }, 120_000);
});
