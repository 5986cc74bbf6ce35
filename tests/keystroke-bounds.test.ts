/**
 * The keystroke budgets (src/search/keystroke-options.ts) against an
 * exhaustive engine on the same real index of a generated archive: kept
 * responses of short beginnings, the page picked on typed arrays, the
 * filters read from the codes kept per selection and facet counts must be
 * exactly those of counting and sorting everything, except facet counts
 * over more matches than the limit, which must say they are approximate
 * and stay near the exact ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters, FACETS, facetOf, type FacetResponseKey } from '../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { KEYSTROKE_OPTIONS, search, Searcher, warmSearch, type KeystrokeOptions, type SearchRequest, type SearchResponse } from '../src/search/index.js';
import { facetView } from '../src/web/facet-views.js';
import { generateArchive, inventedName, type GeneratedArchive } from './helpers/generated-archive.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ARTICLES = 1500;
/** Small enough that short beginnings and common words of the archive count a sample. */
const SMALL_LIMIT = 300;
const EXHAUSTIVE: KeystrokeOptions = { ...KEYSTROKE_OPTIONS, facetExactLimit: Infinity, shortPrefixResponses: 0, filterCodesKept: 0 };

let archive: GeneratedArchive;
let indexDir: string;
let exhaustive: Searcher;
let bounded: Searcher;
let sampled: Searcher;

beforeAll(async () => {
  archive = await generateArchive({ articles: ARTICLES, seed: 11 });
  indexDir = await mkdtemp(path.join(tmpdir(), 'depeches-keystroke-'));
  await indexCorpus(archive.dir, indexDir);
  const index = await loadIndex(indexDir);
  exhaustive = new Searcher(index, EXHAUSTIVE);
  bounded = new Searcher(index);
  sampled = new Searcher(index, { ...KEYSTROKE_OPTIONS, facetExactLimit: SMALL_LIMIT });
  warmSearch(bounded);
  warmSearch(sampled);
}, 120_000);
afterAll(async () => {
  await archive?.cleanup();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

/** Every beginning a reader typing these produces (short ones included), and a few whole queries. */
const TYPED = ['la réforme portuaire', 'sécheresse', 'Delphine Jolivet', 'grève des dockers', 'budget canaux', 'élections régionales'];
const QUERIES = [...new Set(TYPED.flatMap((q) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1)).filter((p) => !p.endsWith(' '))))].concat(['a', 'l', 'le', 'e', 'p', 'po']);

function requests(): SearchRequest[] {
  const speaker = inventedName(0);
  const variants: Partial<SearchRequest>[] = [
    {},
    { filters: facetFilters({ speakers: [speaker] }) },
    { filters: facetFilters({ organisations: ['Ligue des Ports'] }), from: '1990-01-01', to: null },
    { sort: 'date', page: 2 },
    { versions: 'all', perPage: 20 },
  ];
  return QUERIES.flatMap((q) => variants.map((v) => ({ q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' as const, ...v })));
}

/** A response without what may differ between two engines answering it alike (the time taken). */
const comparable = (response: SearchResponse) => ({ ...response, took_ms: 0 });

const facetKeys = FACETS.map((name) => facetOf(name).responseKey as FacetResponseKey);

describe('keystroke budgets', () => {
  it('answer every request of typing sessions as the exhaustive engine does, twice (kept responses of short beginnings included)', () => {
    let kept = 0;
    for (const request of requests()) {
      const expected = comparable(search(exhaustive, request));
      expect(comparable(search(bounded, request)), JSON.stringify(request)).toEqual(expected);
      // Asked again: a short beginning's response now comes from the Searcher's kept ones.
      expect(comparable(search(bounded, request)), JSON.stringify(request)).toEqual(expected);
    }
    for (const key of bounded.shortPrefixResponses.keys()) if (JSON.parse(key)[0].length <= 2) kept++;
    expect(kept).toBeGreaterThan(10);
    // The filtered requests read the codes kept per selection; the exhaustive engine tested each candidate.
    expect(bounded.facets.filterCodes.size).toBeGreaterThan(0);
    expect(exhaustive.facets.filterCodes.size).toBe(0);
  });

  it('keep the page, totals and date counts exact above the facet limit, and count a sample only where a facet counts more than the limit, saying so', () => {
    let approximateFacets = 0;
    let exactFacets = 0;
    for (const request of requests()) {
      const expected = search(exhaustive, request);
      const got = search(sampled, request);
      expect(got.hits, JSON.stringify(request)).toEqual(expected.hits);
      expect([got.total, got.articles, got.facets.date]).toEqual([expected.total, expected.articles, expected.facets.date]);
      for (const key of facetKeys) {
        const values = got.facets[key];
        const flagged = values.filter((v) => v.approximate).length;
        // A facet's counts are all exact or all approximate.
        expect([0, values.length]).toContain(flagged);
        if (flagged === 0) {
          expect(values, `${key} of ${JSON.stringify(request)}`).toEqual(expected.facets[key]);
          exactFacets++;
          continue;
        }
        approximateFacets++;
        // Only a facet counting more than the limit samples: one without a selection counts the articles passing every filter.
        const name = FACETS[facetKeys.indexOf(key)];
        if (request.filters[name].length === 0) expect(expected.articles ?? expected.total).toBeGreaterThan(SMALL_LIMIT);
        // The commonest value's estimate is near its count.
        const top = expected.facets[key][0];
        const estimate = values.find((v) => v.value === top.value);
        expect(estimate, `${key} of ${JSON.stringify(request)}`).toBeDefined();
        expect(Math.abs(estimate!.count - top.count)).toBeLessThanOrEqual(Math.max(0.25 * top.count, 10));
      }
    }
    expect(approximateFacets).toBeGreaterThan(20);
    expect(exactFacets).toBeGreaterThan(20);
  });

  it('count exactly, from the archive\'s counts less the few articles left out, what matches nearly all the archive', () => {
    let nearlyAll = 0;
    for (const request of requests()) {
      if (request.filters.organisations.length > 0) continue;
      const matching = search(exhaustive, { ...request, filters: facetFilters(), from: null, to: null, versions: 'all', page: 1 }).total;
      if (matching <= SMALL_LIMIT || ARTICLES - matching > SMALL_LIMIT) continue;
      nearlyAll++;
      // Unfiltered, every facet; under one speaker, the speakers' own (the others count the few passing articles).
      const got = search(sampled, request);
      const expected = search(exhaustive, request);
      expect(got.facets, JSON.stringify(request)).toEqual(expected.facets);
      expect([got.total, got.articles]).toEqual([expected.total, expected.articles]);
    }
    expect(nearlyAll).toBeGreaterThan(5);
  });

  it('shows an approximate count as "environ" on the page', () => {
    const request: SearchRequest = { q: 'a', filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' };
    const response = search(sampled, request);
    expect(response.total).toBeGreaterThan(SMALL_LIMIT);
    const speakers = response.facets[facetOf('speakers').responseKey as FacetResponseKey];
    expect(speakers.length).toBeGreaterThan(0);
    expect(speakers.every((v) => v.approximate === true)).toBe(true);
    expect(facetView('speakers', speakers, request).visible[0].count).toMatch(/^environ \d/);
    // The exhaustive engine's counts of the same request are plain numbers.
    const exact = search(exhaustive, request).facets[facetOf('speakers').responseKey as FacetResponseKey];
    expect(exact.some((v) => v.approximate)).toBe(false);
  });
});
