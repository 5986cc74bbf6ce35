/**
 * The embedded backend's reader: the in-process index of a folder. The
 * build in service (served-index.ts) is read on every call, so that a new
 * build swaps in between requests.
 */
import type { FacetName } from '../../analysis/index.js';
import type { Article } from '../../ingest/types.js';
import { IndexReadError, loadIndex, type SearchIndex } from '../../index/index.js';
import { searchDayCounts } from '../day-counts.js';
import { documentTokens } from '../document-tokens.js';
import { entityProfile, type EntityKind, type EntityProfile } from '../entities.js';
import { queryTerms } from '../evaluate.js';
import { searchFacetValues } from '../facet-search.js';
import { highlightRange } from '../highlight.js';
import { relatedArticles } from '../related.js';
import { search } from '../run.js';
import { Searcher } from '../searcher.js';
import { suggestions, type Suggestions } from '../suggestions.js';
import { warmSearchInSteps } from '../warm-up.js';
import type { FacetValue, SearchRequest, SearchResponse } from '../types.js';
import { ServedIndex } from './served-index.js';
import type { BackendReader, BackendStatus, DocumentDetail, FailureKind, OpenOptions } from './types.js';

export class EmbeddedReader implements BackendReader {
  readonly kind = 'embedded' as const;
  private closed = false;
  private constructor(private readonly served: ServedIndex) {}

  /** A reader of the build in service of `indexDir` (warmed by `warm` once served); throws IndexLoadError when there is none that loads. */
  static async open(indexDir: string, options: OpenOptions = {}): Promise<EmbeddedReader> {
    const searcher = new Searcher(await loadIndex(indexDir));
    return new EmbeddedReader(new ServedIndex(indexDir, searcher, options.rebuild));
  }

  /** A reader of an index already loaded, never swapped (tests, benchmarks). */
  static of(index: SearchIndex): EmbeddedReader {
    return new EmbeddedReader(new ServedIndex(null, new Searcher(index)));
  }

  /** A reader of the builds another thread loads and installs in `served` (src/web/threads/). */
  static over(served: ServedIndex): EmbeddedReader {
    return new EmbeddedReader(served);
  }

  /** The Searcher of the build in service (replaced whole at each swap). */
  get searcher(): Searcher {
    return this.served.current;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return search(this.searcher, request);
  }

  async article(id: string): Promise<Article | null> {
    const searcher = this.searcher;
    const n = searcher.byId.get(id);
    return n === undefined ? null : searcher.documents[n];
  }

  async document(id: string, q: string): Promise<DocumentDetail | null> {
    const searcher = this.searcher;
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
      ...relatedArticles(searcher, n),
    };
  }

  async searchFacet(request: SearchRequest, name: FacetName, text: string): Promise<FacetValue[]> {
    return searchFacetValues(this.searcher, request, name, text);
  }

  async suggestions(q: string): Promise<Suggestions> {
    return suggestions(this.searcher, q);
  }

  async dayCounts(request: SearchRequest): Promise<FacetValue[]> {
    return searchDayCounts(this.searcher, request);
  }

  async entity(kind: EntityKind, slug: string): Promise<EntityProfile | null> {
    return entityProfile(this.searcher, kind, slug);
  }

  async status(): Promise<BackendStatus> {
    const { manifest, documents } = this.searcher;
    return { backend: 'embedded', documents: documents.length, build: manifest.buildId, builtAt: manifest.builtAt };
  }

  buildId(): string {
    return this.searcher.manifest.buildId;
  }

  damage(): string | null {
    return this.served.probe();
  }

  /** A read error of the build's files (cut short or changed while served): the build is damaged and recovered. */
  diagnose(error: unknown): FailureKind {
    if (!(error instanceof IndexReadError)) return null;
    this.served.damaged(error);
    return 'damaged';
  }

  follow(): void {
    this.served.watch();
  }

  refresh(): Promise<void> {
    return this.served.reload();
  }

  /** The build in service warmed in steps, between requests (warm-up.ts); stops if another build is swapped in (warmed before) or the reader closes. */
  warm(): void {
    const searcher = this.searcher;
    void warmSearchInSteps(searcher, () => !this.closed && this.searcher === searcher).catch((error: unknown) => {
      if (this.diagnose(error) === null) console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'warm-up-failed', error: (error as Error).message }));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.served.close();
  }
}
