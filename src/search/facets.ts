import { FACETS, facetOf, type FacetName, type FacetResponseKey } from '../analysis/index.js';
import { dayNumber, facetKey, type FacetTable } from './facet-table.js';
import { KEYSTROKE_OPTIONS, roundedCount, SAMPLE_BUCKETS } from './keystroke-options.js';
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

/** The `limit` values with the highest counts, ties in French alphabetical order. */
function topValues(counts: Uint32Array, names: string[], order: Uint32Array, limit: number): FacetValue[] {
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && order[a] < order[b]);
  return firstInOrder(counts.length, limit, before, (id) => counts[id] > 0).map((id) => ({ value: names[id], count: counts[id] }));
}

/** The filter a candidate fails, when it fails exactly one: that facet's number, or the date range's (after the facets'). */
const PASSES = -1;
const FAILS_SEVERAL = -2;

/**
 * Counts one facet's values over the candidates it counts (those passing
 * every filter, and those failing only this facet's: `fails[k]` is PASSES
 * or the facet's number; every candidate when `fails` is null), all of them
 * when they are at most `exactLimit`, else those of the articles' sample
 * buckets below a cut-off keeping about `exactLimit` of them, scaled
 * (keystroke-options.ts). `rows`: how many candidates the facet counts.
 */
function countFacet(table: FacetTable, f: number, candidates: Int32Array, fails: Int32Array | null, rows: number, exactLimit: number): FacetValue[] {
  const column = table.facets[FACETS[f]];
  const { start, ids } = column;
  const counts = new Uint32Array(column.names.length);
  const exact = rows <= exactLimit;
  const cut = exact ? SAMPLE_BUCKETS : Math.ceil((SAMPLE_BUCKETS * exactLimit) / rows);
  const bucket = table.sampleBucket;
  let sampled = 0;
  for (let k = 0; k < candidates.length; k++) {
    if (fails !== null && fails[k] !== PASSES && fails[k] !== f) continue;
    const n = candidates[k];
    if (bucket[n] >= cut) continue;
    sampled++;
    for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]++;
  }
  const values = topValues(counts, column.names, column.order, FACET_LIMIT);
  if (exact) return values;
  const scale = rows / Math.max(sampled, 1);
  return values.map((v) => ({ value: v.value, count: roundedCount(Math.max(1, Math.round(v.count * scale))), approximate: true as const }));
}

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter: a candidate
 * failing no filter counts everywhere, one failing one filter counts only in
 * that filter's facet, one failing more counts nowhere. Works on the facet
 * table's flat arrays: no allocation per candidate. A facet counting more
 * than `exactLimit` candidates counts a fixed sample of them and says its
 * counts are approximate (keystroke-options.ts); `passing` and the date
 * histogram are always exact. `passing` is a scratch array of the build,
 * valid until the next search.
 */
export function facetCounts(searcher: Pick<Searcher, 'facets' | 'scratch'>, candidates: Int32Array, request: SearchRequest, exactLimit = KEYSTROKE_OPTIONS.facetExactLimit): FacetResult {
  const table = searcher.facets;
  const { dayOf, yearOf, monthOf } = table;
  const columns = FACETS.map((name) => table.facets[name]);
  const starts = columns.map((column) => column.start);
  const ids = columns.map((column) => column.ids);
  const selections = FACETS.map((name, f) => selection(request.filters[name], columns[f].idByKey, columns[f].names.length));
  /** The facets with a selection, by number. */
  const filtered = selections.flatMap((selected, f) => (selected === null ? [] : [f]));
  const facetCount = columns.length;
  const dateFilter = facetCount;
  const datesFiltered = request.from !== null || request.to !== null;
  const from = request.from === null ? -Infinity : dayNumber(request.from);
  const to = request.to === null ? Infinity : dayNumber(request.to);
  const periodCounts = new Uint32Array(table.periodNames.length);
  const passing = searcher.scratch.int32Array('facet-passing', candidates.length);
  let passed = 0;
  let counts: FacetValue[][];
  if (filtered.length === 0 && !datesFiltered) {
    // No filter (the common case while typing): every candidate passes and counts everywhere.
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      if (yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
      passing[passed++] = k;
    }
    counts = columns.map((_, f) => countFacet(table, f, candidates, null, candidates.length, exactLimit));
  } else {
    // Which filter each candidate fails, then each facet counts those it should.
    const fails = searcher.scratch.int32Array('facet-fails', candidates.length);
    const rows = new Array<number>(facetCount).fill(0);
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      let fail = PASSES;
      for (let j = 0; j < filtered.length && fail !== FAILS_SEVERAL; j++) {
        const f = filtered[j];
        const start = starts[f];
        if (!hasAny(ids[f], start[n], start[n + 1], selections[f]!)) fail = fail === PASSES ? f : FAILS_SEVERAL;
      }
      if (datesFiltered && fail !== FAILS_SEVERAL && !(dayOf[n] >= 0 && dayOf[n] >= from && dayOf[n] <= to)) fail = fail === PASSES ? dateFilter : FAILS_SEVERAL;
      fails[k] = fail;
      if (fail === PASSES) passing[passed++] = k;
      else if (fail >= 0 && fail !== dateFilter) rows[fail]++;
      if ((fail === PASSES || fail === dateFilter) && yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
    }
    counts = columns.map((_, f) => countFacet(table, f, candidates, fails, passed + rows[f], exactLimit));
  }
  const date: FacetValue[] = [];
  for (let id = 0; id < periodCounts.length; id++) if (periodCounts[id] > 0) date.push({ value: table.periodNames[id], count: periodCounts[id] });
  date.sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    passing: passing.subarray(0, passed),
    counts: Object.fromEntries(FACETS.map((name, f) => [name, counts[f]])) as Record<FacetName, FacetValue[]>,
    date,
  };
}

/** A response's `facets`: each facet's counts under its declared response key, and the date histogram. */
export function responseFacets(result: FacetResult): SearchResponse['facets'] {
  const facets = { date: result.date } as SearchResponse['facets'];
  for (const name of FACETS) facets[facetOf(name).responseKey as FacetResponseKey] = result.counts[name];
  return facets;
}
