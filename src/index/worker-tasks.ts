import { readCorpusFileSync, type FileOutcome, type PreviousFile, type ReadLimits } from '../ingest/index.js';
import { IntList } from './analyze-fields.js';
import { ArticleAnalyzer } from './build.js';
import type { IndexedFields } from './types.js';

/** Work sent to a thread of `indexCorpus` (a worker thread, or the main thread when workers are not available). */
export type TaskRequest =
  | { kind: 'read'; batch: number; root: string; limits: ReadLimits; files: { index: number; path: string; previous?: PreviousFile }[] }
  | { kind: 'analyze'; batch: number; fields: Omit<IndexedFields, 'n'>[] };

export type TaskAnswer =
  /** A worker has loaded its code: the time budget of its files starts from here. */
  | { kind: 'ready'; batch: -1 }
  /** One file of a read request, sent as soon as it is read, so that a file over its time budget loses only itself. */
  | { kind: 'file'; batch: number; index: number; outcome: FileOutcome }
  /** The file is progressing: one more of its articles is extracted (sent at most every HEARTBEAT_MS). */
  | { kind: 'alive'; batch: number; index: number }
  | { kind: 'analyze'; batch: number; newTerms: string[]; records: Int32Array; signatures: Int32Array }
  | { kind: 'error'; batch: number; message: string };

/** Heartbeats of a file of many articles are sent at most this often. */
const HEARTBEAT_MS = 20;

/** Reads the files of a request in order, handing each outcome to `emit` as soon as it is known, and heartbeats while a file of many articles progresses. */
export function readFiles(request: Extract<TaskRequest, { kind: 'read' }>, emit: (answer: Extract<TaskAnswer, { kind: 'file' | 'alive' }>) => void): void {
  for (const file of request.files) {
    let outcome: FileOutcome;
    let lastBeat = performance.now();
    const onArticle = () => {
      const now = performance.now();
      if (now - lastBeat < HEARTBEAT_MS) return;
      lastBeat = now;
      emit({ kind: 'alive', batch: request.batch, index: file.index });
    };
    try {
      // Blocking reads: this thread has nothing else to do meanwhile, and they cost much less than promises.
      outcome = readCorpusFileSync(request.root, file.path, file.previous, { ...request.limits, onArticle });
    } catch (error) {
      outcome = { articles: [], skipped: [{ path: file.path, reason: `cannot read file: ${error instanceof Error ? error.message : String(error)}` }], reused: false };
    }
    emit({ kind: 'file', batch: request.batch, index: file.index, outcome });
  }
}

/**
 * The analysis state of one thread: its analyzer keeps its own term
 * dictionary, and each answer carries the terms not sent yet, so that only
 * integers and new words cross threads.
 */
export class TaskRunner {
  private readonly analyzer = new ArticleAnalyzer();
  private termsSent = 0;

  analyze(request: Extract<TaskRequest, { kind: 'analyze' }>): { answer: TaskAnswer; transfer: ArrayBuffer[] } {
    const records = new IntList(1 << 16);
    const signatures = new IntList(1 << 12);
    for (const fields of request.fields) this.analyzer.analyze(fields, records, signatures);
    const terms = this.analyzer.dictionary.terms;
    const newTerms = terms.slice(this.termsSent);
    this.termsSent = terms.length;
    const data = records.toArray();
    const signatureData = signatures.toArray();
    return { answer: { kind: 'analyze', batch: request.batch, newTerms, records: data, signatures: signatureData }, transfer: [data.buffer as ArrayBuffer, signatureData.buffer as ArrayBuffer] };
  }
}
