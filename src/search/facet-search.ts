/**
 * Facet search on the embedded index: the values of one facet that typed
 * letters name (src/search/name-match.ts), each with its count among the
 * results of the request, as the facet box counts them (its own selection
 * ignored, the other filters and the date range applied). Every value of
 * the archive is reachable this way, not only the FACET_LIMIT most frequent.
 */
import { FACETS, type FacetName } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { evaluateQuery } from './evaluate.js';
import { dayNumber, facetKey } from './facet-table.js';
import { nameMatcher } from './name-match.js';
import { parseQuery } from './parse-query.js';
import type { FacetValue, SearchRequest } from './types.js';

/** Most values a facet search answers. */
export const FACET_SEARCH_LIMIT = 50;

export function searchFacetValues(searcher: Searcher, request: SearchRequest, name: FacetName, text: string, limit = FACET_SEARCH_LIMIT): FacetValue[] {
  const table = searcher.facets;
  const column = table.facets[name];
  const matches = nameMatcher(text);
  // The value ids the letters name; none named, no counting.
  const named = new Uint8Array(column.names.length);
  let any = false;
  const { keys } = column;
  column.names.forEach((_, id) => {
    if (!matches || matches(keys[id])) {
      named[id] = 1;
      any = true;
    }
  });
  if (!any) return [];
  const found = evaluateQuery(searcher, parseQuery(request.q));
  const docs = found.matches ? found.matches.docs : table.newestFirst;
  const others = FACETS.filter((f) => f !== name && request.filters[f].length > 0).map((f) => {
    const other = table.facets[f];
    const selected = new Set(request.filters[f].map((v) => other.idByKey.get(facetKey(v))).filter((id) => id !== undefined));
    return { start: other.start, ids: other.ids, selected };
  });
  const from = request.from === null ? -Infinity : dayNumber(request.from);
  const to = request.to === null ? Infinity : dayNumber(request.to);
  const dated = request.from !== null || request.to !== null;
  const counts = new Uint32Array(column.names.length);
  for (let k = 0; k < docs.length; k++) {
    const n = docs[k];
    if (dated && !(table.dayOf[n] >= 0 && table.dayOf[n] >= from && table.dayOf[n] <= to)) continue;
    let passes = true;
    for (const o of others) {
      let hit = false;
      for (let i = o.start[n]; i < o.start[n + 1] && !hit; i++) hit = o.selected.has(o.ids[i]);
      if (!hit) {
        passes = false;
        break;
      }
    }
    if (!passes) continue;
    for (let i = column.start[n]; i < column.start[n + 1]; i++) if (named[column.ids[i]]) counts[column.ids[i]]++;
  }
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0) ids.push(id);
  ids.sort((a, b) => counts[b] - counts[a] || column.order[a] - column.order[b]);
  return ids.slice(0, limit).map((id) => ({ value: column.names[id], count: counts[id] }));
}
