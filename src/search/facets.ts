import { FACETS, facetOf, type FacetName, type FacetResponseKey } from '../analysis/index.js';
import { archiveCounts, countLessOutside, monthsLessOutside, outsideArticles } from './archive-counts.js';
import { dayNumber, facetKey, type FacetColumn, type FacetTable } from './facet-table.js';
import { KEYSTROKE_OPTIONS, roundedCount, SAMPLE_BUCKETS, type KeystrokeOptions } from './keystroke-options.js';
import type { Searcher } from './searcher.js';
import { firstInOrder } from './top-k.js';
import type { FacetValue, SearchRequest, SearchResponse } from './types.js';

/**
 * Facet filters and counts. Within a facet, selected values combine with OR
 * and the facet's own counts ignore its selection (disjunctive faceting, as
 * in Algolia), so a user sees what ticking another value would add; across
 * facets, filters combine with AND. The date facet's counts ignore the
 * from/to range for the same reason.
 */
export { facetKey };

export interface FacetResult {
  /** Positions in `candidates` of those that pass every filter, in the order given. */
  passing: Int32Array;
  /** Counts of each facet field (src/analysis/fields.ts). */
  counts: Record<FacetName, FacetValue[]>;
  date: FacetValue[];
}

/** Most values a facet lists; the interface shows the first ten and the rest on demand. */
export const FACET_LIMIT = 100;

/** A mask of the selected value ids, or null when the facet selects nothing; a value no article has selects nothing. */
function selection(values: string[], idByKey: Map<string, number>, size: number): Uint8Array | null {
  if (values.length === 0) return null;
  const mask = new Uint8Array(size);
  for (const v of values) {
    const id = idByKey.get(facetKey(v));
    if (id !== undefined) mask[id] = 1;
  }
  return mask;
}

function hasAny(ids: Uint32Array, from: number, to: number, selected: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (selected[ids[k]]) return true;
  return false;
}

/** The filter a candidate fails, when it fails exactly one: that facet's number, or the date range's (after the facets'). */
const PASSES = -1;
const FAILS_SEVERAL = -2;

/**
 * Adds to `counts` the values of one facet of the candidates at positions
 * `positions` (all of them when null) that it counts: with `fails`, those
 * passing every filter or failing only facet `f`'s; with `cut` below
 * SAMPLE_BUCKETS, only articles of the sample buckets under it. Returns how
 * many candidates it counted. Kept apart, on typed arrays only, so that the
 * engine compiles this hot loop once.
 */
function tallyFacet(column: FacetColumn, counts: Uint32Array, candidates: Int32Array, positions: Int32Array | null, fails: Int32Array | null, f: number, cut: number, bucket: Uint16Array): number {
  const { start, ids } = column;
  const length = positions === null ? candidates.length : positions.length;
  let counted = 0;
  for (let p = 0; p < length; p++) {
    const k = positions === null ? p : positions[p];
    if (fails !== null && fails[k] !== PASSES && fails[k] !== f) continue;
    const n = candidates[k];
    if (cut < SAMPLE_BUCKETS && bucket[n] >= cut) continue;
    counted++;
    for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]++;
  }
  return counted;
}

/** Adds the candidates' months to `periodCounts`. Kept apart, on typed arrays only, as tallyFacet. */
function countMonths(candidates: Int32Array, monthOf: Int32Array, periodCounts: Uint32Array): number {
  for (let k = 0; k < candidates.length; k++) {
    const month = monthOf[candidates[k]];
    if (month >= 0) periodCounts[month]++;
  }
  return 0;
}

/** countMonths, and the positions of the candidates of the sample buckets under `cut` into `sample`; returns how many. */
function countMonthsAndSample(candidates: Int32Array, monthOf: Int32Array, periodCounts: Uint32Array, bucket: Uint16Array, cut: number, sample: Int32Array): number {
  let sampled = 0;
  for (let k = 0; k < candidates.length; k++) {
    const n = candidates[k];
    const month = monthOf[n];
    if (month >= 0) periodCounts[month]++;
    if (bucket[n] < cut) sample[sampled++] = k;
  }
  return sampled;
}

/** Adds article n's values of one facet to its counts. */
function countArticle(column: FacetColumn, counts: Uint32Array, n: number): void {
  const { start, ids } = column;
  for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]++;
}

/** The `limit` values with the highest counts, ties in French alphabetical order; scaled, rounded and flagged when sampled (`scale` not null). */
function shownValues(column: FacetColumn, counts: Uint32Array, scale: number | null): FacetValue[] {
  const { names, order } = column;
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && order[a] < order[b]);
  const top = firstInOrder(counts.length, FACET_LIMIT, before, (id) => counts[id] > 0);
  if (scale === null) return top.map((id) => ({ value: names[id], count: counts[id] }));
  return top.map((id) => ({ value: names[id], count: roundedCount(Math.max(1, Math.round(counts[id] * scale))), approximate: true as const }));
}

