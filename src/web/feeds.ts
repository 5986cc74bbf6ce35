/**
 * Machine-readable views of a search: the Atom feed of any query (newest
 * first) and the OpenSearch description that lets a browser add the engine.
 */
import type { Request } from 'express';
import type { BackendReader } from '../search/backends/index.js';
import { FACETS, facetFilters, facetOf, fieldValues } from '../analysis/index.js';
import type { SearchRequest } from '../search/index.js';
import { documentUrl, periodLabel, searchUrl } from './view-models.js';

/** The origin of absolute URLs when nothing better is known. */
export function localOrigin(): string {
  return 'http://localhost';
}

export interface OriginPolicy {
  /** A configured origin (--base-url, BASE_URL): always used when given. */
  baseUrl?: string;
  /** The address the server listens on: a Host header naming it is trusted. */
  listenHost: string;
  port: () => number;
}

/**
 * The origin for the absolute URLs of feeds and OpenSearch. A Host header is
 * client input, and a feed or an OpenSearch description is cached and
 * shared: reflecting it would let anyone plant links to their own site. So
 * the origin is the configured base URL, else the Host header only when it
 * names this machine (localhost, 127.0.0.1, ::1) or the listen address on
 * the listen port, else http://localhost:PORT.
 */
export function publicOrigin({ baseUrl, listenHost, port }: OriginPolicy): (req: Request) => string {
  if (baseUrl) {
    const base = baseUrl.replace(/\/+$/, '');
    return () => base;
  }
  const trusted = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (!['0.0.0.0', '::'].includes(listenHost)) trusted.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost.toLowerCase());
  return (req) => {
    const host = (req.get('host') ?? '').toLowerCase();
    const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d+))?$/.exec(host);
    const name = match && trusted.has(match[1]) && (match[2] === undefined ? port() === 80 : Number(match[2]) === port()) ? match[1] : 'localhost';
    return `http://${name}:${port()}`;
  };
}

/** The base URL given on the command line or in BASE_URL; throws a one-line message when it is no http(s) origin. */
export function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`invalid base URL: ${value} (expected e.g. https://depeches.example.org)`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) throw new Error(`invalid base URL: ${value} (expected e.g. https://depeches.example.org)`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Characters XML 1.0 cannot hold, even escaped (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters an XML document cannot hold, so that a feed always parses. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
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
export async function atomFeed(backend: BackendReader, request: SearchRequest, base: string): Promise<AtomFeed> {
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
  const feed: AtomFeed = {
    id: base + searchUrl(feedRequest, { page: 1 }, '/search.atom'),
    title: feedTitle(request),
    updated: newest ?? builtAt,
    selfHref: base + searchUrl(request, { page: 1 }, '/search.atom'),
    alternateHref: base + searchUrl(feedRequest, { page: 1 }),
    entries,
  };
  return xmlSafe(feed);
}

/** Every string of a value, deeply, without the characters XML cannot hold. */
function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlText(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}
