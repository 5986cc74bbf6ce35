import { FACETS, facetOf, type FacetName, type FacetResponseKey } from '../analysis/index.js';
import { dayNumber, facetKey } from './facet-table.js';
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

/** Adds article n's values of one facet to its counts. */
function countArticle(start: Uint32Array, ids: Uint32Array, counts: Uint32Array, n: number): void {
  for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]++;
}

/** The filter a candidate fails, when it fails exactly one: that facet's number, or the date range's (after the facets'). */
const PASSES = -1;
const FAILS_SEVERAL = -2;

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter: a candidate
 * failing no filter counts everywhere, one failing one filter counts only in
 * that filter's facet, one failing more counts nowhere. Works on the facet
 * table's flat arrays, in one pass: no allocation per candidate. `passing`
 * is a scratch array of the build, valid until the next search.
 */
export function facetCounts(searcher: Pick<Searcher, 'facets' | 'scratch'>, candidates: Int32Array, request: SearchRequest): FacetResult {
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
  const counts = columns.map((column) => new Uint32Array(column.names.length));
  const periodCounts = new Uint32Array(table.periodNames.length);
  const passing = searcher.scratch.int32Array('facet-passing', candidates.length);
  let passed = 0;
  if (filtered.length === 0 && !datesFiltered) {
    // No filter (the common case while typing): every candidate passes and counts everywhere.
    for (let f = 0; f < facetCount; f++) {
      const start = starts[f];
      const values = ids[f];
      const count = counts[f];
      for (let k = 0; k < candidates.length; k++) {
        const n = candidates[k];
        for (let i = start[n], end = start[n + 1]; i < end; i++) count[values[i]]++;
      }
    }
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      if (yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
      passing[passed++] = k;
    }
  } else {
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      let fails = PASSES;
      for (let j = 0; j < filtered.length && fails !== FAILS_SEVERAL; j++) {
        const f = filtered[j];
        const start = starts[f];
        if (!hasAny(ids[f], start[n], start[n + 1], selections[f]!)) fails = fails === PASSES ? f : FAILS_SEVERAL;
      }
      if (datesFiltered && fails !== FAILS_SEVERAL && !(dayOf[n] >= 0 && dayOf[n] >= from && dayOf[n] <= to)) fails = fails === PASSES ? dateFilter : FAILS_SEVERAL;
      if (fails === FAILS_SEVERAL) continue;
      if (fails === PASSES) {
        passing[passed++] = k;
        for (let f = 0; f < facetCount; f++) {
          const start = starts[f];
          const values = ids[f];
          const count = counts[f];
          for (let i = start[n], end = start[n + 1]; i < end; i++) count[values[i]]++;
        }
      } else if (fails !== dateFilter) countArticle(starts[fails], ids[fails], counts[fails], n);
      if ((fails === PASSES || fails === dateFilter) && yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
    }
  }
  const date: FacetValue[] = [];
  for (let id = 0; id < periodCounts.length; id++) if (periodCounts[id] > 0) date.push({ value: table.periodNames[id], count: periodCounts[id] });
  date.sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    passing: passing.subarray(0, passed),
    counts: Object.fromEntries(FACETS.map((name, f) => [name, topValues(counts[f], columns[f].names, columns[f].order, FACET_LIMIT)])) as Record<FacetName, FacetValue[]>,
    date,
  };
}

/** A response's `facets`: each facet's counts under its declared response key, and the date histogram. */
export function responseFacets(result: FacetResult): SearchResponse['facets'] {
  const facets = { date: result.date } as SearchResponse['facets'];
  for (const name of FACETS) facets[facetOf(name).responseKey as FacetResponseKey] = result.counts[name];
  return facets;
}