/** The sample cut-off keeping about `exactLimit` of `rows` candidates (keystroke-options.ts), SAMPLE_BUCKETS when all are kept. */
function sampleCut(rows: number, exactLimit: number): number {
  return rows <= exactLimit ? SAMPLE_BUCKETS : Math.ceil((SAMPLE_BUCKETS * exactLimit) / rows);
}

/**
 * The filter each article of the build fails under the request's filters
 * (PASSES, a facet's number, the date filter's, FAILS_SEVERAL), as one byte
 * an article, or null when `candidates` are too few to be worth it
 * (`options.filterCodesShare`) and the selection's codes are not kept yet,
 * or none are kept. A reader types a query under the same filters
 * keystroke after keystroke: the codes are computed once per selection (one
 * pass over the archive) and kept by the facet table, the most recently
 * used `options.filterCodesKept` of them (keystroke-options.ts).
 */
function filterFailures(table: FacetTable, request: SearchRequest, failedFilter: (n: number) => number, candidates: number, options: KeystrokeOptions): Int8Array | null {
  const { filterCodesKept, filterCodesShare } = options;
  if (filterCodesKept <= 0) return null;
  const key = JSON.stringify([FACETS.map((name) => request.filters[name].map(facetKey)), request.from, request.to]);
  const kept = table.filterCodes;
  const codes = kept.get(key);
  if (codes !== undefined) {
    kept.delete(key);
    kept.set(key, codes);
    return codes;
  }
  const size = table.dayOf.length;
  if (candidates < size * filterCodesShare) return null;
  const made = new Int8Array(size);
  for (let n = 0; n < size; n++) made[n] = failedFilter(n);
  if (kept.size >= filterCodesKept) kept.delete(kept.keys().next().value!);
  kept.set(key, made);
  return made;
}

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter: a candidate
 * failing no filter counts everywhere, one failing one filter counts only in
 * that filter's facet, one failing more counts nowhere. Works on the facet
 * table's flat arrays: no allocation per candidate. A facet counting more
 * than `exactLimit` candidates counts those of a fixed sample of the
 * articles (their `sampleBucket` below a cut-off keeping about `exactLimit`
 * of them), scales the counts and says they are approximate
 * (keystroke-options.ts); `passing` and the date histogram are always
 * exact. `passing` is a scratch array of the build, valid until the next
 * search.
 */
