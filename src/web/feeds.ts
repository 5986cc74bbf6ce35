/**
 * Machine-readable views of a search: the Atom feed of any query (newest
 * first) and the OpenSearch description that lets a browser add the engine.
 */
import type { Request } from 'express';
import type { SearchBackend } from '../search/backend.js';
import { FACETS, facetFilters, facetOf, fieldValues } from '../analysis/index.js';
import type { SearchRequest } from '../search/index.js';
import { documentUrl, periodLabel, searchUrl } from './view-models.js';

/** The origin the client used, for the absolute URLs feeds need. */
export function origin(req: Request): string {
  const host = req.get('host') ?? 'localhost';
  // A Host header is client input: keep only what a host name and port may hold.
  const safeHost = /^[a-z0-9.\-:[\]]+$/i.test(host) ? host : 'localhost';
  return `${req.protocol}://${safeHost}`;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summaryHtml: string;
  authors: string[];
  categories: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  updated: string;
  selfHref: string;
  alternateHref: string;
  entries: AtomEntry[];
}

function timestamp(date: string | null, fallback: string): string {
  return date ? `${date}T00:00:00Z` : fallback;
}

function feedTitle(request: SearchRequest): string {
  const parts: string[] = [];
  if (request.q) parts.push(`« ${request.q} »`);
  for (const name of FACETS) if (request.filters[name].length) parts.push(`${facetOf(name).title.toLowerCase()} : ${request.filters[name].join(', ')}`);
  const period = periodLabel(request.from, request.to);
  if (period) parts.push(period);
  return parts.length ? `Dépêches — ${parts.join(' ; ')}` : 'Dépêches — derniers articles';
}

/** The feed of a search: its first page sorted newest first. */
export async function atomFeed(backend: SearchBackend, request: SearchRequest, base: string): Promise<AtomFeed> {
  const feedRequest: SearchRequest = { ...request, sort: 'date', page: 1 };
  const [response, status] = await Promise.all([backend.search(feedRequest), backend.status()]);
  const builtAt = status.builtAt;
  const entries = response.hits.map<AtomEntry>((hit) => ({
    id: `${base}/doc/${encodeURIComponent(hit.id)}`,
    title: hit.title,
    updated: timestamp(hit.date, builtAt),
    link: base + documentUrl(hit.id, request.q ? { ...feedRequest, filters: facetFilters(), from: null, to: null } : null),
    summaryHtml: hit.snippet,
    authors: FACETS.filter((name) => facetOf(name).atom === 'author').flatMap((name) => fieldValues(hit, name)),
    categories: FACETS.filter((name) => facetOf(name).atom === 'category').flatMap((name) => fieldValues(hit, name)),
  }));
  const newest = entries.map((e) => e.updated).sort().at(-1);
  return {
    id: base + searchUrl(feedRequest, { page: 1 }, '/search.atom'),
    title: feedTitle(request),
    updated: newest ?? builtAt,
    selfHref: base + searchUrl(request, { page: 1 }, '/search.atom'),
    alternateHref: base + searchUrl(feedRequest, { page: 1 }),
    entries,
  };
}
