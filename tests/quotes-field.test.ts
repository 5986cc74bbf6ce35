/**
 * The `quotes` field taken from the text (src/index/quotation-record.ts,
 * src/search/quotation-postings.ts): a quotation is a span of its article's
 * text, so the index keeps no second analysis of its words, only its place
 * among the text's term ids, and the text's postings carry each term's count
 * in the quotations. The real indexer (worker threads, and one thread) on
 * invented dispatches (tests/fixtures/quotes-field-corpus) whose quotations
 * are of every shape: direct, reported after an elision (« qu'il … »),
 * continued after their attribution (joined by " […] "), holding a compound
 * (franco-allemand), and one word quoted sixteen times.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters, indexTerms } from '../src/analysis/index.js';
import { buildIndex, indexCorpus, loadIndex, type SearchIndex } from '../src/index/index.js';
import { readCorpus } from '../src/ingest/index.js';
import type { Article } from '../src/ingest/types.js';
import { quotationPostings } from '../src/search/quotation-postings.js';
import { search, Searcher } from '../src/search/index.js';

const CORPUS = path.resolve('tests', 'fixtures', 'quotes-field-corpus');

let work: string;
let overWorkers: SearchIndex;
let inOneThread: SearchIndex;
let inMemory: SearchIndex;
let extracted: Article[];
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-quotes-field-'));
  await indexCorpus(CORPUS, path.join(work, 'workers'), { threads: 2 });
  await indexCorpus(CORPUS, path.join(work, 'single'), { threads: 0 });
  overWorkers = await loadIndex(path.join(work, 'workers'));
  inOneThread = await loadIndex(path.join(work, 'single'));
  extracted = (await readCorpus(CORPUS)).articles;
  inMemory = buildIndex(extracted);
}, 120_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

/** The quotations' places of article `id`: [place, positions] pairs (a place < 0: analysed apart). */
function places(index: SearchIndex, id: string): [number, number][] {
  const n = index.byId.get(id)!;
  const { quoteOffsets, quotePlaces } = index.compact;
  return Array.from({ length: quoteOffsets[n + 1] - quoteOffsets[n] }, (_, k) => [quotePlaces[2 * (quoteOffsets[n] + k)], quotePlaces[2 * (quoteOffsets[n] + k) + 1]]);
}

describe('the quotes field taken from the text', () => {
  it('places each quotation that is one span of the text among the text term ids, and analyses apart only a quote continued after its attribution', () => {
    const forge = extracted.find((a) => a.id === 'd-forge')!;
    expect(forge.quotes.map((q) => q.text.includes(' […] '))).toEqual([true, false, false]);
    // the reported one starts after an elision: "qu'|il faudrait…"
    expect(forge.text.slice(forge.quotes[1].start - 4, forge.quotes[1].start)).toBe(" qu'");
    const forgePlaces = places(overWorkers, 'd-forge');
    expect(forgePlaces.map(([place]) => place >= 0)).toEqual([false, true, true]);
    expect(places(overWorkers, 'e-digue').map(([place]) => place >= 0)).toEqual([true]);
    // a span's term ids are the quotation's own, by position
    const n = overWorkers.byId.get('d-forge')!;
    const text = overWorkers.positions.sequence(n, 1);
    const [place, positions] = forgePlaces[1];
    const ids = [...text.subarray(place, place + positions)];
    const expected = 'il faudrait deux ans pour former les nouveaux fondeurs'.split(' ');
    expect(ids).toHaveLength(expected.length);
    expect(ids.filter((id) => id >= 0).map((id) => overWorkers.compact.terms[id])).toEqual(indexTerms(expected.join(' ')));
    // the same in one thread and in memory
    for (const other of [inOneThread, inMemory]) for (const id of ['d-forge', 'e-digue']) expect(places(other, id)).toEqual(places(overWorkers, id));
  });

  it('counts every term in the quotations as a field of their own words would: compounds, a word quoted sixteen times, a continued quote', () => {
    for (const index of [overWorkers, inOneThread, inMemory]) {
      const postings = quotationPostings(index.compact);
      const expected = new Map<string, Map<number, number>>();
      index.documents.forEach((article, n) => {
        for (const term of extracted.find((a) => a.id === article.id)!.quotes.flatMap((q) => indexTerms(q.text))) {
          const byDoc = expected.get(term) ?? new Map<number, number>();
          expected.set(term, byDoc.set(n, (byDoc.get(n) ?? 0) + 1));
        }
      });
      const found = new Map<string, Map<number, number>>();
      index.compact.terms.forEach((term, id) => {
        const count = postings.collect(id);
        if (count > 0) found.set(term, new Map(Array.from({ length: count }, (_, k) => [postings.docs[k], postings.frequencies[k]])));
      });
      expect(found).toEqual(expected);
      expect(found.get('barrag')).toEqual(new Map([[index.byId.get('e-digue')!, 16]]));
      expect(found.has('franco-allemand')).toBe(true);
      expect(found.has('porte-parol')).toBe(false);
    }
  });

  it('citation: finds words inside quotations only, cite: only in that speaker\'s, phrases within one quotation', () => {
    for (const index of [overWorkers, inMemory]) {
      const searcher = new Searcher(index);
      const ids = (q: string) => search(searcher, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' }).hits.map((h) => h.id).sort();
      // "acier" stands in both texts, inside a quotation in one only
      expect(ids('acier')).toEqual(['d-forge', 'e-digue']);
      expect(ids('citation:acier')).toEqual(['e-digue']);
      expect(ids('cite:Tardieu acier')).toEqual([]);
      expect(ids('cite:Abgrall acier')).toEqual(['e-digue']);
      // both parts of a continued quote, and a reported quotation after an elision
      expect(ids('cite:Tardieu fonderies')).toEqual(['d-forge']);
      expect(ids('cite:Tardieu fours')).toEqual(['d-forge']);
      expect(ids('cite:Tardieu fondeurs')).toEqual(['d-forge']);
      expect(ids('cite:Prigent fondeurs')).toEqual([]);
      expect(ids('cite:Prigent fonds')).toEqual(['d-forge']);
      expect(ids('citation:franco-allemand')).toEqual(['d-forge']);
      expect(ids('citation:porte-parole')).toEqual([]);
      expect(ids('porte-parole')).toEqual(['e-digue']);
      expect(ids('citation:"fours électriques"')).toEqual(['d-forge']);
      expect(ids('citation:"nouveaux fondeurs"')).toEqual(['d-forge']);
      // the words of a phrase in two quotations, or one in a quotation and one outside, are no quoted phrase
      expect(ids('"électriques le prix"')).toEqual(['d-forge']);
      expect(ids('citation:"électriques le prix"')).toEqual([]);
      expect(ids('citation:"fondeurs la ville"')).toEqual([]);
    }
  });

  it('the Citations view highlights the quotations matched, of a continued quote as of a span', () => {
    const searcher = new Searcher(overWorkers);
    const response = search(searcher, { q: 'cite:Tardieu fours', filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance', view: 'citations' });
    expect(response.hits.map((h) => h.quotations?.map((q) => q.html))).toEqual([['Les fonderies de Sarrebourg ne fermeront pas […] nous investirons dans des <mark>fours</mark> électriques.']]);
    expect(response.facets.speaker).toEqual([{ value: 'Maëlys Tardieu', count: 1 }]);
  });
});
