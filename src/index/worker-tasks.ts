import { readCorpusFileSync, type FileOutcome, type PreviousFile, type ReadLimits } from '../ingest/index.js';
import { IntList } from './analyze-fields.js';
import { ArticleAnalyzer } from './build.js';
import { KEYWORD_FIELDS, SEQUENCE_FIELDS } from './compact.js';
import { storeQuotes } from './stored-quotes.js';
import { ReadProgress } from './read-progress.js';
import { SPILL_ENTRY, TextSpillWriter } from './text-spill.js';
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

/** The analysis of several files in one: where each file's records and signatures end (its texts: SPILL_ENTRY numbers per article). */
export interface ChunkAnalysis extends FileAnalysis {
  recordEnds: Int32Array;
  signatureEnds: Int32Array;
}

/** Work sent to a thread of `indexCorpus` (a worker thread, or the main thread when workers are not available). */
export type TaskRequest =
  /** With `spill`, the articles read are analysed (text fields) and their texts written to that file, not sent back. `progress`: a ReadProgress buffer and its epoch. */
  | { kind: 'read'; batch: number; root: string; limits: ReadLimits; files: { index: number; path: string; previous?: PreviousFile }[]; spill?: string; progress: SharedArrayBuffer; epoch: number }
  /** The keyword fields of articles (once the corpus is assembled: speakers' spellings are unified over it). */
  | { kind: 'analyze'; batch: number; fields: Partial<Omit<IndexedFields, 'n'>>[] };

export type TaskAnswer =
  /** A worker has loaded its code: the time budget of its files starts from here. */
  | { kind: 'ready'; batch: -1 }
  /** Files of a read request, in the order sent, a chunk at a time (their analysis in one: ChunkAnalysis); the file being read meanwhile is in the shared ReadProgress. */
  | { kind: 'files'; batch: number; indices: number[]; outcomes: FileOutcome[]; analysis?: ChunkAnalysis }
  | { kind: 'analyze'; batch: number; newTerms: string[]; records: Int32Array; signatures: Int32Array }
  | { kind: 'error'; batch: number; message: string };

/**
 * A chunk is analysed and reported once it holds this many articles or text
 * characters, or at the end of its request: the analysis runs in one go,
 * not between extractions (each keeps the other's code and data out of the
 * caches), and one message carries many files, without holding many texts.
 */
const CHUNK_ARTICLES = 256;
const CHUNK_CHARACTERS = 4 << 20;

/** A file read, waiting for the analysis of its chunk. */
export interface ReadFile {
  index: number;
  outcome: FileOutcome;
}

/** Reads the files of a request in order, keeping `progress` on the file at hand, and hands them to `emit` a chunk at a time, analysed when the request has a spill file. */
export function readFiles(request: Extract<TaskRequest, { kind: 'read' }>, emit: (answer: Extract<TaskAnswer, { kind: 'files' }>, transfer?: ArrayBuffer[]) => void, runner?: TaskRunner): void {
  const progress = new ReadProgress(request.progress, request.epoch);
  const onArticle = () => progress.stamp();
  let chunk: ReadFile[] = [];
  let articles = 0;
  let characters = 0;
  const send = () => {
    if (chunk.length === 0) return;
    const indices = chunk.map((f) => f.index);
    const outcomes = chunk.map((f) => f.outcome);
    if (request.spill && runner) {
      // The analysis is part of each file's time: the progress names the file whose articles are analysed.
      const analysis = runner.analyzeRead(chunk, request.spill, progress);
      emit({ kind: 'files', batch: request.batch, indices, outcomes, analysis }, [analysis.records.buffer, analysis.signatures.buffer, analysis.texts.buffer, analysis.recordEnds.buffer, analysis.signatureEnds.buffer] as ArrayBuffer[]);
    } else emit({ kind: 'files', batch: request.batch, indices, outcomes });
    chunk = [];
    articles = 0;
    characters = 0;
  };
  for (const file of request.files) {
    progress.startFile(file.index);
    let outcome: FileOutcome;
    try {
      // Blocking reads: this thread has nothing else to do meanwhile, and they cost much less than promises.
      outcome = readCorpusFileSync(request.root, file.path, file.previous, { ...request.limits, onArticle });
    } catch (error) {
      outcome = { articles: [], skipped: [{ path: file.path, reason: `cannot read file: ${error instanceof Error ? error.message : String(error)}` }], reused: false };
    }
    chunk.push({ index: file.index, outcome });
    articles += outcome.articles.length;
    for (const article of outcome.articles) characters += article.text.length;
    if (articles >= CHUNK_ARTICLES || characters >= CHUNK_CHARACTERS) send();
  }
  send();
}

