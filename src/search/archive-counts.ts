import { FACETS } from '../analysis/index.js';
import type { FacetColumn, FacetTable } from './facet-table.js';
import type { Scratch } from './scratch.js';

/**
 * Exact facet counts of a search matching all but a few articles, as the
 * whole archive's counts less those of the articles it leaves out
 * (facets.ts, keystroke-options.ts `facetExactLimit`).
 *
 * Why: a beginning being typed ("co", "re", "Con") matches 98 to 99.9 % of
 * the archive. Counting its matches' values one by one reads every article;
 * counting a sample of them (10 000) still reads ten thousand articles'
 * values and gives approximate counts. The articles it does not match are
 * a few hundred: reading theirs and taking them from the archive's counts
 * (made once per build, kept by its facet table) is exact and cheaper.
 */
export interface ArchiveCounts {
  /** By facet (FACETS order), by value id: how many articles of the archive hold it. */
  facets: Uint32Array[];
  /** By period id: how many articles of the archive are of that month (years are not counted here: they sum their months). */
  months: Uint32Array;
}

/** The archive's counts of `table`, made on first use and kept by the table (prepareSearch makes them before a build serves). */
export function archiveCounts(table: FacetTable): ArchiveCounts {
  if (table.archiveCounts) return table.archiveCounts;
  const size = table.dayOf.length;
  const facets = FACETS.map((name) => {
    const { ids, names } = table.facets[name];
    const counts = new Uint32Array(names.length);
    // Every article's values, one after the other: the whole of the column's ids.
    for (let i = 0; i < table.facets[name].start[size]; i++) counts[ids[i]]++;
    return counts;
  });
  const months = new Uint32Array(table.periodNames.length);
  for (let n = 0; n < size; n++) if (table.monthOf[n] >= 0) months[table.monthOf[n]]++;
  return (table.archiveCounts = { facets, months });
}

/**
 * The articles of the archive (`size` of them) not among `candidates`, in
 * a scratch array valid until the next search. Candidates are unique (a
 * list of matches, or part of one).
 */
export function outsideArticles(scratch: Scratch, candidates: Int32Array, size: number): Int32Array {
  const marks = scratch.zeroedBytes('facet-candidates', size);
  for (let k = 0; k < candidates.length; k++) marks[candidates[k]] = 1;
  const outside = scratch.int32Array('facet-outside', size - candidates.length);
  let count = 0;
  for (let n = 0; n < size; n++) if (marks[n] === 0) outside[count++] = n;
  return outside.subarray(0, count);
}

/** Writes into `counts` the archive's counts of one facet less the values of the articles `outside`. On typed arrays only, as facets.ts's tallies. */
export function countLessOutside(column: FacetColumn, archive: Uint32Array, counts: Uint32Array, outside: Int32Array): void {
  const { start, ids } = column;
  counts.set(archive);
  for (let p = 0; p < outside.length; p++) {
    const n = outside[p];
    for (let i = start[n], end = start[n + 1]; i < end; i++) counts[ids[i]]--;
  }
}

/** Writes into `periodCounts` the archive's month counts less the months of the articles `outside` (years left to the caller). */
export function monthsLessOutside(archive: Uint32Array, monthOf: Int32Array, periodCounts: Uint32Array, outside: Int32Array): void {
  periodCounts.set(archive);
  for (let p = 0; p < outside.length; p++) {
    const month = monthOf[outside[p]];
    if (month >= 0) periodCounts[month]--;
  }
}
