/**
 * The facet boxes (one per facet of src/analysis/fields.ts, values with
 * counts) and the filter chips of the search page (the date facet: timeline.ts).
 */
import { FACETS, facetOf, type FacetName } from '../analysis/index.js';
import type { FacetValue, SearchRequest } from '../search/index.js';
import { facetKey } from '../search/index.js';
import { formatNumber, has, periodLabel, searchUrl, without, type FilterLink } from './links.js';

/** How many values of a facet show before "voir plus". */
export const FACET_VISIBLE = 10;

export interface FacetValueView extends FilterLink {
  count: string;
}

export interface FacetView {
  /** "speaker", "org", "source": the URL parameter. */
  parameter: string;
  title: string;
  visible: FacetValueView[];
  more: FacetValueView[];
  /** Selected values no article of the results has any more (still shown so they can be removed). */
  selectedMissing: FacetValueView[];
}

/** The request with one facet's selection replaced. */
export function withSelection(request: SearchRequest, name: FacetName, values: string[]): Partial<SearchRequest> {
  return { filters: { ...request.filters, [name]: values } };
}

export function facetView(name: FacetName, values: FacetValue[], request: SearchRequest): FacetView {
  const { param: parameter, title } = facetOf(name);
  const selectedValues = request.filters[name];
  const toView = (value: string, count: number, approximate = false): FacetValueView => {
    const selected = has(selectedValues, value);
    return {
      name: value,
      // A count estimated from a sample of many matches (PostgreSQL) says so.
      count: approximate ? `environ ${formatNumber(count)}` : formatNumber(count),
      selected,
      href: searchUrl(request, withSelection(request, name, selected ? without(selectedValues, value) : [...selectedValues, value])),
    };
  };
  const views = values.map((v) => toView(v.value, v.count, v.approximate === true));
  // Selected values first, so that they never hide behind "voir plus".
  views.sort((a, b) => Number(b.selected) - Number(a.selected));
  const listed = new Set(values.map((v) => facetKey(v.value)));
  return {
    parameter,
    title,
    visible: views.slice(0, FACET_VISIBLE),
    more: views.slice(FACET_VISIBLE),
    selectedMissing: selectedValues.filter((v) => !listed.has(facetKey(v))).map((v) => toView(v, 0)),
  };
}

export interface Chip {
  label: string;
  value: string;
  removeHref: string;
}

export function chips(request: SearchRequest): Chip[] {
  const list: Chip[] = [];
  for (const name of FACETS) {
    const selected = request.filters[name];
    for (const value of selected) list.push({ label: facetOf(name).label, value, removeHref: searchUrl(request, withSelection(request, name, without(selected, value))) });
  }
  const period = periodLabel(request.from, request.to);
  if (period) list.push({ label: 'Période', value: period, removeHref: searchUrl(request, { from: null, to: null }) });
  return list;
}
