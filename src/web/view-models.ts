/**
 * What the HTML templates show, computed from a search request and its
 * response: French labels and dates, and the URL of every link, each one a
 * full state of the page (query, filters, sort, page) so that any view can be
 * bookmarked, shared, or reached with JavaScript off.
 */
import { FACETS, facetFilters, facetOf, fieldValues, type FacetName } from '../analysis/index.js';
import { facetKey, type FacetValue, type SearchHit, type SearchRequest, type SearchResponse } from '../search/index.js';
import { LIMITS, requestToParams } from './params.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** How many values of a facet show before "voir plus". */
export const FACET_VISIBLE = 10;
export const PER_PAGE_CHOICES = [10, 20, 50] as const;

const numberFormat = new Intl.NumberFormat('fr-FR');

/** "10 janvier 2022", "1er mars 2023"; null for no date. */
export function frenchDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? '1er' : day} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "janvier 2022" for "2022-01". */
export function frenchMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "aucun résultat", "1 résultat", "12 résultats". */
export function resultCount(total: number): string {
  if (total === 0) return 'aucun résultat';
  return `${formatNumber(total)} résultat${total > 1 ? 's' : ''}`;
}

/** "3 ms", "0,4 ms". */
export function duration(ms: number): string {
  const rounded = ms < 10 ? Math.round(ms * 10) / 10 : Math.round(ms);
  return `${numberFormat.format(rounded)} ms`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The URL of a state: the given request with some changes; any change but `page` goes back to page 1. */
export function searchUrl(request: SearchRequest, changes: Partial<SearchRequest> = {}, base = '/search'): string {
  const params = requestToParams({ ...request, page: 1, ...changes });
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** The URL of an article, carrying the search it was found by. */
export function documentUrl(id: string, request: SearchRequest | null): string {
  const params = request ? requestToParams(request).toString() : '';
  return `/doc/${encodeURIComponent(id)}${params ? `?${params}` : ''}`;
}

function has(values: string[], value: string): boolean {
  const key = facetKey(value);
  return values.some((v) => facetKey(v) === key);
}

function without(values: string[], value: string): string[] {
  const key = facetKey(value);
  return values.filter((v) => facetKey(v) !== key);
}

export interface FilterLink {
  name: string;
  href: string;
  selected: boolean;
}

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
function withSelection(request: SearchRequest, name: FacetName, values: string[]): Partial<SearchRequest> {
  return { filters: { ...request.filters, [name]: values } };
}

function facetView(name: FacetName, values: FacetValue[], request: SearchRequest): FacetView {
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

/** "2022", "janvier 2022", "du 3 mars 2021 au 5 mai 2022", "depuis le …", "jusqu'au …". */
export function periodLabel(from: string | null, to: string | null): string | null {
  if (from && to) {
    const [fy, fm, fd] = from.split('-').map(Number);
    const [ty, tm, td] = to.split('-').map(Number);
    if (fy === ty && fm === 1 && fd === 1 && tm === 12 && td === 31) return String(fy);
    if (fy === ty && fm === tm && fd === 1 && td === lastDayOfMonth(ty, tm)) return frenchMonth(from.slice(0, 7));
    if (from === to) return `le ${frenchDate(from)}`;
    return `du ${frenchDate(from)} au ${frenchDate(to)}`;
  }
  if (from) return `depuis le ${frenchDate(from)}`;
  if (to) return `jusqu’au ${frenchDate(to)}`;
  return null;
}

function chips(request: SearchRequest): Chip[] {
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

function dateFacetView(values: FacetValue[], request: SearchRequest): DateFacetView {
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

export interface HitView {
  id: string;
  href: string;
  title: string;
  date: string | null;
  isoDate: string | null;
  /** The hit's facet values (speakers, organisations, source), each a link adding it to the filters. */
  facets: HitFacetView[];
  /** HTML from the engine: escaped text and <mark>. */
  snippet: string;
}

export interface HitFacetView {
  label: string;
  chipClass: string;
  links: FilterLink[];
}

function hitView(hit: SearchHit, request: SearchRequest): HitView {
  const add = (name: FacetName) => (value: string): FilterLink => {
    const selected = request.filters[name];
    return { name: value, selected: has(selected, value), href: searchUrl(request, withSelection(request, name, has(selected, value) ? selected : [...selected, value])) };
  };
  return {
    id: hit.id,
    href: documentUrl(hit.id, request),
    title: hit.title,
    date: frenchDate(hit.date),
    isoDate: hit.date,
    facets: FACETS.map((name) => ({ label: facetOf(name).label, chipClass: facetOf(name).chipClass, links: fieldValues(hit, name).map(add(name)) })).filter((f) => f.links.length > 0),
    snippet: hit.snippet,
  };
}

export interface PageLink {
  label: string;
  href: string | null;
  current: boolean;
  /** Spoken label, "Page 3". */
  aria: string;
}

export interface Pagination {
  previous: string | null;
  next: string | null;
  pages: PageLink[];
  perPage: { label: string; href: string; current: boolean }[];
}

function pagination(request: SearchRequest, total: number): Pagination {
  const pageCount = Math.min(LIMITS.maxPage, Math.max(1, Math.ceil(total / request.perPage)));
  const current = request.page;
  const wanted = new Set([1, pageCount, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const pages: PageLink[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) pages.push({ label: '…', href: null, current: false, aria: '' });
    pages.push({ label: String(p), href: searchUrl(request, { page: p }), current: p === current, aria: `Page ${p}` });
  });
  return {
    previous: current > 1 ? searchUrl(request, { page: Math.min(current - 1, pageCount) }) : null,
    next: current < pageCount ? searchUrl(request, { page: current + 1 }) : null,
    pages: pageCount > 1 ? pages : [],
    perPage: PER_PAGE_CHOICES.map((n) => ({ label: String(n), href: searchUrl(request, { perPage: n }), current: n === request.perPage })),
  };
}

/** Sort choices; without a query there is no relevance, and the engine lists newest first. */
function sortLinks(request: SearchRequest): SearchView['sorts'] {
  const choices = [
    { label: 'pertinence', value: 'relevance' as const },
    { label: 'plus récents', value: 'date' as const },
    { label: 'plus anciens', value: 'date-asc' as const },
  ];
  const effective = !request.q && request.sort === 'relevance' ? 'date' : request.sort;
  return choices
    .filter((c) => request.q || c.value !== 'relevance')
    .map((c) => ({ label: c.label, href: searchUrl(request, { sort: c.value }), current: effective === c.value }));
}

export interface SearchView {
  q: string;
  pageTitle: string;
  /** "12 résultats en 3 ms". */
  stats: string;
  total: number;
  /** Rank of the first hit shown (for <ol start>). */
  start: number;
  hits: HitView[];
  facets: FacetView[];
  dates: DateFacetView;
  chips: Chip[];
  clearAllHref: string;
  sorts: { label: string; href: string; current: boolean }[];
  pagination: Pagination;
  suggestion: { text: string; href: string } | null;
  /** Said above the hits when no article holds every word: "2 mots sur 3". */
  relaxed: string | null;
  atomHref: string;
  /** Filters and settings the search form carries along when the query changes. */
  hidden: { name: string; value: string }[];
  from: string;
  to: string;
  /** Parameters other than from/to, for the date form. */
  dateFormHidden: { name: string; value: string }[];
}

export function searchView(request: SearchRequest, response: SearchResponse): SearchView {
  const hidden: { name: string; value: string }[] = [];
  for (const name of FACETS) for (const value of request.filters[name]) hidden.push({ name: facetOf(name).param, value });
  if (request.from) hidden.push({ name: 'from', value: request.from });
  if (request.to) hidden.push({ name: 'to', value: request.to });
  if (request.sort !== 'relevance') hidden.push({ name: 'sort', value: request.sort });
  if (request.perPage !== LIMITS.defaultPerPage) hidden.push({ name: 'per_page', value: String(request.perPage) });
  const dateFormHidden = [
    ...(request.q ? [{ name: 'q', value: request.q }] : []),
    ...hidden.filter((h) => h.name !== 'from' && h.name !== 'to'),
  ];
  const hasFilters = FACETS.some((name) => request.filters[name].length > 0) || request.from !== null || request.to !== null;
  return {
    q: request.q,
    pageTitle: request.q ? `« ${request.q} » — Dépêches` : hasFilters ? 'Recherche filtrée — Dépêches' : 'Dépêches — archives de presse',
    stats: `${resultCount(response.total)} en ${duration(response.took_ms)}`,
    total: response.total,
    start: (request.page - 1) * request.perPage + 1,
    hits: response.hits.map((h) => hitView(h, request)),
    facets: FACETS.map((name) => facetView(name, response.facets[facetOf(name).responseKey as keyof SearchResponse['facets']], request)),
    dates: dateFacetView(response.facets.date, request),
    chips: chips(request),
    clearAllHref: searchUrl(request, { filters: facetFilters(), from: null, to: null }),
    sorts: sortLinks(request),
    pagination: pagination(request, response.total),
    suggestion: response.suggestion ? { text: response.suggestion, href: searchUrl(request, { q: response.suggestion }) } : null,
    relaxed: response.relaxed ? `${response.relaxed.matched} ${response.relaxed.matched > 1 ? 'termes' : 'terme'} sur ${response.relaxed.of}` : null,
    atomHref: searchUrl(request, { page: 1 }, '/search.atom'),
    hidden,
    from: request.from ?? '',
    to: request.to ?? '',
    dateFormHidden,
  };
}
