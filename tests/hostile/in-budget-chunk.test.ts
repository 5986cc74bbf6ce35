import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCurrentDocuments } from '../../src/index/store.js';
import { indexCorpus } from '../../src/index/index.js';
import { GOOD_TEXT, tempFolder, writeFiles } from './in-helpers.js';

/**
 * A reading worker reports its files a chunk at a time (src/index/worker-tasks.ts),
 * the file it is on shared with the pool in memory (read-progress.ts). When
 * a file of a chunk is stopped, the one blamed is the file the worker was on,
 * not the first of its chunk, and the files it had read before it in the same
 * chunk, never reported, are read again by the next worker: each is indexed
 * once, none is lost.
 *
 * The slow file is slow for a reason the test controls (as in in-budget.test.ts):
 * 16 MiB of ordinary Markdown takes seconds to read, against a budget of 1.5 s.
 */

const work = tempFolder('in-budget-chunk');
afterAll(work.dispose);

const PARAGRAPH = 'La préfète Ombeline Quérard a annoncé jeudi à Vannes que le pont serait rouvert avant l’hiver.\n\n';
const BUDGET_MS = 1500;

describe('a file stopped in the middle of a chunk', () => {
  it('is the one listed as skipped, and the files read before it in the chunk are indexed once, as are those after it', async () => {
    const corpus = path.join(work.dir, 'chunk');
    const before = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`a-${k + 1}.txt`, GOOD_TEXT.replace('Paris', `Paris (dépêche ${k + 1})`)]));
    const after = Object.fromEntries(Array.from({ length: 3 }, (_, k) => [`z-${k + 1}.txt`, GOOD_TEXT.replace('Paris', `Lorient (dépêche ${k + 1})`)]));
    writeFiles(corpus, { ...before, 'm-lent.md': PARAGRAPH.repeat(Math.ceil((16 * 1024 * 1024) / Buffer.byteLength(PARAGRAPH))), ...after });
    const out = path.join(work.dir, 'chunk-index');
    // One reading worker (fewer than 500 files): all nine files in one request, one chunk.
    const report = await indexCorpus(corpus, out, { fileTimeoutMs: BUDGET_MS });
    expect(report.skipped).toEqual([{ path: 'm-lent.md', reason: 'took more than 1500 ms to read (time budget per file, or per article of a JSON Lines file): stopped' }]);
    expect(report.documentsIndexed).toBe(8);
    const ids = ((await readCurrentDocuments(out)) ?? []).map((d) => d.id);
    expect([...ids].sort()).toEqual([...Object.keys(before), ...Object.keys(after)].map((name) => name.replace(/\.txt$/, '')).sort());
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});
