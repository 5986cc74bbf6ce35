import type MiniSearch from 'minisearch';
import type { Article } from '../ingest/types.js';

/** Bump when the files of a saved index change shape. */
export const INDEX_FORMAT_VERSION = 2;

/** What a saved index says about itself (manifest.json of a build folder). */
export interface IndexManifest {
  formatVersion: number;
  analyzerVersion: number;
  /** Unique name of this build, also the name of its folder. */
  buildId: string;
  /** ISO timestamp of the end of the build. */
  builtAt: string;
  /** Absolute path of the corpus folder it was built from, when known. */
  corpus: string | null;
  documentCount: number;
}

/** The fields MiniSearch indexes for an article; `n` is the article's number in `documents`. */
export interface IndexedFields {
  n: number;
  title: string;
  text: string;
  speakers: string;
  organisations: string;
  source: string;
}

/** An index ready to be searched: the inverted index and the articles it points to. */
export interface SearchIndex {
  manifest: IndexManifest;
  miniSearch: MiniSearch<IndexedFields>;
  /** Articles by number (MiniSearch's document id is that number). */
  documents: Article[];
  /** Article number by article id. */
  byId: Map<string, number>;
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