export function facetCounts(searcher: Pick<Searcher, 'facets' | 'scratch'> & Partial<Pick<Searcher, 'keystroke'>>, candidates: Int32Array, request: SearchRequest, exactLimit = KEYSTROKE_OPTIONS.facetExactLimit): FacetResult {
  const table = searcher.facets;
  const { dayOf, yearOf, monthOf, sampleBucket } = table;
  const columns = FACETS.map((name) => table.facets[name]);
  const selections = FACETS.map((name, f) => selection(request.filters[name], columns[f].idByKey, columns[f].names.length));
  /** The facets with a selection, by number. */
  const filtered = selections.flatMap((selected, f) => (selected === null ? [] : [f]));
  const facetCount = columns.length;
  const dateFilter = facetCount;
  const datesFiltered = request.from !== null || request.to !== null;
  const from = request.from === null ? -Infinity : dayNumber(request.from);
  const to = request.to === null ? Infinity : dayNumber(request.to);
  const periodCounts = new Uint32Array(table.periodNames.length);
  const unfiltered = filtered.length === 0 && !datesFiltered;
  // Unfiltered, every candidate passes: the positions 0..n-1, a view of the table's array (not written per search).
  const passing = unfiltered ? table.positions.subarray(0, candidates.length) : searcher.scratch.int32Array('facet-passing', candidates.length);
  const counts = columns.map((column, f) => searcher.scratch.facetTally(f, column.names.length));
  let passed = 0;
  let scales: (number | null)[];
  /** Which filter article `n` fails: PASSES, one facet's number (or dateFilter), or FAILS_SEVERAL. */
  const failedFilter = (n: number): number => {
    let fail = PASSES;
    for (let j = 0; j < filtered.length && fail !== FAILS_SEVERAL; j++) {
      const f = filtered[j];
      const start = columns[f].start;
      if (!hasAny(columns[f].ids, start[n], start[n + 1], selections[f]!)) fail = fail === PASSES ? f : FAILS_SEVERAL;
    }
    if (datesFiltered && fail !== FAILS_SEVERAL && !(dayOf[n] >= 0 && dayOf[n] >= from && dayOf[n] <= to)) fail = fail === PASSES ? dateFilter : FAILS_SEVERAL;
    return fail;
  };
  // The filter each article fails, read from the table's codes of this selection (kept across keystrokes) when there
  // are many candidates: one byte read a candidate instead of scanning its values of each filtered facet.
  const failCodes = unfiltered ? null : filterFailures(table, request, failedFilter, candidates.length, searcher.keystroke ?? KEYSTROKE_OPTIONS);
  const size = dayOf.length;
  // Matching all but a few articles: exact counts, the archive's less those few's (archive-counts.ts).
  const nearlyAll = candidates.length > exactLimit && size - candidates.length <= exactLimit;
  if (unfiltered && nearlyAll) {
    const outside = outsideArticles(searcher.scratch, candidates, size);
    const archive = archiveCounts(table);
    monthsLessOutside(archive.months, monthOf, periodCounts, outside);
    for (let id = 0; id < periodCounts.length; id++) if (table.yearOfMonth[id] >= 0) periodCounts[table.yearOfMonth[id]] += periodCounts[id];
    passed = candidates.length;
    for (let f = 0; f < facetCount; f++) countLessOutside(columns[f], archive.facets[f], counts[f], outside);
    scales = columns.map(() => null);
  } else if (unfiltered) {
    // No filter (the common case while typing): every candidate passes and counts everywhere, or those of the sample.
    const cut = sampleCut(candidates.length, exactLimit);
    const sample = cut < SAMPLE_BUCKETS ? searcher.scratch.int32Array('facet-sample', candidates.length) : null;
    // Months only, one read an article; each year is the sum of its months, below.
    const sampled = sample === null ? countMonths(candidates, monthOf, periodCounts) : countMonthsAndSample(candidates, monthOf, periodCounts, sampleBucket, cut, sample);
    for (let id = 0; id < periodCounts.length; id++) if (table.yearOfMonth[id] >= 0) periodCounts[table.yearOfMonth[id]] += periodCounts[id];
    passed = candidates.length;
    const positions = sample === null ? null : sample.subarray(0, sampled);
    for (let f = 0; f < facetCount; f++) tallyFacet(columns[f], counts[f], candidates, positions, null, f, SAMPLE_BUCKETS, sampleBucket);
    const scale = sample === null ? null : candidates.length / Math.max(sampled, 1);
    scales = columns.map(() => scale);
  } else if (candidates.length <= exactLimit) {
    // Filtered, few candidates: every facet counts exactly, in the same pass.
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      const fail = failCodes === null ? failedFilter(n) : failCodes[n];
      if (fail === FAILS_SEVERAL) continue;
      if (fail === PASSES) {
        passing[passed++] = k;
        for (let f = 0; f < facetCount; f++) countArticle(columns[f], counts[f], n);
      } else if (fail !== dateFilter) countArticle(columns[fail], counts[fail], n);
      if ((fail === PASSES || fail === dateFilter) && yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
    }
    scales = columns.map(() => null);
  } else {
    // Filtered, many candidates: first which filter each candidate fails (the page and the date histogram), then what each facet counts.
    const fails = searcher.scratch.int32Array('facet-fails', candidates.length);
    const rows = new Array<number>(facetCount).fill(0);
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      const fail = failCodes === null ? failedFilter(n) : failCodes[n];
      fails[k] = fail;
      if (fail === PASSES) passing[passed++] = k;
      else if (fail >= 0 && fail !== dateFilter) rows[fail]++;
      if ((fail === PASSES || fail === dateFilter) && yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
    }
    // A facet without a selection counts only the passing candidates: it reads their positions, not every candidate.
    const passingPositions = passing.subarray(0, passed);
    // One facet filter alone: its facet counts every candidate (none fails another filter), nearly all the archive's articles at most.
    const alone = nearlyAll && filtered.length === 1 && !datesFiltered ? filtered[0] : -1;
    const outside = alone < 0 ? null : outsideArticles(searcher.scratch, candidates, size);
    scales = columns.map((_, f) => {
      if (f === alone) {
        countLessOutside(columns[f], archiveCounts(table).facets[f], counts[f], outside!);
        return null;
      }
      const cut = sampleCut(passed + rows[f], exactLimit);
      const counted = selections[f] === null ? tallyFacet(columns[f], counts[f], candidates, passingPositions, null, f, cut, sampleBucket) : tallyFacet(columns[f], counts[f], candidates, null, fails, f, cut, sampleBucket);
      return cut === SAMPLE_BUCKETS ? null : (passed + rows[f]) / Math.max(counted, 1);
    });
  }
  const date: FacetValue[] = [];
  for (let id = 0; id < periodCounts.length; id++) if (periodCounts[id] > 0) date.push({ value: table.periodNames[id], count: periodCounts[id] });
  date.sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    passing: passing.subarray(0, passed),
    counts: Object.fromEntries(FACETS.map((name, f) => [name, shownValues(columns[f], counts[f], scales[f])])) as Record<FacetName, FacetValue[]>,
    date,
  };
}

/** A response's `facets`: each facet's counts under its declared response key, and the date histogram. */
export function responseFacets(result: FacetResult): SearchResponse['facets'] {
  const facets = { date: result.date } as SearchResponse['facets'];
  for (const name of FACETS) facets[facetOf(name).responseKey as FacetResponseKey] = result.counts[name];
  return facets;
}
