import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { assembleCorpus, listFiles, outcomeArticles, previousFile, readCorpusFileSync, type FileOutcome, type ReadLimits } from '../ingest/index.js';
import { CorpusError, type Article, type CorpusReadResult } from '../ingest/types.js';
import { fieldText, INDEXED_FIELDS, type IndexedField } from '../analysis/index.js';
import { TermRemap } from './build.js';
import { CompactBuilder, KEYWORD_FIELDS, type CompactSections } from './compact.js';
import { ReadMerger } from './merge-read.js';
import type { TextSpills } from './text-spill.js';
import { DEFAULT_FILE_TIMEOUT_MS, readInWorkers } from './read-pool.js';
import { storyGroups } from './stories.js';
import { localLane, startWorker, workerLane, type Lane } from './worker-lane.js';
import type { FileAnalysis, TaskAnswer, TaskRequest } from './worker-tasks.js';

/**
 * The indexer's work spread over worker threads: reading, decoding and
 * metadata extraction of files (phase 1), then the French analysis of the
 * articles (phase 2), while this thread merges the analyzed term ids into
 * the compact index as they arrive, in article order. Reading goes through
 * the read pool (read-pool.ts), which stops a file over its time budget.
 * Without workers (`threads: 0`, or when they cannot start) the same tasks
 * run here, without time budget.
 */

const ARTICLES_PER_BATCH = 128;
/** Tasks queued per thread, so that none waits for the next while this thread merges. */
const IN_FLIGHT = 2;
/** Below this many files, the default is to analyze in this thread only (reading still goes to one worker, for the time budget). */
const MIN_FILES_FOR_WORKERS = 500;

/** Runs tasks 0..count-1 (made when sent) over lanes, at most IN_FLIGHT per lane; `onAnswer` sees each answer as it arrives, with its lane. */
async function runTasks(lanes: Lane[], count: number, request: (k: number) => Extract<TaskRequest, { kind: 'analyze' }>, onAnswer: (answer: TaskAnswer, lane: number) => void): Promise<void> {
  let next = 0;
  const drive = async (lane: number) => {
    while (next < count) {
      const answer = await lanes[lane].run(request(next++));
      if (answer.kind === 'error') throw new Error(answer.message);
      onAnswer(answer, lane);
    }
  };
  const drivers: Promise<void>[] = [];
  for (let lane = 0; lane < lanes.length; lane++) for (let k = 0; k < IN_FLIGHT; k++) drivers.push(drive(lane));
  await Promise.all(drivers);
}

export interface ParallelBuildOptions extends ReadLimits {
  /** Worker threads; default: one per core, at most 4, for 500 files or more (below, one to read and none to analyze). 0 runs everything in this thread, without time budget. */
  threads?: number;
  /** Time allowed to read one file, in ms (default 10 000); a file over it is stopped and skipped. 0: no limit. Needs worker threads. */
  fileTimeoutMs?: number;
  /** Heap of each worker thread, in MB (default: Node's): a file that needs more stops its worker and is skipped. */
  workerHeapMb?: number;
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Articles of the previous build, by file path. */
  previous?: Map<string, Article[]>;
  /** Scratch folder of the build (readAndAnalyze): the texts, postings and term positions spilled there on their way to the saved build. */
  spillDir?: string;
}

export interface ParallelBuildResult {
  corpus: CorpusReadResult;
  /** The corpus's articles, unique by id, in index order, their texts emptied: `texts` has them (spilled). */
  documents: Article[];
  texts: TextSpills;
  /** The index, its postings and term positions streamed out when written; `builder.dispose()` frees what it holds. */
  compact: CompactSections;
  builder: CompactBuilder;
  /** The story of each article (stories.ts), over the whole corpus. */
  storyOf: Int32Array;
  /** Files whose articles were reused from the previous build (unchanged size and time, or content hash). */
  filesReused: number;
  seconds: { read: number; analyze: number };
}

/** What the read phase gives: the corpus, and the read workers, still running, for the analysis, with their ids. */
interface ReadPhase {
  corpus: CorpusReadResult;
  filesReused: number;
  workers: Worker[];
  workerIds: number[];
  analyzeThreads: number;
}

