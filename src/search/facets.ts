import { foldWord } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import type { FacetValue, SearchRequest } from './types.js';

/**
 * Facet filters and counts. Within a facet, selected values combine with OR
 * and the facet's own counts ignore its selection (disjunctive faceting, as
 * in Algolia), so a user sees what ticking another value would add; across
 * facets, filters combine with AND. The date facet's counts ignore the
 * from/to range for the same reason.
 */

/** Values compare without case or accents: "otsc" selects "OTSC", "Tokayev" selects "Tokaïev". */
export function facetKey(value: string): string {
  return foldWord(value.trim());
}

interface FacetSelection {
  speakers: Set<string> | null;
  organisations: Set<string> | null;
  from: string | null;
  to: string | null;
}

function selection(request: SearchRequest): FacetSelection {
  const keys = (values: string[]) => (values.length > 0 ? new Set(values.map(facetKey)) : null);
  return { speakers: keys(request.speakers), organisations: keys(request.organisations), from: request.from, to: request.to };
}

function matchesAny(values: string[], selected: Set<string> | null): boolean {
  return selected === null || values.some((v) => selected.has(facetKey(v)));
}

function inDateRange(date: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (date === null) return false;
  return (from === null || date >= from) && (to === null || date <= to);
}

function countValues(counts: Map<string, number>, values: Iterable<string>): void {
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
}

function byCountThenName(counts: Map<string, number>, limit: number): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'))
    .slice(0, limit);
}

function chronological(counts: Map<string, number>): FacetValue[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
}

export interface FacetResult {
  /** Candidates that pass every filter, in the order given. */
  passing: number[];
  speaker: FacetValue[];
  organisation: FacetValue[];
  date: FacetValue[];
}

/** Most values a facet lists; the interface shows the first ten and the rest on demand. */
export const FACET_LIMIT = 100;

/**
 * Filters `candidates` (article numbers matching the query) and counts the
 * facet values among them, each facet ignoring its own filter.
 */
export function facetCounts(documents: Article[], candidates: number[], request: SearchRequest): FacetResult {
  const s = selection(request);
  const speakers = new Map<string, number>();
  const organisations = new Map<string, number>();
  const dates = new Map<string, number>();
  const passing: number[] = [];
  for (const n of candidates) {
    const doc = documents[n];
    const bySpeaker = matchesAny(doc.speakers, s.speakers);
    const byOrganisation = matchesAny(doc.organisations, s.organisations);
    const byDate = inDateRange(doc.date, s.from, s.to);
    if (byOrganisation && byDate) countValues(speakers, doc.speakers);
    if (bySpeaker && byDate) countValues(organisations, doc.organisations);
    if (bySpeaker && byOrganisation && doc.date) countValues(dates, [doc.date.slice(0, 4), doc.date.slice(0, 7)]);
    if (bySpeaker && byOrganisation && byDate) passing.push(n);
  }
  return {
    passing,
    speaker: byCountThenName(speakers, FACET_LIMIT),
    organisation: byCountThenName(organisations, FACET_LIMIT),
    date: chronological(dates),
  };
}
