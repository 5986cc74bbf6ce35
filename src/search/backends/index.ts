/** Backends as plug-ins: one reader and one writer interface (types.ts), one factory (factory.ts). */
export { openBackend, checkDatabaseUrl, type BackendLocation } from './factory.js';
export { watchCorpus, type CorpusWatcher, type WatchOptions } from './watch-corpus.js';
export { EmbeddedReader } from './embedded-reader.js';
export { ServedIndex } from './served-index.js';
export {
  RELATED_LIMIT,
  type Backend,
  type BackendKind,
  type BackendReader,
  type BackendStatus,
  type BackendWriter,
  type BuildReport,
  type DocumentDetail,
  type FailureKind,
  type OpenOptions,
  type RelatedArticle,
} from './types.js';
