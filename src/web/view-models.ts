/**
 * What the HTML templates show, computed from a search request and its
 * response: French labels and dates, and the URL of every link, each one a
 * full state of the page (query, filters, sort, page) so that any view can be
 * bookmarked, shared, or reached with JavaScript off.
 */
import { FACETS, facetFilters, facetOf, fieldValues, type FacetName } from '../analysis/index.js';
import type { FacetValue, SearchHit, SearchRequest, SearchResponse, UnderstoodPart } from '../search/index.js';
import { chips, facetView, withSelection, type Chip, type FacetView } from './facet-views.js';
import { timelineView, type TimelineView } from './timeline.js';
import type { FacetSearchView } from './facet-search-view.js';
import { documentUrl, duration, frenchDate, has, searchUrl, without, type FilterLink } from './links.js';
import { EXPORT_LIMIT } from './export.js';
import { quotationViews, viewSwitch, type QuotationView, type ViewSwitch } from './quotation-views.js';
import { LIMITS, requestToParams } from './params.js';
import { entitySlug } from '../search/index.js';
import { entityUrl } from './entity-links.js';
import { hitStoryView, storyCount, versionsControl, type HitStoryView, type VersionsControl } from './story-views.js';

export { documentUrl, frenchDate, frenchMonth, formatNumber, periodLabel, resultCount, duration, searchUrl, type FilterLink } from './links.js';
export { FACET_VISIBLE, type Chip, type FacetValueView, type FacetView } from './facet-views.js';
export type { TimelineBar, TimelineView } from './timeline.js';

export const PER_PAGE_CHOICES = [10, 20, 50] as const;

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
  /** "Aussi publié par …" and the link listing the story's versions, when it has others. */
  story: HitStoryView | null;
  /** The article lacks one of the query's words (the page's partial fill): said beside its date, « sans « boxeur » ». */
  partial: string | null;
}

/** One part of "how the query was understood", with the link that undoes it. */
export interface UnderstoodView {
  text: string;
  undo: { href: string; label: string } | null;
}

function understoodView(part: UnderstoodPart, request: SearchRequest): UnderstoodView {
  const undo = part.undo;
  if (!undo) return { text: part.text, undo: null };
  const href =
    'q' in undo
      ? searchUrl(request, { q: undo.q })
      : 'filter' in undo
        ? searchUrl(request, withSelection(request, undo.filter, without(request.filters[undo.filter], undo.value)))
        : searchUrl(request, { from: null, to: null });
  return { text: part.text, undo: { href, label: part.undoLabel ?? 'annuler' } };
}

export interface HitFacetView {
  label: string;
  chipClass: string;
  links: (FilterLink & { page: string | null })[];
}

/** The page of a person or organisation value (the chip filters; its "fiche" link goes there). */
function entityPage(name: FacetName, value: string): string | null {
  return (name === 'speakers' || name === 'organisations') && entitySlug(value) ? entityUrl(name, value) : null;
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
    facets: FACETS.map((name) => ({ label: facetOf(name).label, chipClass: facetOf(name).chipClass, links: fieldValues(hit, name).map((value) => ({ ...add(name)(value), page: entityPage(name, value) })) })).filter((f) => f.links.length > 0),
    snippet: hit.snippet,
    story: hitStoryView(hit.id, hit.story),
    partial: hit.partial ? (hit.lacks ? `sans « ${hit.lacks} »` : 'ne contient pas tous les mots') : null,
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
  /** The "Articles | Citations" switch, and in the Citations view the page's quotations (src/web/quotation-views.ts). */
  viewSwitch: ViewSwitch;
  quotations: QuotationView[];
  facets: FacetView[];
  /** The date facet; null when no result is dated. */
  timeline: TimelineView | null;
  chips: Chip[];
  clearAllHref: string;
  sorts: { label: string; href: string; current: boolean }[];
  pagination: Pagination;
  suggestion: { text: string; href: string } | null;
  /** Said above the hits when no article holds every word: "2 mots sur 3". */
  relaxed: string | null;
  /** The line under the box: how the query was understood. */
  understood: UnderstoodView[];
  /** Said where the partial fill begins in the list: « Résultats sans le mot « boxeur » », and the search without it. */
  partialLine: UnderstoodView | null;
  atomHref: string;
  /** The whole result set as files (same query, filters and sort): "Exporter les 12 résultats". */
  exports: { label: string; csv: string; jsonl: string } | null;
  /** Each story once or every version (story-views.ts). */
  versions: VersionsControl | null;
  /** Filters and settings the search form carries along when the query changes. */
  hidden: { name: string; value: string }[];
  from: string;
  to: string;
  /** A wrong date range, said beside the date fields (src/web/date-errors.ts). */
  dateError: string | null;
  /** A facet searched with JavaScript off (src/web/facet-search-view.ts). */
  facetSearch: FacetSearchView | null;
  /** A page past the last one: where the last one is. */
  pastEnd: { page: number; lastPage: number; href: string } | null;
  /** Parameters other than from/to, for the date form. */
  dateFormHidden: { name: string; value: string }[];
}


