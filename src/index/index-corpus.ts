import path from 'node:path';
import type { Article, CorpusReadResult, SkippedFile } from '../ingest/types.js';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { newManifest } from './build.js';
import { readAndAnalyze } from './parallel.js';
import { saveBuild } from './save-build.js';
import { readPreviousArticles } from './previous-articles.js';

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
  /** Worker threads for reading and analysis (default: one per core, at most 4; 0: none, and then no time budget). */
  threads?: number;
  /** Bytes read from one file at most (default: DEPECHES_MAX_FILE_MB in the environment, else 20 MiB); a larger file is read up to its last line break before the limit and reported. */
  maxFileBytes?: number;
  /** Time allowed to read one file, in ms (default: DEPECHES_FILE_TIMEOUT_S in the environment, else 10 s); a file over it is stopped and skipped with the reason. 0: no limit. */
  fileTimeoutMs?: number;
  /** Heap of each worker thread, in MB (default: Node's): a file that needs more stops its worker and is skipped. */
  workerHeapMb?: number;
}

/** A positive number from the environment, scaled, or undefined; anything else is refused with a one-line message. */
function fromEnvironment(name: string, scale: number, allowZero: boolean): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) throw new Error(`${name} must be a ${allowZero ? 'number ≥ 0' : 'positive number'}, not ${JSON.stringify(raw)}`);
  return value * scale;
}

/** The size and time limits of a run: the options, else the environment, else the defaults. */
export function readLimitsOf(options: IndexCorpusOptions): { maxFileBytes?: number; fileTimeoutMs?: number } {
  return {
    maxFileBytes: options.maxFileBytes ?? fromEnvironment('DEPECHES_MAX_FILE_MB', 1024 * 1024, false),
    fileTimeoutMs: options.fileTimeoutMs ?? fromEnvironment('DEPECHES_FILE_TIMEOUT_S', 1000, true),
  };
}

const SPILL_PREFIX = 'depeches-build-';

/** Scratch folders of indexing runs that died (killed, or out of memory) before removing theirs: their pid no longer runs. */
async function removeDeadSpills(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  const dead = names.filter((name) => {
    const pid = Number(new RegExp(`^${SPILL_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  });
  await Promise.all(dead.map((name) => rm(path.join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined)));
}

/** Throws saying why when a corpus read gave no article (the previous index, if any, stays in service). */
export function requireArticles(corpus: CorpusReadResult, corpusDir: string): void {
  if (corpus.articles.length > 0) return;
  const first = corpus.skipped[0];
  const why = corpus.filesSeen === 0 ? 'the folder holds no files' : `none of its ${corpus.filesSeen} files could be read (${first.path}: ${first.reason}${corpus.skipped.length > 1 ? ', …' : ''})`;
  throw new Error(`nothing to index in ${corpusDir}: ${why}`);
}

/**
 * Reads a corpus folder, builds its index and saves it atomically under
 * `outDir`. Throws CorpusError when the folder is missing, and an Error when
 * it holds nothing readable (the previous index, if any, stays in service).
 */
export async function indexCorpus(corpusDir: string, outDir: string, options: IndexCorpusOptions = {}): Promise<IndexReport> {
  const t0 = performance.now();
  readLimitsOf(options); // a bad limit in the environment stops the run before any work
  // Incremental: articles of files whose size and time, or else bytes, did not change are reused as they are.
  const previous = new Map<string, Article[]>();
  // Their texts stay on disk until a reused file's articles are analysed.
  const previousBuild = await readPreviousArticles(outDir);
  for (const article of previousBuild.articles) {
    const list = previous.get(article.path);
    if (list) list.push(article);
    else previous.set(article.path, [article]);
  }
  // A file changed while the corpus is read may be read before its change: the index is as old as the start of reading.
  const readFrom = new Date();
  // The build's scratch folder: texts, postings and term positions on their way to the saved build.
  await removeDeadSpills();
  const spillDir = await mkdtemp(path.join(tmpdir(), `${SPILL_PREFIX}${process.pid}-`));
  try {
    const result = await readAndAnalyze(corpusDir, { onProgress: options.onProgress, previous, threads: options.threads, workerHeapMb: options.workerHeapMb, ...readLimitsOf(options), spillDir });
    previous.clear();
    try {
      const { corpus } = result;
      requireArticles(corpus, corpusDir);
      const t1 = performance.now();
      const manifest = newManifest(result.documents.length, result.compact.terms.length, path.resolve(corpusDir), readFrom);
      await saveBuild({ manifest, documents: result.documents, texts: result.texts, compact: result.compact, storyOf: result.storyOf }, outDir);
      const t2 = performance.now();
      // Reading includes loading the previous build's articles.
      const read = (t1 - t0) / 1000 - result.seconds.analyze;
      return {
        filesSeen: corpus.filesSeen,
        filesReused: result.filesReused,
        documentsIndexed: result.documents.length,
        termCount: result.compact.terms.length,
        skipped: corpus.skipped,
        buildId: manifest.buildId,
        // The postings are sorted as they are written: that part of saving is counted with the build.
        seconds: { read, build: result.seconds.analyze, save: (t2 - t1) / 1000 },
      };
    } finally {
      result.texts.dispose();
      result.builder.dispose();
    }
  } finally {
    previousBuild.close();
    await rm(spillDir, { recursive: true, force: true });
  }
}
