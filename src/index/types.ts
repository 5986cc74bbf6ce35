import type { IndexedField } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import type { CompactIndex } from './compact.js';
import type { ArticleIds } from './packed-catalog.js';

/** Bump when the files of a saved index change shape. */
export const INDEX_FORMAT_VERSION = 12;

/** What a saved index says about itself (manifest.json of a build folder). */
export interface IndexManifest {
  formatVersion: number;
  analyzerVersion: number;
  /** Unique name of this build, also the name of its folder. */
  buildId: string;
  /** ISO timestamp of when the corpus began to be read: a file modified since (even during the build) makes the index stale. */
  builtAt: string;
  /** Absolute path of the corpus folder it was built from, when known. */
  corpus: string | null;
  documentCount: number;
  /** Distinct indexed terms (format 3 on). */
  termCount?: number;
  /** Size and SHA-256 of each file of the build (format 4 on), checked when it is loaded. */
  files?: Record<string, { bytes: number; sha256: string }>;
  /** SHA-256 of manifest.json itself with this field empty (checksums.ts). */
  checksum?: string;
}

/** The indexed fields of an article (src/analysis/fields.ts); `n` is the article's number in `documents`. */
export type IndexedFields = { n: number } & Record<IndexedField, string>;

/**
 * One build, built or loaded: the inverted index in flat arrays and the
 * articles it points to. Plain data: what searching it needs besides (the
 * postings' scoring arrays, the facet table, caches, scratch space) belongs
 * to the search stage's Searcher of this build (src/search/searcher.ts).
 */
export interface SearchIndex {
  manifest: IndexManifest;
  /** The inverted index, term positions included (compact.ts). */
  compact: CompactIndex;
  /** Articles by number (the document numbers of the postings). */
  documents: Article[];
  /** Article number by article id (a Map for articles built in memory, the catalog's id table for a loaded build: packed-catalog.ts). */
  byId: ArticleIds;
  /** Term sequences of every article for phrase checks: term ids by token position. */
  positions: TermPositions;
  /** Same story (src/index/stories.ts): the number of the first article of each article's story, itself when it stands alone (format 5 on). */
  storyOf: Int32Array;
}

/**
 * The analyzed terms of every article's title and text, position by
 * position, so that phrase checks need not analyze articles again.
 */
export interface TermPositions {
  /** Id of an analyzed term (Token.term as `tokenize` yields it), or -1 when no article has it. */
  termId(term: string): number;
  /** Term ids of article n's title (field 0) or text (field 1), indexed by Token.position; -1 where a position holds no term. */
  sequence(n: number, field: 0 | 1 | 2): Int32Array;
}

/** Raised when a saved index cannot be used: missing, damaged, or built by another version. */
export class IndexLoadError extends Error {
  override name = 'IndexLoadError';
  constructor(
    message: string,
    /** 'missing' when there is no index at all, 'stale' when built by another format or analyzer, 'damaged' otherwise. */
    readonly kind: 'missing' | 'stale' | 'damaged',
  ) {
    super(message);
  }
}