/** The analysis of each file of a chunk (`articleCounts`: its files' numbers of articles), as views of the chunk's arrays; the new terms go with the first. */
export function fileAnalyses(chunk: ChunkAnalysis, articleCounts: readonly number[]): FileAnalysis[] {
  let records = 0;
  let signatures = 0;
  let texts = 0;
  return articleCounts.map((count, k) => {
    const analysis: FileAnalysis = {
      newTerms: k === 0 ? chunk.newTerms : [],
      records: chunk.records.subarray(records, chunk.recordEnds[k]),
      signatures: chunk.signatures.subarray(signatures, chunk.signatureEnds[k]),
      texts: chunk.texts.subarray(texts, texts + count * SPILL_ENTRY),
    };
    records = chunk.recordEnds[k];
    signatures = chunk.signatureEnds[k];
    texts += count * SPILL_ENTRY;
    return analysis;
  });
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

  /** Analyses the text fields of the articles of files just read and moves their texts to the spill file (emptying them in the articles); `progress` follows the file at hand. */
  analyzeRead(files: readonly ReadFile[], spillFile: string, progress?: ReadProgress): ChunkAnalysis {
    if (this.spill?.file !== spillFile) {
      this.spill?.close();
      this.spill = new TextSpillWriter(spillFile);
    }
    const records = new IntList(1 << 12);
    const signatures = new IntList(1 << 8);
    const recordEnds = new Int32Array(files.length);
    const signatureEnds = new Int32Array(files.length);
    let articleCount = 0;
    for (const file of files) articleCount += file.outcome.articles.length;
    const texts = new Float64Array(articleCount * SPILL_ENTRY);
    const fields: { title?: string; text?: string } = {};
    let k = 0;
    for (const [f, file] of files.entries()) {
      progress?.startFile(file.index);
      for (const article of file.outcome.articles) {
        // The quotations are spans of the text: their field is taken from its analysis (quotation-record.ts).
        fields.title = article.title;
        fields.text = article.text;
        this.analyzer.analyze(fields, records, signatures, SEQUENCE_FIELDS, article.quotes);
        // The text as documents.jsonl holds it (encodedText), then the quotations by their place, while the text is at hand (their words only when a read of it would not give them back)
        const text = this.spill.appendString(JSON.stringify(article.text), TEXT_WINDOW);
        const quotes = this.spill.appendString(article.quotes.length === 0 ? '[]' : JSON.stringify(storeQuotes(article.quotes, article.text, text.bytes <= TEXT_WINDOW, this.analyzer.quotations)), 0);
        texts[SPILL_ENTRY * k] = text.at;
        texts[SPILL_ENTRY * k + 1] = text.bytes;
        texts[SPILL_ENTRY * k + 2] = text.check;
        texts[SPILL_ENTRY * k + 3] = quotes.bytes;
        article.text = '';
        article.quotes = [];
        k++;
        progress?.stamp();
      }
      recordEnds[f] = records.length;
      signatureEnds[f] = signatures.length;
    }
    this.spill.flush();
    return { newTerms: this.newTerms(), records: records.toArray(), signatures: signatures.toArray(), texts, recordEnds, signatureEnds };
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
