import { FACETS, facetOf, type FacetName, type FacetResponseKey } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import { dayNumber, facetKey, facetTable, type FacetColumn, type FacetTable } from './facet-table.js';
import { scratchInt32 } from './scratch.js';
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

/** Adds the values of the candidates to `counts`: all of them when `failed` is null, else those failing no filter or only the facet's own (`own`). */
function countValues(column: FacetColumn, candidates: Int32Array, counts: Uint32Array, failed: Int32Array | null, own: number): void {
  const { start, ids } = column;
  for (let k = 0; k < candidates.length; k++) {
    if (failed !== null && failed[k] !== PASSES && failed[k] !== own) continue;
    const n = candidates[k];
    for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]++;
  }
}

/** In `failed`: the candidate passes every filter, or fails two or more; else it holds the one filter it fails. */
const PASSES = -1;
const FAILS_SEVERAL = -2;

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter: a candidate
 * failing no filter counts everywhere, one failing one filter counts only in
 * that filter's facet, one failing more counts nowhere. Works on the facet
 * table's flat arrays: no allocation per candidate. `passing` is a scratch
 * array, valid until the next search.
 */
export function facetCounts(documents: Article[], candidates: Int32Array, request: SearchRequest): FacetResult {
  const table: FacetTable = facetTable(documents);
  const { dayOf, yearOf, monthOf } = table;
  const columns = FACETS.map((name) => table.facets[name]);
  const selections = FACETS.map((name, f) => selection(request.filters[name], columns[f].idByKey, columns[f].names.length));
  /** The date range's number in `failed`, after the facets'. */
  const dateFilter = columns.length;
  const datesFiltered = request.from !== null || request.to !== null;
  const from = request.from === null ? -Infinity : dayNumber(request.from);
  const to = request.to === null ? Infinity : dayNumber(request.to);
  const counts = columns.map((column) => new Uint32Array(column.names.length));
  const periodCounts = new Uint32Array(table.periodNames.length);
  const passing = scratchInt32('facet-passing', candidates.length);
  let passed = 0;
  let failed: Int32Array | null = null;
  if (selections.every((s) => s === null) && !datesFiltered) {
    // No filter (the common case while typing): every candidate passes and counts everywhere.
    for (let k = 0; k < candidates.length; k++) passing[passed++] = k;
  } else {
    failed = scratchInt32('facet-failed', candidates.length);
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      let fails = PASSES;
      for (let f = 0; f < columns.length; f++) {
        const selected = selections[f];
        if (selected !== null && !hasAny(columns[f].ids, columns[f].start[n], columns[f].start[n + 1], selected)) fails = fails === PASSES ? f : FAILS_SEVERAL;
      }
      if (datesFiltered && !(dayOf[n] >= 0 && dayOf[n] >= from && dayOf[n] <= to)) fails = fails === PASSES ? dateFilter : FAILS_SEVERAL;
      failed[k] = fails;
      if (fails === PASSES) passing[passed++] = k;
    }
  }
  for (let f = 0; f < columns.length; f++) countValues(columns[f], candidates, counts[f], failed, f);
  for (let k = 0; k < candidates.length; k++) {
    if (failed !== null && failed[k] !== PASSES && failed[k] !== dateFilter) continue;
    const n = candidates[k];
    if (yearOf[n] >= 0) {
      periodCounts[yearOf[n]]++;
      periodCounts[monthOf[n]]++;
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