/** Lists and reads a corpus folder: over the read pool (time budget per file), or in this thread; with `merging`, the first pass of the build goes along (merge-read.ts). */
async function readPhase(dir: string, options: ParallelBuildOptions, merging?: (files: string[]) => ReadMerger): Promise<ReadPhase> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info) throw new CorpusError(`corpus folder not found: ${dir}`);
  if (!info.isDirectory()) throw new CorpusError(`corpus path is not a folder: ${dir}`);
  const listing = await listFiles(root);
  const files = listing.files;
  const previous = options.previous;
  const timeout = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  // Starting workers costs about a second: analysis is not worth it for a few hundred files, but the time budget needs one to read.
  const small = files.length < MIN_FILES_FOR_WORKERS;
  const analyzeThreads = options.threads ?? (small ? 0 : Math.min(4, availableParallelism()));
  const readThreads = options.threads ?? (small ? (timeout > 0 ? 1 : 0) : analyzeThreads);
  const limits: ReadLimits = { maxFileBytes: options.maxFileBytes };
  const previousOf = (p: string) => previousFile(previous?.get(p));

  let outcomes: FileOutcome[] | undefined;
  let workers: Worker[] = [];
  let workerIds: number[] = [];
  let merger = merging?.(files);
  if (readThreads > 0 && files.length > 0) {
    try {
      const onFile = merger && ((index: number, outcome: FileOutcome, analysis: FileAnalysis | undefined, workerId: number) => merger!.arrive(index, outcome, analysis, workerId));
      ({ outcomes, workers, workerIds } = await readInWorkers(root, files, previousOf, { workers: readThreads, fileTimeoutMs: timeout, limits, workerHeapMb: options.workerHeapMb, onProgress: options.onProgress, spillDir: options.spillDir, onFile }));
    } catch (error) {
      // Started over in this thread, merged from the first file (a build that merged some already cannot take them twice).
      if (merger?.touched) throw error;
      // Workers that cannot start (an unusual runtime): read in this thread, without time budget.
      console.error(`depeches: indexing worker threads failed (${(error as Error).message}); reading in one thread`);
    }
  }
  if (!outcomes) {
    outcomes = files.map((p, k) => {
      const outcome = readCorpusFileSync(root, p, previousOf(p), limits);
      merger?.arrive(k, outcome, undefined, -1);
      if ((k + 1) % 32 === 0 || k + 1 === files.length) options.onProgress?.(k + 1, files.length);
      return outcome;
    });
  }
  merger?.finish();
  const corpus = assembleCorpus(
    listing,
    merger ? merger.articlesByFile : outcomes.map((outcome, k) => outcomeArticles(outcome, previous?.get(files[k]))),
    outcomes.map((outcome) => outcome.skipped),
  );
  // The corpus holds the articles now (some respelled as copies): the first pass's lists need not keep the originals alive.
  merger?.articlesByFile.fill([]);
  return { corpus, filesReused: outcomes.filter((o) => o.reused).length, workers, workerIds, analyzeThreads };
}

/**
 * Reads a corpus folder as `readCorpus` does, but over the read pool: each
 * file under the time budget (for an indexer that does its own analysis,
 * such as the PostgreSQL one).
 */
export async function readCorpusInWorkers(dir: string, options: ParallelBuildOptions = {}): Promise<CorpusReadResult & { filesReused: number }> {
  const { corpus, filesReused, workers } = await readPhase(dir, options);
  await Promise.all(workers.map((w) => w.terminate()));
  return { ...corpus, filesReused };
}

/**
 * Reads a corpus folder and builds its compact index over worker threads,
 * in two passes: while the files are read, the threads that read them
 * analyse their text fields and spill their texts (merge-read.ts); once
 * the corpus is assembled (ids made unique, speakers' spellings unified),
 * its keyword fields. Needs `options.spillDir`.
 */
