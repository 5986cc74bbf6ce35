import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCurrentDocuments } from '../../src/index/store.js';
import { indexCorpus } from '../../src/index/index.js';
import { readCorpusInWorkers } from '../../src/index/parallel.js';
import { GOOD_TEXT, tempFolder, writeFiles } from './in-helpers.js';

/**
 * One file never holds the run: a file over the time budget is stopped in
 * its worker, listed as skipped, and the files around it are indexed; a
 * file over the size limit is read up to a line break before it.
 *
 * The slow file is slow for a reason the test controls: 16 MiB of ordinary
 * Markdown takes seconds to read and extract (11 s measured at load 4), against a budget
 * lowered to 1.5 s; a small file takes milliseconds, so even a loaded machine
 * leaves the small files far under the budget and the big ones over it.
 */

const work = tempFolder('in-budget');
afterAll(work.dispose);

const PARAGRAPH = 'Le ministre Jean Exemple a déclaré mardi à Lyon que la réforme serait adoptée avant l’été, selon l’AFP.\n\n';
const bigMarkdown = (bytes: number) => PARAGRAPH.repeat(Math.ceil(bytes / Buffer.byteLength(PARAGRAPH)));
const BUDGET_MS = 1500;

/** 16 MiB of Markdown (under the 20 MiB size limit): seconds of reading even on a fast, quiet machine, several budgets. */
const slowMarkdown = () => bigMarkdown(16 * 1024 * 1024);

describe('the time budget per file', () => {
  it('stops a file over budget, lists it with the reason, and indexes the files before and after it', async () => {
    const corpus = path.join(work.dir, 'slow');
    const slow = slowMarkdown();
    writeFiles(corpus, {
      'a-avant.txt': GOOD_TEXT,
      'm-lent.md': slow,
      'n-lent.md': slow,
      'z-apres.txt': GOOD_TEXT.replace('Paris', 'Marseille'),
    });
    const out = path.join(work.dir, 'slow-index');
    const report = await indexCorpus(corpus, out, { fileTimeoutMs: BUDGET_MS });
    expect(report.skipped).toEqual([
      { path: 'm-lent.md', reason: 'took more than 1500 ms to read (time budget per file, or per article of a JSON Lines file): stopped' },
      { path: 'n-lent.md', reason: 'took more than 1500 ms to read (time budget per file, or per article of a JSON Lines file): stopped' },
    ]);
    const documents = (await readCurrentDocuments(out)) ?? [];
    expect(documents.map((d) => d.id).sort()).toEqual(['a-avant', 'z-apres']);
  }, 60_000);

  it('readCorpusInWorkers (for indexers that analyze by themselves) applies the same budget', async () => {
    const corpus = path.join(work.dir, 'slow-read');
    writeFiles(corpus, { 'a-avant.txt': GOOD_TEXT, 'm-lent.md': slowMarkdown() });
    const result = await readCorpusInWorkers(corpus, { fileTimeoutMs: BUDGET_MS });
    expect(result.articles.map((a) => a.id)).toEqual(['a-avant']);
    expect(result.skipped.map((s) => s.path)).toEqual(['m-lent.md']);
  }, 60_000);

  it('gives a JSON Lines file the budget per article: a long feed of ordinary records is read whole', async () => {
    const corpus = path.join(work.dir, 'feed');
    // Under 1 ms of extraction a record (pauses for garbage collection aside): the file takes seconds, no record comes near the budget.
    const records = Array.from({ length: 5000 }, (_, k) => JSON.stringify({ text: `${PARAGRAPH.trim()} Dépêche numéro ${k + 1}.` }));
    writeFiles(corpus, { 'flux.jsonl': records.join('\n') });
    const report = await indexCorpus(corpus, path.join(work.dir, 'feed-index'), { fileTimeoutMs: 1000 });
    expect(report.skipped).toEqual([]);
    expect(report.documentsIndexed).toBe(5000);
  }, 60_000);

  it('reads the same files whole with the default budget', async () => {
    const corpus = path.join(work.dir, 'default');
    writeFiles(corpus, { 'a-avant.txt': GOOD_TEXT, 'm-moyen.md': bigMarkdown(64 * 1024) });
    const report = await indexCorpus(corpus, path.join(work.dir, 'default-index'));
    expect(report.skipped).toEqual([]);
    expect(report.documentsIndexed).toBe(2);
  });

  it('refuses a budget in the environment that is not a number, in one line', async () => {
    const corpus = path.join(work.dir, 'env');
    writeFiles(corpus, { 'a.txt': GOOD_TEXT });
    process.env.DEPECHES_FILE_TIMEOUT_S = 'dix';
    try {
      await expect(indexCorpus(corpus, path.join(work.dir, 'env-index'))).rejects.toThrow(/^DEPECHES_FILE_TIMEOUT_S must be a number ≥ 0, not "dix"$/);
    } finally {
      delete process.env.DEPECHES_FILE_TIMEOUT_S;
    }
  });
});

