/**
 * French wording of numbers, dates and periods, and the URL of every state
 * of the search page (query, filters, sort, page), for the view models.
 */
import { facetKey, type SearchRequest } from '../search/index.js';
import { requestToParams } from './params.js';

export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

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

export function lastDayOfMonth(year: number, month: number): number {
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

export function has(values: string[], value: string): boolean {
  const key = facetKey(value);
  return values.some((v) => facetKey(v) === key);
}

export function without(values: string[], value: string): string[] {
  const key = facetKey(value);
  return values.filter((v) => facetKey(v) !== key);
}

export interface FilterLink {
  name: string;
  href: string;
  selected: boolean;
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

