import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FileOutcome, PreviousFile, ReadLimits } from '../ingest/index.js';
import { startWorker } from './worker-lane.js';
import { ReadProgress } from './read-progress.js';
import { fileAnalyses, type FileAnalysis, type TaskAnswer, type TaskRequest } from './worker-tasks.js';

/**
 * The files of a corpus read over worker threads, each under a time budget
 * (per article for a file of many, JSON Lines: the worker stamps its
 * progress as each is extracted or analysed, which starts the budget anew).
 * A worker reports its files a chunk at a time (worker-tasks.ts), and keeps
 * the file it is on in memory shared with this thread (read-progress.ts):
 * when one file takes longer than the budget, its worker is terminated (the
 * only way to stop a thread busy in a regular expression or a parser), the
 * file is listed as skipped with the reason, a new worker takes the place
 * of the old one with the other files it had and had not reported (read
 * again), and the run goes on. A worker that dies on a file (out of memory,
 * say) costs that file only, the same way.
 */

export const DEFAULT_FILE_TIMEOUT_MS = 10_000;
/** Files per request to a worker; two requests are kept queued per worker so that none waits for the next. */
const FILES_PER_BATCH = 32;

export interface ReadPoolOptions {
  workers: number;
  /** Time allowed to one file (reading, decoding, extraction), in ms; 0 or Infinity: no limit. */
  fileTimeoutMs: number;
  limits: ReadLimits;
  /** Heap of each worker, in MB (default: Node's); a file that needs more stops its worker and is skipped. */
  workerHeapMb?: number;
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** When given, workers analyse the text fields of what they read and write texts to `spill-<worker id>.texts` in this folder (worker-tasks.ts). */
  spillDir?: string;
  /** Hears each file's outcome as it is known, with its analysis and the id of the worker that made it (a worker started in place of a lost one has a new id); a file lost with its worker comes with no analysis. */
  onFile?: (index: number, outcome: FileOutcome, analysis: FileAnalysis | undefined, workerId: number) => void;
}

/** The outcome of each file, in the order given, and the workers, still running, for the next phase, with their ids. */
export interface ReadPoolResult {
  outcomes: FileOutcome[];
  workers: Worker[];
  workerIds: number[];
}

/** The spill file of a reading worker's texts. */
export function spillFileOf(spillDir: string, workerId: number): string {
  return path.join(spillDir, `spill-${workerId < 0 ? 'main' : workerId}.texts`);
}

/** Raised when a worker cannot start at all: the caller reads in its own thread instead. */
export class WorkerStartError extends Error {}