describe('a worker that dies on a file', () => {
  it('costs that file only: the file is listed with the reason and a new worker reads the rest', async () => {
    const corpus = path.join(work.dir, 'memory');
    // 8 MB of paragraphs: its DOM needs hundreds of MB, the worker's heap is limited to 64 MB.
    writeFiles(corpus, { 'a-avant.txt': GOOD_TEXT, 'm-gros.html': `<html><body>${'<p>mot</p>'.repeat(800_000)}</body></html>`, 'z-apres.txt': GOOD_TEXT.replace('Paris', 'Lille') });
    const out = path.join(work.dir, 'memory-index');
    const report = await indexCorpus(corpus, out, { workerHeapMb: 64 });
    expect(report.skipped).toEqual([{ path: 'm-gros.html', reason: 'the reader stopped on this file: Worker terminated due to reaching memory limit: JS heap out of memory' }]);
    expect(((await readCurrentDocuments(out)) ?? []).map((d) => d.id).sort()).toEqual(['a-avant', 'z-apres']);
  }, 60_000);
});

describe('the size limit per file', () => {
  it('reads a larger file up to its last line break before the limit, and says so', async () => {
    const corpus = path.join(work.dir, 'large');
    const lines = Array.from({ length: 400 }, (_, k) => JSON.stringify({ id: `ligne-${k + 1}`, text: `${PARAGRAPH.trim()} Dépêche numéro ${k + 1}.` }));
    writeFiles(corpus, { 'flux.jsonl': `${lines.join('\n')}\n` });
    const size = Buffer.byteLength(`${lines.join('\n')}\n`);
    const out = path.join(work.dir, 'large-index');
    const report = await indexCorpus(corpus, out, { maxFileBytes: 16 * 1024 });
    const ids = ((await readCurrentDocuments(out)) ?? []).map((d) => d.id);
    // Every line before the limit, no line cut in the middle (a cut line would be invalid JSON, reported).
    const expected = lines.findIndex((_, k) => Buffer.byteLength(lines.slice(0, k + 1).join('\n') + '\n') > 16 * 1024);
    expect(ids).toEqual(Array.from({ length: expected }, (_, k) => `ligne-${k + 1}`));
    expect(report.skipped).toEqual([
      { path: 'flux.jsonl', reason: `file larger than the 16 kB limit (${+(size / 1024).toFixed(1)} kB): only its first 16 kB are read, up to the last line break` },
    ]);
  });

  it('reads files under the default limit (20 MiB) whole', async () => {
    const corpus = path.join(work.dir, 'under');
    writeFiles(corpus, { 'long.md': bigMarkdown(1024 * 1024) });
    const report = await indexCorpus(corpus, path.join(work.dir, 'under-index'), { fileTimeoutMs: 0 });
    expect(report.skipped).toEqual([]);
  });
});
