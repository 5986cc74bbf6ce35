import path from 'node:path';
import { readCorpus } from '../ingest/index.js';
import type { Article, SkippedFile } from '../ingest/types.js';
import { buildIndex } from './build.js';
import { readCurrentDocuments, saveIndex } from './store.js';

/** What a run of the indexer did. */
export interface IndexReport {
  filesSeen: number;
  /** Files whose articles were reused from the previous build because their content hash did not change. */
  filesReused: number;
  documentsIndexed: number;
  skipped: SkippedFile[];
  buildId: string;
  seconds: { read: number; build: number; save: number };
}

export interface IndexCorpusOptions {
  onProgress?: (filesDone: number, filesTotal: number) => void;
}

/**
 * Reads a corpus folder, builds its index and saves it atomically under
 * `outDir`. Throws CorpusError when the folder is missing, and an Error when
 * it holds nothing readable (the previous index, if any, stays in service).
 */
export async function indexCorpus(corpusDir: string, outDir: string, options: IndexCorpusOptions = {}): Promise<IndexReport> {
  const t0 = performance.now();
  // Incremental: articles of files whose bytes did not change are reused as they are.
  const previous = new Map<string, Article[]>();
  const previousArticles = new Set((await readCurrentDocuments(outDir)) ?? []);
  for (const article of previousArticles) {
    const list = previous.get(article.path);
    if (list) list.push(article);
    else previous.set(article.path, [article]);
  }
  const corpus = await readCorpus(corpusDir, { onProgress: options.onProgress, previous });
  const t1 = performance.now();
  if (corpus.articles.length === 0) {
    const first = corpus.skipped[0];
    const why = corpus.filesSeen === 0 ? 'the folder holds no files' : `none of its ${corpus.filesSeen} files could be read (${first.path}: ${first.reason}${corpus.skipped.length > 1 ? ', …' : ''})`;
    throw new Error(`nothing to index in ${corpusDir}: ${why}`);
  }
  const index = buildIndex(corpus.articles, path.resolve(corpusDir));
  const t2 = performance.now();
  await saveIndex(index, outDir);
  const t3 = performance.now();
  return {
    filesSeen: corpus.filesSeen,
    filesReused: new Set(corpus.articles.filter((a) => previousArticles.has(a)).map((a) => a.path)).size,
    documentsIndexed: index.documents.length,
    skipped: corpus.skipped,
    buildId: index.manifest.buildId,
    seconds: { read: (t1 - t0) / 1000, build: (t2 - t1) / 1000, save: (t3 - t2) / 1000 },
  };
}
