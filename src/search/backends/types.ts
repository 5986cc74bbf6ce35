/**
 * The backend boundary: each backend is a writer (it builds the index of a
 * corpus into its store) and a reader (it answers the query model: a
 * validated SearchRequest) behind the same two interfaces, made by one
 * factory (factory.ts) from `--index DIR` or `--database URL`. The CLI and
 * the web stage only talk to these interfaces, so both backends build, serve,
 * hot-swap and watch through the same code.
 */
import type { FacetName } from '../../analysis/index.js';
import type { Article } from '../../ingest/types.js';
import type { IndexCorpusOptions, IndexReport } from '../../index/index.js';
import type { EntityKind, EntityProfile } from '../entities.js';
import type { Suggestions } from '../suggestions.js';
import type { FacetValue, SearchRequest, SearchResponse } from '../types.js';

export type BackendKind = 'embedded' | 'postgres';

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

/** Related articles of each kind shown at most on a document page. */
export const RELATED_LIMIT = 5;

/** What a backend says about the index it serves (for /healthz and feeds). */
export interface BackendStatus {
  backend: BackendKind;
  documents: number;
  build: string;
  /** ISO time of the build. */
  builtAt: string;
}

/**
 * What a request's failure says about the backend: `damaged` (its stored
 * index is damaged; it recovers by itself, meanwhile 503), `unavailable`
 * (its database cannot answer now: 503), or null (the request's own error).
 */
export type FailureKind = 'damaged' | 'unavailable' | null;

/** The reading side of a backend: the searches, pages and counts of the build in service. */
export interface BackendReader {
  readonly kind: BackendKind;
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
  /** The page of a person or an organisation by its slug (src/search/entities.ts). */
  entity(kind: EntityKind, slug: string): Promise<EntityProfile | null>;
  status(): Promise<BackendStatus>;
  /** The build in service, as last seen. */
  buildId(): string;
  /** Why the build in service cannot be used right now (damaged while served), or null when healthy; cheap enough for every request. */
  damage(): string | null;
  /** Classifies the error of a failed request (and starts recovering when it says the build is damaged). */
  diagnose(error: unknown): FailureKind;
  /** Serves each new build as soon as it is written, without failing a request (from now until close). */
  follow(): void;
  /** Serves the newest build now if it is not the one in service (after this process wrote one). */
  refresh(): Promise<void>;
  /** Prepares the search of the build in service (compiled loops, caches), in the background between requests: called once the server listens. */
  warm(): void;
  close(): Promise<void>;
}

/** What a run of a writer did: the embedded indexer's report, and the rows changed where the store is written article by article. */
export interface BuildReport extends IndexReport {
  /** Rows of the store added, changed, removed and left alone, when the backend writes article by article. */
  changes?: { inserted: number; updated: number; deleted: number; unchanged: number };
}

/** The writing side of a backend: builds a corpus's index into its store, incrementally. */
export interface BackendWriter {
  readonly kind: BackendKind;
  /** Where the index is written, printable (a folder, or a database URL without its password). */
  readonly location: string;
  /** The command that builds this index, for messages. */
  readonly buildCommand: string;
  /** Reads `corpus` (through the indexing worker pool) and makes the store hold its index; readers see the previous build until it is whole. */
  build(corpus: string, options?: IndexCorpusOptions): Promise<BuildReport>;
  /**
   * Why the store needs a (re)build from `corpus`, or null when up to date.
   * `corpusChanges` false: the reasons found without reading the corpus's files (missing, damaged, another version or
   * corpus), for a server that answers from the build first and checks the corpus after; a backend may check it all anyway.
   */
  rebuildReason(corpus: string, options?: { corpusChanges?: boolean }): Promise<string | null>;
  /** The corpus folder the build in service was made from, or null when unknown or when there is none. */
  builtFrom(): Promise<string | null>;
  /** Why this store cannot be written here (a read-only standby: builds come from its primary), or null when it can. */
  readOnly(): Promise<string | null>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Rebuilds the index from its corpus; called when the build in service turns out damaged while served. */
  rebuild?: () => Promise<void>;
}

/** A backend chosen by its location: its writer, and readers opened on the build in service. */
export interface Backend {
  readonly kind: BackendKind;
  readonly writer: BackendWriter;
  /** Where readers read, printable (the writer's location, or a replica of it). */
  readonly location: string;
  /** A reader of the build in service; throws (IndexLoadError for a folder) when there is none that can be read. */
  open(options?: OpenOptions): Promise<BackendReader>;
}
