import path from 'node:path';
import type { Article, SkippedFile } from '../ingest/types.js';
import { assembleIndex } from './build.js';
import { readAndAnalyze } from './parallel.js';
import { readCurrentDocuments, saveIndex } from './store.js';

/** What a run of the indexer did. */
export interface IndexReport {
  filesSeen: number;
  /** Files whose articles were reused from the previous build: same size and modification time (not read again), or else same content hash. */
  filesReused: number;
  documentsIndexed: number;
  /** Distinct terms of the index. */
  termCount?: number;
  skipped: SkippedFile[];
  buildId: string;
  /** read: files to articles; build: analysis and inverted index; save: writing the build. */
  seconds: { read: number; build: number; save: number };
}

export interface IndexCorpusOptions {
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Worker threads for reading and analysis (default: one per core, at most 4; 0: none). */
  threads?: number;
}

/**
 * Reads a corpus folder, builds its index and saves it atomically under
 * `outDir`. Throws CorpusError when the folder is missing, and an Error when
 * it holds nothing readable (the previous index, if any, stays in service).
 */
export async function indexCorpus(corpusDir: string, outDir: string, options: IndexCorpusOptions = {}): Promise<IndexReport> {
  const t0 = performance.now();
  // Incremental: articles of files whose size and time, or else bytes, did not change are reused as they are.
  const previous = new Map<string, Article[]>();
  for (const article of (await readCurrentDocuments(outDir)) ?? []) {
    const list = previous.get(article.path);
    if (list) list.push(article);
    else previous.set(article.path, [article]);
  }
  // A file changed while the corpus is read may be read before its change: the index is as old as the start of reading.
  const readFrom = new Date();
  const result = await readAndAnalyze(corpusDir, { onProgress: options.onProgress, previous, threads: options.threads });
  previous.clear();
  const { corpus } = result;
  if (corpus.articles.length === 0) {
    const first = corpus.skipped[0];
    const why = corpus.filesSeen === 0 ? 'the folder holds no files' : `none of its ${corpus.filesSeen} files could be read (${first.path}: ${first.reason}${corpus.skipped.length > 1 ? ', …' : ''})`;
    throw new Error(`nothing to index in ${corpusDir}: ${why}`);
  }
  const t1 = performance.now();
  const index = assembleIndex(result.documents, result.compact, result.storyOf, path.resolve(corpusDir), readFrom);
  const t2 = performance.now();
  await saveIndex(index, outDir);
  const t3 = performance.now();
  // Reading includes loading the previous build's articles.
  const read = (t1 - t0) / 1000 - result.seconds.analyze;
  return {
    filesSeen: corpus.filesSeen,
    filesReused: result.filesReused,
    documentsIndexed: index.documents.length,
    termCount: result.compact.terms.length,
    skipped: corpus.skipped,
    buildId: index.manifest.buildId,
    seconds: { read, build: result.seconds.analyze + (t2 - t1) / 1000, save: (t3 - t2) / 1000 },
  };
}
