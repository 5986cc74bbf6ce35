import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { listFiles, outcomeArticles, previousFile, assembleCorpus, type FileOutcome, type FolderListing } from '../ingest/index.js';
import { CorpusError, type Article, type CorpusReadResult } from '../ingest/types.js';
import { indexedFields, TermRemap } from './build.js';
import { CompactBuilder, type CompactIndex } from './compact.js';
import { storyGroups } from './stories.js';
import { TaskRunner, type TaskAnswer, type TaskRequest } from './worker-tasks.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The indexer's work spread over worker threads: reading, decoding and
 * metadata extraction of files (phase 1), then the French analysis of the
 * articles (phase 2), while this thread merges the analyzed term ids into
 * the compact index as they arrive, in article order. Without workers
 * (`threads: 0`, or when they cannot start) the same tasks run here.
 */

const FILES_PER_BATCH = 32;
const ARTICLES_PER_BATCH = 128;
/** Tasks queued per thread, so that none waits for the next while this thread merges. */
const IN_FLIGHT = 2;
/** Below this many files, the default is to work in this thread only. */
const MIN_FILES_FOR_WORKERS = 500;

/**
 * Starts a worker running corpus-worker. From TypeScript sources (tsx,
 * vitest) the worker loads it through tsx's API, as a worker thread does
 * not inherit the loader of its parent.
 */
function startWorker(): Worker {
  const compiled = new URL('./corpus-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(compiled);
  const script = new URL('./corpus-worker.ts', import.meta.url).href;
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
  return new Worker(code, { eval: true });
}

interface Lane {
  run(request: TaskRequest): Promise<TaskAnswer>;
  close(): Promise<void>;
}

function workerLane(): Lane {
  const worker = startWorker();
  const waiting = new Map<number, { kind: string; resolve: (a: TaskAnswer) => void; reject: (e: Error) => void }[]>();
  const failAll = (error: Error) => {
    for (const list of waiting.values()) for (const w of list) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: TaskAnswer) => {
    const list = waiting.get(answer.batch);
    const k = list?.findIndex((w) => answer.kind === 'error' || w.kind === answer.kind) ?? -1;
    if (!list || k < 0) return;
    const [entry] = list.splice(k, 1);
    if (list.length === 0) waiting.delete(answer.batch);
    if (answer.kind === 'error') entry.reject(new Error(answer.message));
    else entry.resolve(answer);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`indexing worker stopped (exit code ${code})`)));
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const list = waiting.get(request.batch) ?? [];
        list.push({ kind: request.kind, resolve, reject });
        waiting.set(request.batch, list);
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

function localLane(): Lane {
  const runner = new TaskRunner();
  return { run: async (request) => (await runner.run(request)).answer, close: async () => {} };
}

/** Runs tasks 0..count-1 (made when sent) over lanes, at most IN_FLIGHT per lane; `onAnswer` sees each answer as it arrives, with its lane. */
async function runTasks(lanes: Lane[], count: number, request: (k: number) => TaskRequest, onAnswer: (answer: TaskAnswer, lane: number) => void): Promise<void> {
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

export interface ParallelBuildOptions {
  /** Worker threads; default: one per core, at most 4, for 500 files or more. 0 runs everything in this thread. */
  threads?: number;
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Articles of the previous build, by file path. */
  previous?: Map<string, Article[]>;
}

export interface ParallelBuildResult {
  corpus: CorpusReadResult;
  /** The corpus's articles, unique by id, in index order. */
  documents: Article[];
  compact: CompactIndex;
  /** The story of each article (stories.ts), over the whole corpus. */
  storyOf: Int32Array;
  /** Files whose articles were reused from the previous build (unchanged size and time, or content hash). */
  filesReused: number;
  seconds: { read: number; analyze: number };
}

/** Reads a corpus folder and builds its compact index over worker threads. */
export async function readAndAnalyze(dir: string, options: ParallelBuildOptions = {}): Promise<ParallelBuildResult> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info) throw new CorpusError(`corpus folder not found: ${dir}`);
  if (!info.isDirectory()) throw new CorpusError(`corpus path is not a folder: ${dir}`);
  const t0 = performance.now();
  const listing = await listFiles(root);
  // Starting workers costs about a second: not worth it for a few hundred files.
  const threads = options.threads ?? (listing.files.length < MIN_FILES_FOR_WORKERS ? 0 : Math.min(4, availableParallelism()));
  if (threads > 0) {
    const lanes = Array.from({ length: threads }, workerLane);
    try {
      return await runOn(lanes, root, listing, t0, options);
    } catch (error) {
      // Workers that cannot start or that die (an unusual runtime): do the work in this thread.
      if (error instanceof CorpusError) throw error;
      console.error(`depeches: indexing worker threads failed (${(error as Error).message}); indexing in one thread`);
    } finally {
      await Promise.all(lanes.map((l) => l.close()));
    }
  }
  return runOn([localLane()], root, listing, t0, options);
}

