/**
 * The PostgreSQL keystroke with many matches (src/search/postgres/bounded-search.ts):
 * counted on a fixed sample of stories, its page read in date order, with
 * the exact statement's hits; its total, dates and facets marked approximate
 * and shown "environ". The limit is lowered so that a generated archive of
 * 1 200 articles crosses it; a sample of every bucket estimates exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_ORDER_SHARE } from '../../src/search/postgres/bounded-search.js';
import { roundedCount } from '../../src/search/postgres/facet-counts.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import type { FacetValue, SearchRequest, SearchResponse } from '../../src/search/types.js';
import { storyCount } from '../../src/web/story-views.js';
import { timelineView } from '../../src/web/timeline.js';
import { prepareIndex } from '../helpers/backends.js';
import { generateArchive, type GeneratedArchive } from '../helpers/generated-archive.js';
import { request } from '../helpers/sample-index.js';

const LIMIT = 250;
let archive: GeneratedArchive;
let release: () => Promise<void>;
let databaseUrl: string;
/** Never bounded: the exact statement alone. */
let exact: PostgresBackend;
/** Bounded past LIMIT, over a sample of every story: estimates equal to the counts. */
let whole: PostgresBackend;
/** Bounded past LIMIT, over half of the stories. */
let half: PostgresBackend;
/** Bounded past a fifth of LIMIT, over every story (for filtered keystrokes). */
let narrow: PostgresBackend;
/** Bounded past LIMIT, and narrow past LIMIT matches, over every story. */
let narrowCase: PostgresBackend;
/** The defaults (bounded past 5 000 rows, over one story in 32). */
let plain: PostgresBackend;
beforeAll(async () => {
  archive = await generateArchive({ articles: 1200 });
  const prepared = await prepareIndex('postgres', archive.dir);
  release = prepared.release;
  ({ databaseUrl } = prepared.location as { databaseUrl: string });
  exact = await PostgresBackend.connect(databaseUrl, { bounded: { limit: 1_000_000_000 } });
  whole = await PostgresBackend.connect(databaseUrl, { bounded: { buckets: 1024, limit: LIMIT } });
  half = await PostgresBackend.connect(databaseUrl, { bounded: { buckets: 512, limit: LIMIT } });
  narrow = await PostgresBackend.connect(databaseUrl, { bounded: { buckets: 1024, limit: LIMIT / 5 } });
  narrowCase = await PostgresBackend.connect(databaseUrl, { bounded: { buckets: 1024, limit: LIMIT, manyAbove: LIMIT } });
  plain = await PostgresBackend.connect(databaseUrl);
}, 120_000);
afterAll(async () => {
  for (const backend of [exact, whole, half, narrow, narrowCase, plain]) await backend?.close();
  await release?.();
  await archive?.cleanup();
});

const rounded = (values: FacetValue[]) => values.map((v) => ({ value: v.value, count: roundedCount(v.count), approximate: true }));
const counts = (values: FacetValue[]) => new Map(values.map((v) => [v.value, v.count]));

async function both(search: SearchRequest, bounded = whole): Promise<[SearchResponse, SearchResponse]> {
  return [await exact.search(search), await bounded.search(search)];
}

