/** The index stage: build an index of articles, save it atomically, load it back. */
export { buildIndex, indexedFields, newBuildId } from './build.js';
export { saveIndex, loadIndex, loadServableIndex, readCurrentManifest, writeFileAtomic, IndexWriteError, type SharedBuild } from './store.js';
export { readSharedBuild, readServableSharedBuild, type LoadedSharedBuild } from './shared-build.js';
export { IndexReadError, TEXT_WINDOW, textCut, checkDocumentsFile, packedQuotesOf, quoteOutlines, catalogOf } from './documents.js';
export type { ArticleIds, CatalogReader } from './packed-catalog.js';
export type { QuoteOutline } from './stored-quotes.js';
export { rebuildReason, latestModification } from './freshness.js';
export { INDEX_FORMAT_VERSION, IndexLoadError, type IndexManifest, type SearchIndex, type IndexedFields, type TermPositions } from './types.js';
export { indexCorpus, type IndexReport, type IndexCorpusOptions } from './index-corpus.js';
export { FIELDS, QUOTED_BITS, QUOTED_OVERFLOW, type CompactIndex } from './compact.js';