export function readInWorkers(root: string, files: string[], previousOf: (path: string) => PreviousFile | undefined, options: ReadPoolOptions): Promise<ReadPoolResult> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<FileOutcome>(files.length);
    /** Files not sent yet: those put back by a lost worker first, then from `nextFresh` on. */
    let requeued: number[] = [];
    let nextFresh = 0;
    const pendingCount = () => requeued.length + files.length - nextFresh;
    const take = (count: number): number[] => {
      const taken = requeued.splice(0, count);
      while (taken.length < count && nextFresh < files.length) taken.push(nextFresh++);
      return taken;
    };
    let done = 0;
    let batch = 0;
    let failed = false;
    const budget = options.fileTimeoutMs > 0 && Number.isFinite(options.fileTimeoutMs) ? options.fileTimeoutMs : 0;

    let workersStarted = 0;
    interface Slot {
      worker: Worker;
      id: number;
      /** Removes this pool's listeners (never `removeAllListeners`: the Worker's own listeners keep its messages flowing). */
      detach: () => void;
      ready: boolean;
      /** Files sent to this worker and not reported yet, in the order it reads them. */
      queue: number[];
      progress: ReadProgress;
      timer?: NodeJS.Timeout;
    }
    const slots: Slot[] = [];

    const finishIfDone = () => {
      if (failed || done < files.length) return;
      for (const slot of slots) {
        clearTimeout(slot.timer);
        slot.detach();
      }
      resolve({ outcomes, workers: slots.map((s) => s.worker), workerIds: slots.map((s) => s.id) });
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const slot of slots) {
        clearTimeout(slot.timer);
        slot.detach();
        void slot.worker.terminate();
      }
      reject(error);
    };
    const record = (index: number, outcome: FileOutcome, analysis?: FileAnalysis, workerId = -1) => {
      outcomes[index] = outcome;
      options.onFile?.(index, outcome, analysis, workerId);
      done++;
      if (done % FILES_PER_BATCH === 0 || done === files.length) options.onProgress?.(done, files.length);
    };
    /** Watches the worker's progress while it has files: stopped once it has not moved on for the budget. */
    const arm = (slot: Slot) => {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      if (budget === 0 || !slot.ready || slot.queue.length === 0) return;
      const check = () => {
        const idle = slot.progress.idleMs();
        if (idle >= budget) lose(slot, `took more than ${budget} ms to read (time budget per file, or per article of a JSON Lines file): stopped`);
        else slot.timer = setTimeout(check, budget - idle);
      };
      slot.timer = setTimeout(check, Math.max(0, budget - slot.progress.idleMs()));
    };
    const topUp = (slot: Slot) => {
      // A worker given files after it ran out (or before its first) starts its time now, not when it last moved on.
      if (slot.queue.length === 0) slot.progress.stamp();
      while (slot.queue.length <= FILES_PER_BATCH && pendingCount() > 0) {
        const indices = take(FILES_PER_BATCH);
        slot.queue.push(...indices);
        const request: TaskRequest = {
          kind: 'read',
          batch: batch++,
          root,
          limits: options.limits,
          files: indices.map((index) => ({ index, path: files[index], previous: previousOf(files[index]) })),
          spill: options.spillDir && spillFileOf(options.spillDir, slot.id),
          progress: slot.progress.buffer,
          epoch: slot.progress.epoch,
        };
        slot.worker.postMessage(request);
      }
    };
    /**
     * The file a worker is on is lost with the worker; the others it had and
     * had not reported (read before it in the same chunk, or queued behind)
     * go back to the front of the line.
     */
    const lose = (slot: Slot, reason: string) => {
      if (failed) return;
      clearTimeout(slot.timer);
      const on = slot.progress.file;
      // Not started on any of its files yet (just given them): the first is the one it was stopped on.
      const current = slot.queue.includes(on) ? on : slot.queue[0];
      slot.detach();
      void slot.worker.terminate();
      if (current !== undefined) record(current, { articles: [], skipped: [{ path: files[current], reason }], reused: false });
      requeued = [...slot.queue.filter((index) => index !== current), ...requeued];
      slot.queue = [];
      spawn(slots.indexOf(slot));
      finishIfDone();
    };
    const spawn = (at: number) => {
      let worker: Worker;
      try {
        worker = startWorker(options.workerHeapMb);
      } catch (error) {
        fail(new WorkerStartError((error as Error).message));
        return;
      }
      const slot: Slot = { worker, id: workersStarted++, ready: false, queue: [], progress: new ReadProgress(), detach: () => {} };
      slots[at] = slot;
      const onMessage = (answer: TaskAnswer) => {
        if (answer.kind === 'ready') {
          slot.ready = true;
          slot.progress.stamp();
          arm(slot);
        } else if (answer.kind === 'files') {
          const analyses = answer.analysis && fileAnalyses(answer.analysis, answer.outcomes.map((o) => o.articles.length));
          for (const [k, index] of answer.indices.entries()) {
            const at = slot.queue.indexOf(index);
            if (at === -1) continue;
            slot.queue.splice(at, 1);
            record(index, answer.outcomes[k], analyses?.[k], slot.id);
          }
          topUp(slot);
          arm(slot);
          finishIfDone();
        } else if (answer.kind === 'error') fail(new Error(answer.message));
      };
      const died = (why: string) => {
        if (!slot.ready) fail(new WorkerStartError(why));
        else lose(slot, `the reader stopped on this file: ${why}`);
      };
      const onError = (error: Error) => died(error.message.split('\n')[0]);
      const onExit = (code: number) => died(`worker exited with code ${code}`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      slot.detach = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      topUp(slot);
    };

    if (files.length === 0) {
      resolve({ outcomes, workers: [], workerIds: [] });
      return;
    }
    for (let k = 0; k < Math.max(1, options.workers); k++) spawn(k);
  });
}
