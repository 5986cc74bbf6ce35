/**
 * PostgreSQL facet counts bounded by a sample (src/search/postgres/facet-counts.ts):
 * exact up to the limit of rows, above it estimated from a fixed hash sample,
 * flagged `approximate` and shown "environ", with the same hits and totals.
 * The limit is lowered so that a generated archive of 1 200 articles crosses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACET_EXACT_LIMIT, roundedCount } from '../../src/search/postgres/facet-counts.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import type { FacetValue, SearchResponse } from '../../src/search/types.js';
import { facetView } from '../../src/web/facet-views.js';
import { prepareIndex } from '../helpers/backends.js';
import { generateArchive, type GeneratedArchive } from '../helpers/generated-archive.js';
import { request } from '../helpers/sample-index.js';

const LIMIT = 300;
let archive: GeneratedArchive;
let release: () => Promise<void>;
let exact: PostgresBackend;
let sampled: PostgresBackend;
let databaseUrl: string;
beforeAll(async () => {
  archive = await generateArchive({ articles: 1200 });
  const prepared = await prepareIndex('postgres', archive.dir);
  release = prepared.release;
  ({ databaseUrl } = prepared.location as { databaseUrl: string });
  exact = await PostgresBackend.connect(databaseUrl);
  sampled = await PostgresBackend.connect(databaseUrl, { facetExactLimit: LIMIT });
}, 120_000);
afterAll(async () => {
  await exact?.close();
  await sampled?.close();
  await release?.();
  await archive?.cleanup();
});

const byValue = (values: FacetValue[]) => new Map(values.map((v) => [v.value, v]));

function expectClose(estimate: FacetValue[], truth: FacetValue[], tolerance: number): void {
  const truthOf = byValue(truth);
  expect(estimate.length).toBeGreaterThan(0);
  for (const v of estimate) {
    expect(v.approximate).toBe(true);
    expect(v.count).toBe(roundedCount(v.count));
    const real = truthOf.get(v.value)?.count ?? 0;
    expect(Math.abs(v.count - real)).toBeLessThanOrEqual(tolerance * real + 10);
  }
}

describe('PostgreSQL facet counts past the exact limit', () => {
  it('counts exactly by default at this size (the limit is far above 1 200 rows)', async () => {
    expect(FACET_EXACT_LIMIT).toBeGreaterThan(1200);
    const response = await exact.search(request({ q: 'question' }));
    expect(response.total).toBeGreaterThan(LIMIT);
    for (const values of [response.facets.organisation, response.facets.speaker]) for (const v of values) expect(v.approximate).toBeUndefined();
  });

  it('estimates the counts of many matches from a sample, flagged, with the same hits and total', async () => {
    const [truth, estimate] = await Promise.all([exact.search(request({ q: 'question' })), sampled.search(request({ q: 'question' }))]);
    expect(estimate.total).toBe(truth.total);
    expect(estimate.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
    expect(estimate.facets.date).toEqual(truth.facets.date);
    // Four organisations of ~300 articles each: every one listed, each within a third of its count.
    expect(new Set(estimate.facets.organisation.map((v) => v.value))).toEqual(new Set(truth.facets.organisation.map((v) => v.value)));
    expectClose(estimate.facets.organisation, truth.facets.organisation, 0.35);
    // Speakers: the most quoted one stays among the first listed.
    const top = truth.facets.speaker[0].value;
    expect(estimate.facets.speaker.slice(0, 5).map((v) => v.value)).toContain(top);
  });

  it('counts exactly when the rows to count are under the limit, facet by facet', async () => {
    const few = request({ q: 'sécheresse' });
    const [truth, estimate] = await Promise.all([exact.search(few), sampled.search(few)]);
    expect(truth.total).toBeLessThanOrEqual(LIMIT);
    expect(estimate.facets).toEqual(truth.facets);
    // A speaker filter: the organisations are counted over that speaker's rows (few: exact), the speakers over all (many: estimated).
    const speaker = truth.facets.speaker[0].value;
    const filtered = request({ q: 'question', speakers: [speaker] });
    const [truthFiltered, estimateFiltered] = await Promise.all([exact.search(filtered), sampled.search(filtered)]);
    expect(estimateFiltered.total).toBe(truthFiltered.total);
    expect(estimateFiltered.facets.organisation).toEqual(truthFiltered.facets.organisation);
    expect(estimateFiltered.facets.speaker.every((v) => v.approximate)).toBe(true);
  });

  it('gives the same estimate to the same query every time (a fixed sample, not a random draw)', async () => {
    const once = (await sampled.search(request({ q: 'question' }))).facets;
    const again = (await sampled.search(request({ q: 'question' }))).facets;
    expect(again).toEqual(once);
  });

  it('shows an estimated count as "environ" on the page, an exact one as it is', async () => {
    const estimate: SearchResponse = await sampled.search(request({ q: 'question' }));
    const view = facetView('organisations', estimate.facets.organisation, request({ q: 'question' }));
    expect(view.visible.length).toBeGreaterThan(0);
    for (const v of view.visible) expect(v.count).toMatch(/^environ \d/);
    const truth = await exact.search(request({ q: 'question' }));
    for (const v of facetView('organisations', truth.facets.organisation, request({ q: 'question' })).visible) expect(v.count).toMatch(/^\d[\d\s\u202f]*$/);
  });

  it('refuses a limit that is not a positive integer, in one line', async () => {
    await expect(PostgresBackend.connect(databaseUrl, { facetExactLimit: 0 })).rejects.toThrow(/facetExactLimit must be a positive integer, not 0/);
  });
});

describe('roundedCount', () => {
  it('keeps two significant digits from 100 up', () => {
    expect([7, 99, 100, 149, 12_345, 98_765].map(roundedCount)).toEqual([7, 99, 100, 150, 12_000, 99_000]);
  });
});
