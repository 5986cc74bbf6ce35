import { readCorpusFileSync, type FileOutcome, type PreviousFile, type ReadLimits } from '../ingest/index.js';
import type { Article } from '../ingest/types.js';
import { IntList } from './analyze-fields.js';
import { ArticleAnalyzer } from './build.js';
import { KEYWORD_FIELDS, SEQUENCE_FIELDS } from './compact.js';
import { storeQuotes } from './stored-quotes.js';
import { encodedText, SPILL_ENTRY, TextSpillWriter } from './text-spill.js';
import { TEXT_WINDOW } from './documents.js';
import type { IndexedFields } from './types.js';

/**
 * The text fields of a file's articles, analysed in the thread that read
 * them: per article a packed record of the title, text and quotations
 * (compact.ts), the story signatures, and where each text and its
 * quotations as stored went in the thread's spill file (SPILL_ENTRY
 * numbers an article, text-spill.ts), texts and quotations being emptied
 * from the articles sent back (they neither cross threads nor stay in the
 * merging thread's heap).
 */
export interface FileAnalysis {
  newTerms: string[];
  records: Int32Array;
  signatures: Int32Array;
  texts: Float64Array;
}

/** Work sent to a thread of `indexCorpus` (a worker thread, or the main thread when workers are not available). */
export type TaskRequest =
  /** With `spill`, the articles read are analysed (text fields) and their texts written to that file, not sent back. */
  | { kind: 'read'; batch: number; root: string; limits: ReadLimits; files: { index: number; path: string; previous?: PreviousFile }[]; spill?: string }
  /** The keyword fields of articles (once the corpus is assembled: speakers' spellings are unified over it). */
  | { kind: 'analyze'; batch: number; fields: Partial<Omit<IndexedFields, 'n'>>[] };

export type TaskAnswer =
  /** A worker has loaded its code: the time budget of its files starts from here. */
  | { kind: 'ready'; batch: -1 }
  /** One file of a read request, sent as soon as it is read, so that a file over its time budget loses only itself. */
  | { kind: 'file'; batch: number; index: number; outcome: FileOutcome; analysis?: FileAnalysis }
  /** The file is progressing: one more of its articles is extracted (sent at most every HEARTBEAT_MS). */
  | { kind: 'alive'; batch: number; index: number }
  | { kind: 'analyze'; batch: number; newTerms: string[]; records: Int32Array; signatures: Int32Array }
  | { kind: 'error'; batch: number; message: string };

/** Heartbeats of a file of many articles are sent at most this often. */
const HEARTBEAT_MS = 20;

/** Reads the files of a request in order, handing each outcome to `emit` as soon as it is known, and heartbeats while a file of many articles progresses. */
export function readFiles(request: Extract<TaskRequest, { kind: 'read' }>, emit: (answer: Extract<TaskAnswer, { kind: 'file' | 'alive' }>, transfer?: ArrayBuffer[]) => void, runner?: TaskRunner): void {
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
    if (request.spill && runner) {
      // The analysis is part of the file's time: it keeps the heartbeat going, an article at a time, as extraction does.
      const analysis = runner.analyzeRead(outcome.articles, request.spill, onArticle);
      emit({ kind: 'file', batch: request.batch, index: file.index, outcome, analysis }, [analysis.records.buffer, analysis.signatures.buffer, analysis.texts.buffer] as ArrayBuffer[]);
    } else emit({ kind: 'file', batch: request.batch, index: file.index, outcome });
  }
}

/** Runs the French analysis once on a throw-away sentence: its first use loads the stemmer and compiles code, which must not count in the first file's time budget. */
export function warmUpAnalysis(): void {
  const text = 'Le ministre Jean Exemple a déclaré mardi à Lyon que la réforme serait adoptée.';
  new ArticleAnalyzer().analyze({ title: text, text }, new IntList(), new IntList(), SEQUENCE_FIELDS);
}

/**
 * The analysis state of one thread: its analyzer keeps its own term
 * dictionary, and each answer carries the terms not sent yet, so that only
 * integers and new words cross threads.
 */
export class TaskRunner {
  private readonly analyzer = new ArticleAnalyzer();
  private termsSent = 0;

  private spill: TextSpillWriter | null = null;

  /** The terms made since the last answer: they go with it, in the order they were made. */
  private newTerms(): string[] {
    const terms = this.analyzer.dictionary.terms;
    const newTerms = terms.slice(this.termsSent);
    this.termsSent = terms.length;
    return newTerms;
  }

  /** Analyses the text fields of articles just read and moves their texts to the spill file (emptying them in the articles). */
  analyzeRead(articles: Article[], spillFile: string, onArticle?: () => void): FileAnalysis {
    if (this.spill?.file !== spillFile) {
      this.spill?.close();
      this.spill = new TextSpillWriter(spillFile);
    }
    const records = new IntList(1 << 12);
    const signatures = new IntList(1 << 8);
    const texts = new Float64Array(articles.length * SPILL_ENTRY);
    const fields: { title?: string; text?: string } = {};
    for (const [k, article] of articles.entries()) {
      // The quotations are spans of the text: their field is taken from its analysis (quotation-record.ts).
      fields.title = article.title;
      fields.text = article.text;
      this.analyzer.analyze(fields, records, signatures, SEQUENCE_FIELDS, article.quotes);
      const { json, check } = encodedText(article.text);
      // The quotations by their place, while the text is at hand (their words only when a read of it would not give them back)
      const quotes = Buffer.from(JSON.stringify(article.quotes.length === 0 ? [] : storeQuotes(article.quotes, article.text, json.byteLength <= TEXT_WINDOW)));
      texts[SPILL_ENTRY * k] = this.spill.append(json);
      this.spill.append(quotes);
      texts[SPILL_ENTRY * k + 1] = json.byteLength;
      texts[SPILL_ENTRY * k + 2] = check;
      texts[SPILL_ENTRY * k + 3] = quotes.byteLength;
      article.text = '';
      article.quotes = [];
      onArticle?.();
    }
    this.spill.flush();
    return { newTerms: this.newTerms(), records: records.toArray(), signatures: signatures.toArray(), texts };
  }

  /** Analyses the keyword fields of articles (records of KEYWORD_FIELDS). */
  analyze(request: Extract<TaskRequest, { kind: 'analyze' }>): { answer: TaskAnswer; transfer: ArrayBuffer[] } {
    const records = new IntList(1 << 16);
    const signatures = new IntList(1 << 12);
    for (const fields of request.fields) this.analyzer.analyze(fields, records, signatures, KEYWORD_FIELDS);
    const newTerms = this.newTerms();
    const data = records.toArray();
    const signatureData = signatures.toArray();
    return { answer: { kind: 'analyze', batch: request.batch, newTerms, records: data, signatures: signatureData }, transfer: [data.buffer as ArrayBuffer, signatureData.buffer as ArrayBuffer] };
  }
}
