/**
 * Typo look-ups on the sorted term list (src/search/fuzzy-terms.ts) answer
 * as MiniSearch's radix tree did (SearchableMap.fuzzyGet over the same
 * terms, inserted sorted): the same terms, the same distances, in the same
 * order, for words taken from real indexes (a generated archive, the
 * compounds fixture: real French words) and altered by an edit, at every
 * distance the search asks and one more. (bench/fuzzy-terms.ts does the
 * same on a 100 000-article index.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SearchableMap from 'minisearch/SearchableMap';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { Searcher } from '../src/search/index.js';
import { termsWithin } from '../src/search/fuzzy-terms.js';
import { generateArchive, type GeneratedArchive } from './helpers/generated-archive.js';

let archive: GeneratedArchive;
const indexDirs: string[] = [];
/** The sorted terms of each index. */
const termLists: string[][] = [];

async function termsOf(corpus: string): Promise<string[]> {
  const indexDir = await mkdtemp(path.join(tmpdir(), 'depeches-fuzzy-'));
  indexDirs.push(indexDir);
  await indexCorpus(corpus, indexDir);
  return new Searcher(await loadIndex(indexDir)).index.compact.terms;
}

/** MiniSearch's radix tree over `terms`, inserted in order. */
function treeOf(terms: readonly string[]): SearchableMap<number> {
  const tree = new SearchableMap<number>();
  for (let id = 0; id < terms.length; id++) tree.set(terms[id], id);
  return tree;
}

beforeAll(async () => {
  archive = await generateArchive({ articles: 400, seed: 11 });
  termLists.push(await termsOf(archive.dir), await termsOf(path.join(import.meta.dirname, 'fixtures', 'compounds-corpus')));
}, 120_000);
afterAll(async () => {
  await archive?.cleanup();
  for (const dir of indexDirs) await rm(dir, { recursive: true, force: true });
});

/** Words near indexed terms: each term of a sample, itself, with a letter changed, dropped, added, and two letters swapped. */
function probes(terms: readonly string[]): string[] {
  const words = new Set<string>(['', 'a', 'é', 'zzzzzzzz']);
  const step = Math.max(1, Math.floor(terms.length / 400));
  for (let id = 0; id < terms.length; id += step) {
    const term = terms[id];
    const middle = term.length >> 1;
    words.add(term);
    words.add(term.slice(0, middle) + 'e' + term.slice(middle + 1));
    words.add(term.slice(0, middle) + term.slice(middle + 1));
    words.add(term.slice(0, middle) + 'r' + term.slice(middle));
    if (term.length > 2) words.add(term[1] + term[0] + term.slice(2));
    words.add(term + 'x');
    words.add(term.slice(1));
  }
  return [...words];
}

describe('typo look-ups on the sorted terms', () => {
  it('answer the terms, distances and order of the radix tree', () => {
    for (const terms of termLists) {
      expect(terms.length).toBeGreaterThan(50);
      const tree = treeOf(terms);
      let answers = 0;
      for (const word of probes(terms)) {
        for (const distance of [0, 1, 2, 3]) {
          const expected = [...tree.fuzzyGet(word, distance)].map(([term, [, d]]) => [term, d]);
          const got = termsWithin(terms, word, distance);
          expect(got, `${word} within ${distance}`).toEqual(expected);
          answers += got.length;
        }
      }
      // The probes are near terms: the comparison compared answers, not empty lists.
      expect(answers).toBeGreaterThan(terms.length);
    }
  });

  it('answers through the postings as through the function', async () => {
    const searcher = new Searcher(await loadIndex(indexDirs[0]));
    const terms = termLists[0];
    const word = terms[Math.floor(terms.length / 2)] + 'e';
    const near = searcher.postings.termsNear(word, 2);
    expect(near.length).toBeGreaterThan(0);
    expect(near).toEqual([...treeOf(terms).fuzzyGet(word, 2)].map(([term, [, d]]) => [term, d]));
  });
});