export async function readAndAnalyze(dir: string, options: ParallelBuildOptions & { spillDir: string }): Promise<ParallelBuildResult> {
  const t0 = performance.now();
  const builder = new CompactBuilder(options.spillDir);
  let merger: ReadMerger | undefined;
  try {
    const { corpus, filesReused, workers, workerIds, analyzeThreads } = await readPhase(dir, options, (files) => (merger = new ReadMerger(builder, options.spillDir, files, options.previous)));
    const t1 = performance.now();
    const documents = corpus.articles;
    // The quotations were stored where they were read, their speakers as each article spelled them: spelled as across the corpus when read back.
    if (corpus.spellSpeaker) merger!.texts.spellSpeaker = corpus.spellSpeaker;
    if (documents.length !== merger!.documentCount) throw new Error(`${merger!.documentCount} articles analysed for ${documents.length}`);
    const storyOf = storyGroups(documents, [merger!.signatures.toArray()]);
    const progress = { nextBatch: 0 };
    const finish = () => ({ corpus, documents, texts: merger!.texts, compact: builder.finishSections(), builder, storyOf, filesReused, seconds: { read: (t1 - t0) / 1000, analyze: (performance.now() - t1) / 1000 } });
    // The read workers go on to analyze the keyword fields; more are started if needed, the others stop.
    for (const extra of workers.splice(analyzeThreads)) void extra.terminate();
    if (analyzeThreads > 0) {
      const started = Array.from({ length: analyzeThreads - workers.length }, () => startWorker(options.workerHeapMb));
      const lanes = [...workers, ...started].map((w) => workerLane(w));
      const remaps = [...workerIds.slice(0, workers.length).map((id) => merger!.remapOf(id)), ...started.map(() => new TermRemap(builder))];
      try {
        await analyzeKeywords(lanes, remaps, documents, builder, progress);
        return finish();
      } catch (error) {
        console.error(`depeches: indexing worker threads failed (${(error as Error).message}); analyzing in one thread`);
      } finally {
        await Promise.all(lanes.map((l) => l.close()));
      }
    }
    // From the first batch not merged yet.
    await analyzeKeywords([localLane()], [new TermRemap(builder)], documents, builder, progress);
    return finish();
  } catch (error) {
    merger?.texts.dispose();
    builder.dispose();
    throw error;
  }
}

/** The keyword fields of the articles over lanes (each with the term map of its thread), merged into the builder in article order as batches arrive. */
async function analyzeKeywords(lanes: Lane[], remaps: TermRemap[], documents: Article[], builder: CompactBuilder, progress: { nextBatch: number }): Promise<void> {
  const from = progress.nextBatch;
  const analyzeBatches = Math.ceil(documents.length / ARTICLES_PER_BATCH) - from;
  const analyzeRequest = (k: number): Extract<TaskRequest, { kind: 'analyze' }> => ({
    kind: 'analyze',
    batch: from + k,
    fields: documents.slice((from + k) * ARTICLES_PER_BATCH, (from + k + 1) * ARTICLES_PER_BATCH).map((d) => {
      const fields: Partial<Record<IndexedField, string>> = {};
      for (const f of KEYWORD_FIELDS) fields[INDEXED_FIELDS[f]] = fieldText(d, INDEXED_FIELDS[f]);
      return fields;
    }),
  });
  const arrived = new Map<number, { records: Int32Array; remap: Int32Array; count: number }>();
  await runTasks(lanes, analyzeBatches, analyzeRequest, (answer, lane) => {
    if (answer.kind !== 'analyze') return;
    // A lane's new terms come in the order it made them: map them at once; merge records in article order.
    const remap = remaps[lane].add(answer.newTerms);
    const count = Math.min(ARTICLES_PER_BATCH, documents.length - answer.batch * ARTICLES_PER_BATCH);
    arrived.set(answer.batch, { records: answer.records, remap, count });
    for (let ready = arrived.get(progress.nextBatch); ready; ready = arrived.get(progress.nextBatch)) {
      const first = progress.nextBatch * ARTICLES_PER_BATCH;
      arrived.delete(progress.nextBatch++);
      let at = 0;
      for (let k = 0; k < ready.count; k++) at = builder.addPacked(ready.records, at, ready.remap, first + k, KEYWORD_FIELDS);
    }
  });
}
