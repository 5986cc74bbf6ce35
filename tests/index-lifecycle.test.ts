import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { openBackend, watchCorpus } from '../src/search/backends/index.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';
import { CLI, NODE } from './helpers/serving-process.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-lifecycle-'))));
// An indexer started through the tsx wrapper may still be writing its build when the file ends: rm retries on ENOTEMPTY.
afterAll(() => rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe('index lifecycle', () => {
  // An index built here, 1 200 files written and a CLI started: over 30 s on a loaded machine (21 s at load 23).
  it('keeps the previous index whole and servable when the indexer is killed mid-run', { timeout: 120_000 }, async () => {
    const indexDir = path.join(work, 'index');
    const before = await indexCorpus(SAMPLE_CORPUS, indexDir);
    // A corpus big enough to take seconds: the samples copied many times over.
    const big = path.join(work, 'big');
    const samples = await readdir(SAMPLE_CORPUS);
    for (let folder = 0; folder < 30; folder++) {
      await mkdir(path.join(big, `f${folder}`), { recursive: true });
      for (let k = 0; k < 40; k++) {
        const name = samples[k % samples.length];
        await writeFile(path.join(big, `f${folder}`, `${k}-${name}`), (await readFile(path.join(SAMPLE_CORPUS, name), 'utf8')) + `\nCopie ${folder}-${k}.`);
      }
    }
    const child = spawn(NODE, [...CLI, 'index', '--corpus', big, '--out', indexDir]);
    let output = '';
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        // Killed while reading, after progress was reported and before anything was saved.
        if (/reading \d+\/1200 files/.test(output)) {
          child.kill('SIGKILL');
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', () => resolve());
    });
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toMatch(/indexed \d+ documents/);
    const index = await loadIndex(indexDir);
    expect(index.manifest.buildId).toBe(before.buildId);
    expect(index.documents).toHaveLength(5);
  });

  it('rebuilds when the watched corpus changes', { timeout: 120_000 }, async () => {
    const corpus = path.join(work, 'watched');
    const indexDir = path.join(work, 'watched-index');
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    await indexCorpus(corpus, indexDir);
    const rebuilt = new Promise<string>((resolve) => {
      const watcher = watchCorpus(openBackend({ index: indexDir }).writer, corpus, {
        intervalMs: 100,
        onRebuild: (_report, reason) => {
          watcher.stop();
          resolve(reason);
        },
      });
    });
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(path.join(corpus, 'ajout.txt'), 'Le 5 mai 2023, la ministre Annalena Baerbock a déclaré à Berlin que le dialogue restait ouvert.');
    expect(await rebuilt).toMatch(/changed/);
    const index = await loadIndex(indexDir);
    expect(index.byId.has('ajout')).toBe(true);
  });
});
