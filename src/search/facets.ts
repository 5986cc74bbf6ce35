import type { Article } from '../ingest/types.js';
import { dayNumber, facetKey, facetTable, type FacetTable } from './facet-table.js';
import { scratchInt32 } from './scratch.js';
import { firstInOrder } from './top-k.js';
import type { FacetValue, SearchRequest } from './types.js';

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
  speaker: FacetValue[];
  organisation: FacetValue[];
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

function hasAny(ids: Uint32Array, from: number, to: number, selected: Uint8Array | null): boolean {
  if (selected === null) return true;
  for (let k = from; k < to; k++) if (selected[ids[k]]) return true;
  return false;
}

/** The `limit` values with the highest counts, ties in French alphabetical order. */
function topValues(counts: Uint32Array, names: string[], order: Uint32Array, limit: number): FacetValue[] {
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && order[a] < order[b]);
  return firstInOrder(counts.length, limit, before, (id) => counts[id] > 0).map((id) => ({ value: names[id], count: counts[id] }));
}

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter. Works on the
 * facet table's flat arrays: no allocation per candidate. `passing` is a
 * scratch array, valid until the next search.
 */
export function facetCounts(documents: Article[], candidates: Int32Array, request: SearchRequest): FacetResult {
  const table: FacetTable = facetTable(documents);
  const { speakerStart, speakerIds, organisationStart, organisationIds, dayOf, yearOf, monthOf } = table;
  const speakers = selection(request.speakers, table.speakerIdByKey, table.speakerNames.length);
  const organisations = selection(request.organisations, table.organisationIdByKey, table.organisationNames.length);
  const datesFiltered = request.from !== null || request.to !== null;
  const from = request.from === null ? -Infinity : dayNumber(request.from);
  const to = request.to === null ? Infinity : dayNumber(request.to);
  const speakerCounts = new Uint32Array(table.speakerNames.length);
  const organisationCounts = new Uint32Array(table.organisationNames.length);
  const periodCounts = new Uint32Array(table.periodNames.length);
  const passing = scratchInt32('facet-passing', candidates.length);
  let passed = 0;
  if (speakers === null && organisations === null && !datesFiltered) {
    // No filter (the common case while typing): every candidate passes and counts everywhere.
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      for (let i = speakerStart[n], end = speakerStart[n + 1]; i < end; i++) speakerCounts[speakerIds[i]]++;
      for (let i = organisationStart[n], end = organisationStart[n + 1]; i < end; i++) organisationCounts[organisationIds[i]]++;
      if (yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
      passing[passed++] = k;
    }
  } else {
    for (let k = 0; k < candidates.length; k++) {
      const n = candidates[k];
      const s0 = speakerStart[n];
      const s1 = speakerStart[n + 1];
      const o0 = organisationStart[n];
      const o1 = organisationStart[n + 1];
      const bySpeaker = hasAny(speakerIds, s0, s1, speakers);
      const byOrganisation = hasAny(organisationIds, o0, o1, organisations);
      const byDate = !datesFiltered || (dayOf[n] >= 0 && dayOf[n] >= from && dayOf[n] <= to);
      if (byOrganisation && byDate) for (let i = s0; i < s1; i++) speakerCounts[speakerIds[i]]++;
      if (bySpeaker && byDate) for (let i = o0; i < o1; i++) organisationCounts[organisationIds[i]]++;
      if (bySpeaker && byOrganisation && yearOf[n] >= 0) {
        periodCounts[yearOf[n]]++;
        periodCounts[monthOf[n]]++;
      }
      if (bySpeaker && byOrganisation && byDate) passing[passed++] = k;
    }
  }
  const date: FacetValue[] = [];
  for (let id = 0; id < periodCounts.length; id++) if (periodCounts[id] > 0) date.push({ value: table.periodNames[id], count: periodCounts[id] });
  date.sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    passing: passing.subarray(0, passed),
    speaker: topValues(speakerCounts, table.speakerNames, table.speakerOrder, FACET_LIMIT),
    organisation: topValues(organisationCounts, table.organisationNames, table.organisationOrder, FACET_LIMIT),
    date,
  };
}
