/**
 * The backend boundary of the search stage: the query model (a validated
 * SearchRequest: parsed query, facet filters, date range, sort, page) is
 * answered either by the embedded index (the default: a Searcher over a
 * loaded build, src/search/searcher.ts) or by
 * PostgreSQL full-text search (src/search/postgres). The web stage only
 * talks to a SearchBackend, so both serve the same pages and JSON.
 */
import type { Article } from '../ingest/types.js';
import type { SearchIndex } from '../index/index.js';
import { queryTerms } from './evaluate.js';
import { Searcher } from './searcher.js';
import { firstInOrder } from './top-k.js';
import { documentTokens } from './document-tokens.js';
import { highlightRange } from './highlight.js';
import { search } from './run.js';
import type { FacetName } from '../analysis/index.js';
import { searchDayCounts } from './day-counts.js';
import { entityProfile, type EntityKind, type EntityProfile } from './entities.js';
import { searchFacetValues } from './facet-search.js';
import { suggestions, type Suggestions } from './suggestions.js';
import type { FacetValue, SearchRequest, SearchResponse } from './types.js';

/** An article shown beside another ("same day", "same speakers"). */
export interface RelatedArticle {
  id: string;
  title: string;
  date: string | null;
}

/** An article as its page shows it, with the words a query matched highlighted. */
export interface DocumentDetail {
  article: Article;
  /** HTML: the escaped title, matched words in <mark>. */
  titleHtml: string;
  /** HTML: the escaped text (paragraphs still separated by blank lines), matched words in <mark>. */
  textHtml: string;
  /** Other articles of the same date, at most RELATED_LIMIT. */
  sameDay: RelatedArticle[];
  /** Articles sharing the most speakers with this one, at most RELATED_LIMIT. */
  sameSpeakers: RelatedArticle[];
}

/** What a backend says about the index it serves (for /healthz and feeds). */
export interface BackendStatus {
  backend: 'embedded' | 'postgres';
  documents: number;
  build: string;
  /** ISO time of the build. */
  builtAt: string;
}

export interface SearchBackend {
  readonly kind: 'embedded' | 'postgres';
  search(request: SearchRequest): Promise<SearchResponse>;
  /** The article of an id, or null when there is none. */
  article(id: string): Promise<Article | null>;
  /** The article of an id for its page, highlighted for query `q`, with related articles; null when unknown. */
  document(id: string, q: string): Promise<DocumentDetail | null>;
  /** The values of a facet that typed letters name, with their counts among the request's results (src/search/facet-search.ts). */
  searchFacet(request: SearchRequest, name: FacetName, text: string): Promise<FacetValue[]>;
  /** Articles per day among the request's results, within its date range (src/search/day-counts.ts). */
  dayCounts(request: SearchRequest): Promise<FacetValue[]>;
  /** Completions of the word being typed, and the people and organisations the letters name (src/search/suggestions.ts). */
  suggestions(q: string): Promise<Suggestions>;
  status(): Promise<BackendStatus>;
  /** The page of a person or an organisation by its slug (entities.ts); absent where the backend has none yet. */
  entity?(kind: EntityKind, slug: string): Promise<EntityProfile | null>;
  close(): Promise<void>;
}

export const RELATED_LIMIT = 5;

/**
 * Articles of the same day, and those sharing the most speakers (then the
 * newest), found on the facet table's number arrays: a document page of a
 * 100 000-article archive must not compare strings with every article.
 */
function related(searcher: Searcher, n: number): { sameDay: RelatedArticle[]; sameSpeakers: RelatedArticle[] } {
  const { dayOf, dateRank } = searcher.facets;
  const { start: speakerStart, ids: speakerIds } = searcher.facets.facets.speakers;
  const toRelated = (m: number): RelatedArticle => {
    const { id, title, date } = searcher.documents[m];
    return { id, title, date };
  };
  const mine = Array.from(speakerIds.subarray(speakerStart[n], speakerStart[n + 1]));
  const day = dayOf[n];
  const sameDay: number[] = [];
  const shared = new Uint16Array(dayOf.length);
  for (let m = 0; m < dayOf.length; m++) {
    if (m === n) continue;
    if (day >= 0 && dayOf[m] === day && sameDay.length < RELATED_LIMIT) sameDay.push(m);
    for (let i = speakerStart[m], end = speakerStart[m + 1]; i < end; i++) if (mine.includes(speakerIds[i])) shared[m]++;
  }
  // Most speakers shared, then newest.
  const before = (a: number, b: number) => shared[a] > shared[b] || (shared[a] === shared[b] && dateRank[a] < dateRank[b]);
  const sameSpeakers = firstInOrder(shared.length, RELATED_LIMIT, before, (m) => shared[m] > 0);
  return { sameDay: sameDay.map(toRelated), sameSpeakers: sameSpeakers.map(toRelated) };
}

/**
 * The embedded backend: the Searcher of the build in service.
 * `currentSearcher` is read on every call, so that a server can swap in a
 * new build (and its Searcher) between requests.
 */
export class EmbeddedBackend implements SearchBackend {
  readonly kind = 'embedded' as const;
  constructor(private readonly currentSearcher: () => Searcher) {}

  /** The backend of one build that is never swapped. */
  static of(index: SearchIndex): EmbeddedBackend {
    const searcher = new Searcher(index);
    return new EmbeddedBackend(() => searcher);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return search(this.currentSearcher(), request);
  }

  async article(id: string): Promise<Article | null> {
    const searcher = this.currentSearcher();
    const n = searcher.byId.get(id);
    return n === undefined ? null : searcher.documents[n];
  }

  async document(id: string, q: string): Promise<DocumentDetail | null> {
    const searcher = this.currentSearcher();
    const n = searcher.byId.get(id);
    if (n === undefined) return null;
    const article = searcher.documents[n];
    // The index terms the query matches, as the search itself finds them (stems, completions, typos).
    const terms = q.trim() ? queryTerms(searcher, q) : new Set<string>();
    const tokens = documentTokens(searcher, n);
    return {
      article,
      titleHtml: highlightRange(article.title, tokens.title, terms),
      textHtml: highlightRange(article.text, tokens.text, terms),
      ...related(searcher, n),
    };
  }

  async searchFacet(request: SearchRequest, name: FacetName, text: string): Promise<FacetValue[]> {
    return searchFacetValues(this.currentSearcher(), request, name, text);
  }

  async suggestions(q: string): Promise<Suggestions> {
    return suggestions(this.currentSearcher(), q);
  }

  async dayCounts(request: SearchRequest): Promise<FacetValue[]> {
    return searchDayCounts(this.currentSearcher(), request);
  }

  async entity(kind: EntityKind, slug: string): Promise<EntityProfile | null> {
    return entityProfile(this.currentSearcher(), kind, slug);
  }

  async status(): Promise<BackendStatus> {
    const { manifest, documents } = this.currentSearcher();
    return { backend: 'embedded', documents: documents.length, build: manifest.buildId, builtAt: manifest.builtAt };
  }

  async close(): Promise<void> {}
}
