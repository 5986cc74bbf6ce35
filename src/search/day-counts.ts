/**
 * Articles per day among the results of a request (every filter and the
 * date range applied), for the timeline's finest level: the days of one
 * month. The search response's date facet stops at months, so that an
 * 80-year archive does not send 29 000 days with every keystroke.
 */
import { FACETS } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { evaluateQuery } from './evaluate.js';
import { dayNumber, facetKey } from './facet-table.js';
import { parseQuery } from './parse-query.js';
import type { FacetValue, SearchRequest } from './types.js';

/** Most days counted: a range longer than this is no timeline of days. */
export const MAX_DAYS = 31;

export function searchDayCounts(searcher: Searcher, request: SearchRequest): FacetValue[] {
  if (!request.from || !request.to) return [];
  const table = searcher.facets;
  const found = evaluateQuery(searcher, parseQuery(request.q));
  const docs = found.matches ? found.matches.docs : table.newestFirst;
  const filters = FACETS.filter((f) => request.filters[f].length > 0).map((f) => {
    const column = table.facets[f];
    return { start: column.start, ids: column.ids, selected: new Set(request.filters[f].map((v) => column.idByKey.get(facetKey(v))).filter((id) => id !== undefined)) };
  });
  const from = dayNumber(request.from);
  const to = dayNumber(request.to);
  const counts = new Map<number, number>();
  for (let k = 0; k < docs.length; k++) {
    const n = docs[k];
    const day = table.dayOf[n];
    if (day < from || day > to) continue;
    if (!filters.every((f) => {
      for (let i = f.start[n]; i < f.start[n + 1]; i++) if (f.selected.has(f.ids[i])) return true;
      return false;
    })) continue;
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_DAYS * 12)
    .map(([day, count]) => ({ value: `${Math.floor(day / 10000)}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`, count }));
}
