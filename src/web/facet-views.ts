/**
 * The facet boxes (one per facet of src/analysis/fields.ts, values with
 * counts), the filter chips and the date histogram of the search page.
 */
import { FACETS, facetOf, type FacetName } from '../analysis/index.js';
import type { FacetValue, SearchRequest } from '../search/index.js';
import { facetKey } from '../search/index.js';
import { formatNumber, has, lastDayOfMonth, MONTHS, MONTHS_SHORT, periodLabel, searchUrl, without, type FilterLink } from './links.js';

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
  const toView = (value: string, count: number): FacetValueView => {
    const selected = has(selectedValues, value);
    return {
      name: value,
      count: formatNumber(count),
      selected,
      href: searchUrl(request, withSelection(request, name, selected ? without(selectedValues, value) : [...selectedValues, value])),
    };
  };
  const views = values.map((v) => toView(v.value, v.count));
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

export interface Bar {
  label: string;
  /** Spoken and hover label: "2022 : 3 articles". */
  title: string;
  count: number;
  /** Bar height in steps of 5 % (0 to 20), a CSS class: no inline style under the CSP. */
  step: number;
  href: string;
  selected: boolean;
}

export interface DateFacetView {
  years: Bar[];
  /** Months of the selected (or only) year, January to December. */
  months: Bar[];
  monthsYear: string | null;
}

function step(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.max(1, Math.round((count / max) * 20));
}

function articles(count: number): string {
  return `${formatNumber(count)} article${count > 1 ? 's' : ''}`;
}

export function dateFacetView(values: FacetValue[], request: SearchRequest): DateFacetView {
  const years = values.filter((v) => v.value.length === 4);
  const months = new Map(values.filter((v) => v.value.length === 7).map((v) => [v.value, v.count]));
  const { from, to } = request;
  const yearSelected = (y: string) => from === `${y}-01-01` && to === `${y}-12-31`;
  const maxYear = Math.max(0, ...years.map((y) => y.count));
  const yearBars = years.map<Bar>((y) => {
    const selected = yearSelected(y.value);
    return {
      label: y.value,
      title: `${y.value} : ${articles(y.count)}`,
      count: y.count,
      step: step(y.count, maxYear),
      href: searchUrl(request, selected ? { from: null, to: null } : { from: `${y.value}-01-01`, to: `${y.value}-12-31` }),
      selected,
    };
  });
  let monthsYear: string | null = null;
  if (from && to && from.slice(0, 4) === to.slice(0, 4)) monthsYear = from.slice(0, 4);
  else if (years.length === 1) monthsYear = years[0].value;
  const monthBars: Bar[] = [];
  if (monthsYear && years.some((y) => y.value === monthsYear)) {
    const counts = MONTHS.map((_, i) => months.get(`${monthsYear}-${String(i + 1).padStart(2, '0')}`) ?? 0);
    const max = Math.max(0, ...counts);
    MONTHS.forEach((name, i) => {
      const mm = String(i + 1).padStart(2, '0');
      const monthFrom = `${monthsYear}-${mm}-01`;
      const monthTo = `${monthsYear}-${mm}-${String(lastDayOfMonth(Number(monthsYear), i + 1)).padStart(2, '0')}`;
      const selected = from === monthFrom && to === monthTo;
      monthBars.push({
        label: MONTHS_SHORT[i],
        title: `${name} ${monthsYear} : ${articles(counts[i])}`,
        count: counts[i],
        step: step(counts[i], max),
        href: searchUrl(request, selected ? { from: `${monthsYear}-01-01`, to: `${monthsYear}-12-31` } : { from: monthFrom, to: monthTo }),
        selected,
      });
    });
  } else monthsYear = null;
  return { years: yearBars, months: monthBars, monthsYear };
}

