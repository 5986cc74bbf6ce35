import type { ArticleIds, IndexManifest, SearchIndex, TermPositions } from '../index/index.js';
import type { Article } from '../ingest/types.js';
import { ArticleTexts } from './article-texts.js';
import { ClauseCache } from './clause-cache.js';
import type { DocumentTokens } from './document-tokens.js';
import { invertColumn, type EntityKind, type InvertedColumn } from './entities.js';
import { buildSpeakerQuotations, type SpeakerQuotations } from './entity-quotations.js';
import { buildFacetTable, type FacetTable } from './facet-table.js';
import { createPostings, type Postings } from './postings.js';
import { buildQuoteSpeakerTable, type QuoteSpeakerTable } from './quote-speakers.js';
import { clauseCachePairs, KEYSTROKE_OPTIONS, type KeystrokeOptions } from './keystroke-options.js';
import { Scratch } from './scratch.js';
import { buildStoryMembers, type StoryMembers } from './stories.js';
import type { SearchResponse } from './types.js';

/**
 * The tables of a build that every Searcher of it makes alike, made once
 * (by the front thread of `serve --threads`, src/web/threads/) for all the
 * serving threads: their integer arrays in SharedArrayBuffers (in memory
 * once whatever the number of threads), their names and maps copied to
 * each thread with the message. Not among them: the quotations by speaker
 * (entity-quotations.ts makes ordinary arrays, and a copy's originals would
 * stay resident in the thread that made them). Read only: what a Searcher
 * fills as it serves (the facet table's filter codes, the entities'
 * spellings) is its own.
 */
export interface SearchTables {
  /** The build they were made of: a Searcher of another build makes its own. */
  build: string;
  facets: FacetTable;
  quoteSpeakers: QuoteSpeakerTable;
  inverted: Record<EntityKind, InvertedColumn>;
}

/** The tables of a loaded build to hand to the Searchers of every thread, their arrays made in SharedArrayBuffers. */
export function buildSearchTables(index: SearchIndex): SearchTables {
  const facets = buildFacetTable(index.documents, true);
  return {
    build: index.manifest.buildId,
    facets,
    quoteSpeakers: buildQuoteSpeakerTable(index, true),
    inverted: { speakers: invertColumn(facets.facets.speakers, true), organisations: invertColumn(facets.facets.organisations, true) },
  };
}

/**
 * One build, ready to be searched, and everything searching it keeps: the
 * flat postings with their scoring arrays and term dictionary (the
 * completions of beginnings, the typo answers), the facet
 * table, the story members, the quotations' speakers (and the quotations
 * by speaker, for person pages), the entity pages' inverted columns, the
 * clause cache, the recently read texts and tokens, and the scratch arrays
 * searches reuse. Made once per loaded build (at load, and by the server at
 * every hot swap: src/web/server.ts) and dropped with it, so that nothing
 * of an old build outlives it and no table is looked up by the index it
 * belongs to (as Tantivy's Searcher owns one index generation).
 *
 * Searches run one at a time and to completion (they are synchronous): the
 * caches and scratch arrays need no locking, and a search's views of them
 * are read before the next search begins.
 */
export class Searcher {
  readonly postings: Postings;
  readonly clauses: ClauseCache;
  readonly scratch = new Scratch();
  readonly texts: ArticleTexts;
  /** Analyzed tokens of recently shown articles, in least-recently-used order (document-tokens.ts). */
  readonly tokens = new Map<number, DocumentTokens>();
  private facetTable: FacetTable | null = null;
  private storyMembers: StoryMembers | null = null;
  private quoteSpeakerTable: QuoteSpeakerTable | null = null;
  private quotationsBySpeaker: SpeakerQuotations | null = null;
  private readonly inverted = new Map<EntityKind, InvertedColumn>();
  private bits: Int32Array | null = null;
  /** Its facet table, quotations' speakers and entity columns are the `SearchTables` it was given (made by another thread). */
  readonly sharesTables: boolean = false;

  /** Where tested articles hold each typed form, by the form's pattern (exactness.ts). */
  readonly exactForms = new Map<string, Map<number, number>>();
  /** Responses of searches for a short beginning ("c", "co"), by request (keystroke-options.ts, run.ts). */
  readonly shortPrefixResponses = new Map<string, SearchResponse>();

  /**
   * `keystroke`: the budgets bounding a keystroke's cost (keystroke-options.ts); a test may pass exhaustive ones.
   * `threads`: Searchers of this build in other threads at once (src/web/threads/): they share the clause cache's memory budget.
   */
  constructor(
    readonly index: SearchIndex,
    readonly keystroke: KeystrokeOptions = KEYSTROKE_OPTIONS,
    threads = 1,
    tables?: SearchTables,
  ) {
    this.postings = createPostings(index.compact);
    this.clauses = new ClauseCache(Math.max(keystroke.clauseCacheMinPairs, Math.floor(clauseCachePairs(index.documents.length, keystroke) / threads)));
    this.texts = new ArticleTexts(index.documents);
    if (tables && tables.build === index.manifest.buildId && tables.facets.dayOf.length === index.documents.length) {
      // Shared with the other threads, but for the caches each Searcher fills.
      this.facetTable = { ...tables.facets, filterCodes: new Map() };
      this.quoteSpeakerTable = tables.quoteSpeakers;
      for (const kind of ['speakers', 'organisations'] as const) this.inverted.set(kind, { ...tables.inverted[kind], spellings: [] });
      this.sharesTables = true;
    }
  }

  get manifest(): IndexManifest {
    return this.index.manifest;
  }

  get documents(): Article[] {
    return this.index.documents;
  }

  get byId(): ArticleIds {
    return this.index.byId;
  }

  get positions(): TermPositions {
    return this.index.positions;
  }

  get storyOf(): Int32Array {
    return this.index.storyOf;
  }

  /** Starts a search: the clause cache and the texts it reads keep in place until the next one begins. */
  beginSearch(): void {
    this.clauses.beginSearch();
    this.texts.beginSearch();
  }

  /** Facet values of every article as small integers (facet-table.ts), made on first use. */
  get facets(): FacetTable {
    return (this.facetTable ??= buildFacetTable(this.index.documents));
  }

  /** The members of each story (stories.ts), made on first use. */
  get stories(): StoryMembers {
    return (this.storyMembers ??= buildStoryMembers(this.index.storyOf));
  }

  /** The speakers of every quotation, as ids (quote-speakers.ts), made on first use. */
  get quoteSpeakers(): QuoteSpeakerTable {
    return (this.quoteSpeakerTable ??= buildQuoteSpeakerTable(this.index));
  }

  /** The quotations of each speaker slug, for person pages (entity-quotations.ts), made on first use. */
  get speakerQuotations(): SpeakerQuotations {
    return (this.quotationsBySpeaker ??= buildSpeakerQuotations(this.quoteSpeakers));
  }

  /** Articles by value of a person or organisation facet (entities.ts), made on first use. */
  entityColumn(kind: EntityKind): InvertedColumn {
    let column = this.inverted.get(kind);
    if (!column) this.inverted.set(kind, (column = invertColumn(this.facets.facets[kind])));
    return column;
  }

  /** A bit mask per term id, all zero between uses (proximity.ts marks a query's terms in it and clears them). */
  get clauseBits(): Int32Array {
    return (this.bits ??= new Int32Array(this.index.compact.terms.length));
  }
}