async function runOn(lanes: Lane[], root: string, listing: FolderListing, t0: number, options: ParallelBuildOptions): Promise<ParallelBuildResult> {
  const files = listing.files;
  const previous = options.previous;
  const readBatches = Math.ceil(files.length / FILES_PER_BATCH);
  const outcomes = new Array<FileOutcome[]>(readBatches);
  let done = 0;
  const readRequest = (batch: number): TaskRequest => ({
    kind: 'read',
    batch,
    root,
    files: files.slice(batch * FILES_PER_BATCH, (batch + 1) * FILES_PER_BATCH).map((p) => ({ path: p, previous: previousFile(previous?.get(p)) })),
  });
  await runTasks(lanes, readBatches, readRequest, (answer) => {
    if (answer.kind !== 'read') return;
    outcomes[answer.batch] = answer.outcomes;
    done += answer.outcomes.length;
    options.onProgress?.(done, files.length);
  });
  const flat = outcomes.flat();
  const filesReused = flat.filter((o) => o.reused).length;
  const corpus = assembleCorpus(
    listing,
    flat.map((outcome, k) => outcomeArticles(outcome, previous?.get(files[k]))),
    flat.map((outcome) => outcome.skipped),
  );
  const t1 = performance.now();

  const documents = corpus.articles;
  const analyzeBatches = Math.ceil(documents.length / ARTICLES_PER_BATCH);
  const analyzeRequest = (batch: number): TaskRequest => ({
    kind: 'analyze',
    batch,
    fields: documents.slice(batch * ARTICLES_PER_BATCH, (batch + 1) * ARTICLES_PER_BATCH).map((d) => {
      const { n: _, ...fields } = indexedFields(d, 0);
      return fields;
    }),
  });
  const builder = new CompactBuilder();
  const remaps = lanes.map(() => new TermRemap(builder));
  const arrived = new Map<number, { records: Int32Array; remap: Int32Array; count: number }>();
  const signatures = new Array<Int32Array>(analyzeBatches);
  let nextBatch = 0;
  await runTasks(lanes, analyzeBatches, analyzeRequest, (answer, lane) => {
    if (answer.kind !== 'analyze') return;
    // A lane's new terms come in the order it made them: map them at once; merge records in article order.
    const remap = remaps[lane].add(answer.newTerms);
    const count = Math.min(ARTICLES_PER_BATCH, documents.length - answer.batch * ARTICLES_PER_BATCH);
    arrived.set(answer.batch, { records: answer.records, remap, count });
    signatures[answer.batch] = answer.signatures;
    for (let ready = arrived.get(nextBatch); ready; ready = arrived.get(nextBatch)) {
      arrived.delete(nextBatch++);
      let at = 0;
      for (let k = 0; k < ready.count; k++) at = builder.addPacked(ready.records, at, ready.remap);
    }
  });
  const compact = builder.finish();
  const storyOf = storyGroups(documents, signatures);
  const t2 = performance.now();
  return { corpus, documents, compact, storyOf, filesReused, seconds: { read: (t1 - t0) / 1000, analyze: (t2 - t1) / 1000 } };
}