/** The export of a result set: the search's parameters but its page, and a format. */
function exportLinks(request: SearchRequest, total: number): { label: string; csv: string; jsonl: string } {
  const params = requestToParams({ ...request, page: 1, perPage: LIMITS.defaultPerPage });
  const href = (format: string) => `/api/export?${new URLSearchParams([...params, ['format', format]]).toString()}`;
  const label = total > EXPORT_LIMIT ? `Exporter les ${EXPORT_LIMIT.toLocaleString('fr-FR')} premiers résultats` : total > 1 ? `Exporter les ${total.toLocaleString('fr-FR')} résultats` : 'Exporter le résultat';
  return { label, csv: href('csv'), jsonl: href('jsonl') };
}
/** What the list holds: the full matches, then the partial fill (`total` counts the full ones). */
export function listed(response: SearchResponse): number {
  return response.total + (response.partial?.count ?? 0);
}

/** The line before the first partial hit of the page; null when the page has none. */
function partialLine(request: SearchRequest, response: SearchResponse): UnderstoodView | null {
  if (!response.partial || !response.hits.some((h) => h.partial)) return null;
  const words = [...new Set(response.hits.filter((h) => h.partial && h.lacks).map((h) => h.lacks!))];
  const text = words.length === 1 ? `Résultats sans le mot « ${words[0]} »` : words.length > 1 ? `Résultats sans l’un des mots ${words.map((w) => `« ${w} »`).join(', ')}` : 'Résultats ne contenant pas tous les mots';
  const part = (response.understood ?? []).find((p) => p.kind === 'partial');
  const undo = part && words.length === 1 && part.undoLabel === `chercher sans « ${words[0]} »` ? understoodView(part, request).undo : null;
  return { text, undo };
}

/** A page past the last one of a non-empty result set. */
function pastEnd(request: SearchRequest, response: SearchResponse): SearchView['pastEnd'] {
  if (listed(response) === 0 || response.hits.length > 0) return null;
  const lastPage = Math.min(LIMITS.maxPage, Math.ceil(listed(response) / request.perPage));
  return { page: request.page, lastPage, href: searchUrl(request, { page: lastPage }) };
}

/** `days`: the backend's day counts of the month the date range lies in, when it lies in one (see timeline.ts). */
export function searchView(request: SearchRequest, response: SearchResponse, days: FacetValue[] | null = null): SearchView {
  const hidden: { name: string; value: string }[] = [];
  for (const name of FACETS) for (const value of request.filters[name]) hidden.push({ name: facetOf(name).param, value });
  if (request.from) hidden.push({ name: 'from', value: request.from });
  if (request.to) hidden.push({ name: 'to', value: request.to });
  if (request.sort !== 'relevance') hidden.push({ name: 'sort', value: request.sort });
  if (request.perPage !== LIMITS.defaultPerPage) hidden.push({ name: 'per_page', value: String(request.perPage) });
  if (request.versions === 'all') hidden.push({ name: 'versions', value: 'all' });
  if (request.view === 'citations') hidden.push({ name: 'vue', value: 'citations' });
  const dateFormHidden = [
    ...(request.q ? [{ name: 'q', value: request.q }] : []),
    ...hidden.filter((h) => h.name !== 'from' && h.name !== 'to'),
  ];
  const hasFilters = FACETS.some((name) => request.filters[name].length > 0) || request.from !== null || request.to !== null;
  return {
    q: request.q,
    pageTitle: request.q ? `« ${request.q} » — Dépêches` : hasFilters ? 'Recherche filtrée — Dépêches' : 'Dépêches — archives de presse',
    stats: `${storyCount(response)} en ${duration(response.took_ms)}`,
    total: listed(response),
    start: (request.page - 1) * request.perPage + 1,
    hits: response.hits.map((h) => hitView(h, request)),
    viewSwitch: viewSwitch(request),
    quotations: request.view === 'citations' ? quotationViews(response.hits, request) : [],
    facets: FACETS.map((name) => {
      const facet = facetView(name, response.facets[facetOf(name).responseKey as keyof SearchResponse['facets']], request);
      // The Citations view and quotation queries count each speaker's matching quotations
      return name === 'speakers' && response.speaker_counts === 'quotations' ? { ...facet, note: 'nombre de citations' } : facet;
    }),
    timeline: timelineView(response.facets.date, request, days),
    chips: chips(request),
    clearAllHref: searchUrl(request, { filters: facetFilters(), from: null, to: null }),
    sorts: sortLinks(request),
    pagination: pagination(request, listed(response)),
    suggestion: response.suggestion ? { text: response.suggestion, href: searchUrl(request, { q: response.suggestion }) } : null,
    understood: (response.understood ?? []).map((part) => understoodView(part, request)),
    partialLine: partialLine(request, response),
    relaxed: response.relaxed ? `${response.relaxed.matched} ${response.relaxed.matched > 1 ? 'termes' : 'terme'} sur ${response.relaxed.of}` : null,
    atomHref: searchUrl(request, { page: 1 }, '/search.atom'),
    // The export writes every version: its count is of articles.
    exports: listed(response) > 0 ? exportLinks(request, (response.articles ?? response.total) + (response.partial?.count ?? 0)) : null,
    hidden,
    from: request.from ?? '',
    to: request.to ?? '',
    dateError: null,
    facetSearch: null,
    pastEnd: pastEnd(request, response),
    dateFormHidden,
    versions: versionsControl(request, response),
  };
}