describe('PostgreSQL keystrokes with many matches', () => {
  const broad = [request({ q: 'question' }), request({ q: 'p' }), request({ q: 'question', sort: 'date' }), request({ q: 'question', page: 3 })];

  it('reads the newest matches from the date index (most rows match) or from the GIN index (fewer do)', async () => {
    // The two ways the page's window is read (DATE_ORDER_SHARE): both are exercised below.
    expect((await exact.search(request({ q: 'p' }))).total).toBeGreaterThan(DATE_ORDER_SHARE * 1200);
    const fewer = request({ q: 'sécheresse' });
    const [truth, estimate] = await both(fewer, narrow);
    expect(truth.total).toBeLessThan(DATE_ORDER_SHARE * 1200);
    expect(estimate.total_approximate).toBe(true);
    expect(estimate.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
    expect(estimate.hits.map((h) => h.score)).toEqual(truth.hits.map((h) => h.score));
  });

  it('keeps the exact hits, in the same order, and marks the estimated total', async () => {
    for (const search of broad) {
      const [truth, estimate] = await both(search);
      expect(truth.total).toBeGreaterThan(LIMIT);
      expect(truth.total_approximate).toBeUndefined();
      expect(estimate.total_approximate).toBe(true);
      expect(estimate.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
      expect(estimate.hits.map((h) => h.score)).toEqual(truth.hits.map((h) => h.score));
      expect(estimate.hits.map((h) => h.snippet)).toEqual(truth.hits.map((h) => h.snippet));
      // Every story sampled: the estimates are the counts, rounded to two significant digits.
      expect(estimate.total).toBe(roundedCount(truth.total));
      expect(estimate.articles).toBe(roundedCount(truth.articles ?? truth.total));
      expect(estimate.facets.date).toEqual(rounded(truth.facets.date));
    }
  });

  it('estimates the facet counts from the sample, flagged', async () => {
    const [truth, estimate] = await both(request({ q: 'question' }));
    const truthCounts = counts(truth.facets.organisation);
    expect(estimate.facets.organisation.length).toBeGreaterThan(0);
    for (const v of estimate.facets.organisation) {
      expect(v.approximate).toBe(true);
      expect(v.count).toBe(roundedCount(truthCounts.get(v.value) ?? -1));
    }
  });

  it('estimates from half of the stories within a few per cent', async () => {
    const [truth, estimate] = await both(request({ q: 'question' }), half);
    expect(estimate.total_approximate).toBe(true);
    expect(estimate.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
    expect(Math.abs(estimate.total - truth.total)).toBeLessThanOrEqual(0.15 * truth.total);
  });

  it('filters the page and the estimates as the exact statement does', async () => {
    const speaker = (await exact.search(request({ q: 'p' }))).facets.speaker[0].value;
    const [truth, estimate] = await both(request({ q: 'p', speakers: [speaker] }), narrow);
    expect(truth.total).toBeGreaterThan(LIMIT / 5);
    expect(estimate.total_approximate).toBe(true);
    expect(estimate.hits.map((h) => h.id)).toEqual(truth.hits.map((h) => h.id));
    expect(estimate.hits.every((h) => h.speakers.includes(speaker))).toBe(true);
    expect(estimate.total).toBe(roundedCount(truth.total));
    // Disjunctive: the speakers are counted over the rows passing the other filters (all the matches).
    expect(counts(estimate.facets.speaker).get(speaker)).toBe(roundedCount(counts(truth.facets.speaker).get(speaker)!));
  });

  it('counts exactly the few rows passing a filter among many matches, but the filtered facet', async () => {
    const speaker = (await exact.search(request({ q: 'p' }))).facets.speaker[0].value;
    const search = request({ q: 'p', speakers: [speaker] });
    const [truth, answer] = await both(search, narrowCase);
    expect(truth.total).toBeLessThanOrEqual(LIMIT);
    expect((await exact.search(request({ q: 'p' }))).total).toBeGreaterThan(LIMIT);
    expect(answer.total_approximate).toBeUndefined();
    expect(answer.hits).toEqual(truth.hits);
    expect([answer.total, answer.articles]).toEqual([truth.total, truth.articles]);
    expect(answer.facets.date).toEqual(truth.facets.date);
    expect(answer.facets.organisation).toEqual(truth.facets.organisation);
    expect(answer.facets.source).toEqual(truth.facets.source);
    // The speakers, which count every match (the selection ignored), come from the sample: flagged (every story sampled here: the same counts).
    expect(answer.facets.speaker.every((v) => v.approximate)).toBe(true);
    expect(counts(answer.facets.speaker).get(speaker)).toBe(roundedCount(counts(truth.facets.speaker).get(speaker)!));
  });

  it('answers exactly when the sample says the matches are few, or the order is oldest first', async () => {
    const few = request({ q: 'sécheresse' });
    const [truth, answer] = await both(few);
    expect(truth.total).toBeLessThanOrEqual(LIMIT);
    expect(answer).toEqual({ ...truth, took_ms: answer.took_ms });
    const oldest = request({ q: 'question', sort: 'date-asc' });
    const [truthOldest, answerOldest] = await both(oldest);
    expect(answerOldest.total_approximate).toBeUndefined();
    expect(answerOldest.total).toBe(truthOldest.total);
    // The defaults bound past 10 000 rows: nothing at this size is estimated.
    for (const search of broad) expect((await plain.search(search)).total_approximate).toBeUndefined();
  });

  it('says "environ" on the page for an estimated total and dates', async () => {
    const search = request({ q: 'question' });
    const [truth, estimate] = await both(search);
    expect(storyCount(estimate)).toMatch(/^environ \d/);
    expect(storyCount(truth)).toMatch(/^\d/);
    const bars = timelineView(estimate.facets.date, search)!.bars.filter((b) => !b.empty);
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) expect(bar.count).toMatch(/^environ \d/);
    for (const bar of timelineView(truth.facets.date, search)!.bars) expect(bar.count).toMatch(/^\d/);
  });

  it('refuses a sample that is not 1 to 1 024 buckets, in one line', async () => {
    await expect(PostgresBackend.connect(databaseUrl, { bounded: { buckets: 0 } })).rejects.toThrow(/bounded.buckets must be an integer from 1 to 1024, not 0/);
  });
});
