/**
 * Scoring many terms at once (a beginning being typed) over a good share of
 * the archive reads no stamps and gathers its documents in document order
 * (src/search/postings.ts, DENSE_SHARE): on a real index of a generated
 * archive, the documents and scores must be those of the terms scored one
 * by one (the stamped path) and summed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { Searcher } from '../src/search/index.js';
import { generateArchive, type GeneratedArchive } from './helpers/generated-archive.js';

let archive: GeneratedArchive;
let indexDir: string;
let searcher: Searcher;

beforeAll(async () => {
  archive = await generateArchive({ articles: 800, seed: 5 });
  indexDir = await mkdtemp(path.join(tmpdir(), 'depeches-dense-'));
  await indexCorpus(archive.dir, indexDir);
  searcher = new Searcher(await loadIndex(indexDir));
}, 120_000);
afterAll(async () => {
  await archive?.cleanup();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

describe('scoring many terms over much of the archive', () => {
  it('finds the documents and scores of its terms scored one by one, in document order', () => {
    const view = searcher.postings;
    let dense = 0;
    for (const prefix of ['a', 'c', 'd', 'p', 're', 'co', 'l']) {
      const terms = [...view.termsWithPrefix(prefix)].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([term], k) => ({ term, weight: 1 / (1 + k) }));
      const expected = new Map<number, number>();
      for (const term of terms) {
        const one = view.score([term]);
        for (let k = 0; k < one.docs.length; k++) expected.set(one.docs[k], (expected.get(one.docs[k]) ?? 0) + one.scores[k]);
      }
      const got = view.score(terms);
      const docs = Array.from(got.docs);
      expect(new Set(docs)).toEqual(new Set(expected.keys()));
      docs.forEach((n, k) => expect(got.scores[k]).toBeCloseTo(expected.get(n)!, 9));
      const ascending = docs.every((n, k) => k === 0 || docs[k - 1] < n);
      // Past a quarter of the archive's postings the merged scoring is the dense one, in document order.
      if (expected.size >= searcher.documents.length / 4) {
        expect(ascending).toBe(true);
        dense++;
      }
    }
    expect(dense).toBeGreaterThan(3);
  });
});
