import { readCorpusFileSync, type FileOutcome, type PreviousFile } from '../ingest/index.js';
import { IntList } from './analyze-fields.js';
import { ArticleAnalyzer } from './build.js';
import type { IndexedFields } from './types.js';

/** Work sent to a thread of `indexCorpus` (a worker thread, or the main thread when workers are not available). */
export type TaskRequest =
  | { kind: 'read'; batch: number; root: string; files: { path: string; previous?: PreviousFile }[] }
  | { kind: 'analyze'; batch: number; fields: Omit<IndexedFields, 'n'>[] };

export type TaskAnswer =
  | { kind: 'read'; batch: number; outcomes: FileOutcome[] }
  | { kind: 'analyze'; batch: number; newTerms: string[]; records: Int32Array; signatures: Int32Array }
  | { kind: 'error'; batch: number; message: string };

/**
 * The state of one thread: its analyzer keeps its own term dictionary, and
 * each analysis answer carries the terms not sent yet, so that only
 * integers and new words cross threads.
 */
export class TaskRunner {
  private readonly analyzer = new ArticleAnalyzer();
  private termsSent = 0;

  async run(request: TaskRequest): Promise<{ answer: TaskAnswer; transfer: ArrayBuffer[] }> {
    if (request.kind === 'read') {
      // Blocking reads: this thread has nothing else to do meanwhile, and they cost much less than promises.
      const outcomes = request.files.map((file) => readCorpusFileSync(request.root, file.path, file.previous));
      return { answer: { kind: 'read', batch: request.batch, outcomes }, transfer: [] };
    }
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
