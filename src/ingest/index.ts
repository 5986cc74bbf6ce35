/**
 * The ingest stage: corpus files in, cleaned articles with their metadata out.
 * The extractors are exported one by one so each can be tested alone.
 */
export { readCorpus, readCorpusFile, readCorpusFileSync, warmUp, previousFile, outcomeArticles, assembleCorpus, DEFAULT_MAX_FILE_BYTES, type ReadCorpusOptions, type ReadLimits, type PreviousFile, type FileOutcome } from './corpus-reader.js';
export { listFiles, type FolderListing } from './file-walker.js';
export { articleFromText, type ArticleInput, type GivenMetadata } from './article.js';
export { decodeBytes, type DecodedText } from './decode.js';
export { cleanChrome, cleanDocument, type CleanedDocument } from './chrome/clean.js';
export { extractDate } from './dates/extract-date.js';
export { extractSpeakers } from './people/extract-speakers.js';
export { extractQuotes } from './quotes/extract-quotes.js';
export { extractOrganisations } from './organisations/extract-organisations.js';
export { extractTitle } from './title.js';
export { extractSource } from './source.js';
export { CorpusError, type Article, type CorpusReadResult, type SkippedFile, type SourceFormat, type Quote } from './types.js';
export { firstNotBefore } from './text/sentences.js';
