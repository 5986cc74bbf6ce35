import type { Article } from '../ingest/types.js';
import { facetKey, facetTable, type FacetTable } from './facet-table.js';
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
  /** Candidates that pass every filter, in the order given. */
  passing: number[];
  speaker: FacetValue[];
  organisation: FacetValue[];
  date: FacetValue[];
}

/** Most values a facet lists; the interface shows the first ten and the rest on demand. */
export const FACET_LIMIT = 100;

/** Ids of the selected values; a value no article has selects nothing (id -1). */
function selectedIds(values: string[], idByKey: Map<string, number>): Set<number> | null {
  return values.length === 0 ? null : new Set(values.map((v) => idByKey.get(facetKey(v)) ?? -1));
}

function hasAny(ids: Uint32Array, selected: Set<number> | null): boolean {
  if (selected === null) return true;
  for (const id of ids) if (selected.has(id)) return true;
  return false;
}

function topValues(counts: Uint32Array, names: string[], limit: number): FacetValue[] {
  const values: FacetValue[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0) values.push({ value: names[id], count: counts[id] });
  values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'));
  return values.slice(0, limit);
}

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter.
 */
export function facetCounts(documents: Article[], candidates: number[], request: SearchRequest): FacetResult {
  const table: FacetTable = facetTable(documents);
  const speakers = selectedIds(request.speakers, table.speakerIdByKey);
  const organisations = selectedIds(request.organisations, table.organisationIdByKey);
  const { from, to } = request;
  const speakerCounts = new Uint32Array(table.speakerNames.length);
  const organisationCounts = new Uint32Array(table.organisationNames.length);
  const periodCounts = new Uint32Array(table.periodNames.length);
  const passing: number[] = [];
  for (const n of candidates) {
    const bySpeaker = hasAny(table.speakersOf[n], speakers);
    const byOrganisation = hasAny(table.organisationsOf[n], organisations);
    let byDate = true;
    if (from !== null || to !== null) {
      const date = documents[n].date;
      byDate = date !== null && (from === null || date >= from) && (to === null || date <= to);
    }
    if (byOrganisation && byDate) for (const id of table.speakersOf[n]) speakerCounts[id]++;
    if (bySpeaker && byDate) for (const id of table.organisationsOf[n]) organisationCounts[id]++;
    if (bySpeaker && byOrganisation && table.yearOf[n] >= 0) {
      periodCounts[table.yearOf[n]]++;
      periodCounts[table.monthOf[n]]++;
    }
    if (bySpeaker && byOrganisation && byDate) passing.push(n);
  }
  const date: FacetValue[] = [];
  for (let id = 0; id < periodCounts.length; id++) if (periodCounts[id] > 0) date.push({ value: table.periodNames[id], count: periodCounts[id] });
  date.sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    passing,
    speaker: topValues(speakerCounts, table.speakerNames, FACET_LIMIT),
    organisation: topValues(organisationCounts, table.organisationNames, FACET_LIMIT),
    date,
  };
}
