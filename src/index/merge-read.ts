import { outcomeArticles, type FileOutcome } from '../ingest/index.js';
import type { Article } from '../ingest/types.js';
import { IntList } from './analyze-fields.js';
import { TermRemap } from './build.js';
import { SEQUENCE_FIELDS, type CompactBuilder } from './compact.js';
import { spillFileOf } from './read-pool.js';
import { SPILL_ENTRY, TextSpills } from './text-spill.js';
import { TaskRunner, type FileAnalysis } from './worker-tasks.js';

/** The id of this thread's analysis, when it analyses files itself (no workers, or articles reused from the previous build). */
const THIS_THREAD = -1;

/**
 * The first pass of a build, while the corpus is read: each file's
 * analysis (its articles' text fields, worker-tasks.ts) merged into the
 * builder in listing order as files arrive, so that only the files read
 * out of order wait, and never a text: the texts are in the spill files
 * of the threads that read them, and this thread keeps where each lies.
 * A file that comes without analysis (read in this thread, or reused from
 * the previous build) is analysed here, into a spill file of this thread.
 */
export class ReadMerger {
  readonly texts = new TextSpills();
  /** The story signatures of the articles merged, in article order (stories.ts). */
  readonly signatures = new IntList(1 << 16);
  /** The articles of each file, texts emptied, as merged. */
  readonly articlesByFile: Article[][];
  documentCount = 0;
  private readonly remaps = new Map<number, TermRemap>();
  private readonly waiting = new Map<number, { outcome: FileOutcome; analysis?: FileAnalysis; remap: Int32Array | null; workerId: number }>();
  private nextFile = 0;
  private local: TaskRunner | null = null;

  constructor(
    readonly builder: CompactBuilder,
    private readonly spillDir: string,
    private readonly files: readonly string[],
    private readonly previous?: Map<string, Article[]>,
  ) {
    this.articlesByFile = new Array<Article[]>(files.length);
  }

  /** The term map of a thread's analyzer: the same one for all its answers, first pass and second. */
  remapOf(workerId: number): TermRemap {
    let remap = this.remaps.get(workerId);
    if (!remap) {
      remap = new TermRemap(this.builder);
      this.remaps.set(workerId, remap);
      this.texts.addFile(workerId, spillFileOf(this.spillDir, workerId));
    }
    return remap;
  }

  /** A file's outcome, with its analysis when a worker made one. Its new terms are mapped at once: a thread's terms come in the order it made them. */
  arrive(index: number, outcome: FileOutcome, analysis: FileAnalysis | undefined, workerId: number): void {
    const remap = analysis ? this.remapOf(workerId).add(analysis.newTerms) : null;
    this.waiting.set(index, { outcome, analysis, remap, workerId });
    for (let ready = this.waiting.get(this.nextFile); ready; ready = this.waiting.get(this.nextFile)) {
      this.waiting.delete(this.nextFile);
      this.merge(this.nextFile++, ready);
    }
  }

  private merge(index: number, file: { outcome: FileOutcome; analysis?: FileAnalysis; remap: Int32Array | null; workerId: number }): void {
    const articles = outcomeArticles(file.outcome, this.previous?.get(this.files[index]));
    let { analysis, remap, workerId } = file;
    if (!analysis || file.outcome.reused) {
      this.local ??= new TaskRunner();
      const copies = articles.map((a) => ({ ...a }));
      analysis = this.local.analyzeRead([{ index, outcome: { ...file.outcome, articles: copies } }], spillFileOf(this.spillDir, THIS_THREAD));
      remap = this.remapOf(THIS_THREAD).add(analysis.newTerms);
      workerId = THIS_THREAD;
      this.articlesByFile[index] = copies;
    } else this.articlesByFile[index] = articles;
    let at = 0;
    const { records, texts } = analysis;
    for (let k = 0; k < articles.length; k++) {
      at = this.builder.addPacked(records, at, remap, this.documentCount++, SEQUENCE_FIELDS);
      const e = SPILL_ENTRY * k;
      this.texts.push(workerId, texts[e], texts[e + 1], texts[e + 2], texts[e + 3]);
    }
    const signatures = this.signatures;
    if (signatures.length + analysis.signatures.length > signatures.data.length) signatures.grow(signatures.length + analysis.signatures.length);
    signatures.data.set(analysis.signatures, signatures.length);
    signatures.length += analysis.signatures.length;
  }

  /** True once any file has arrived. */
  get touched(): boolean {
    return this.nextFile > 0 || this.waiting.size > 0;
  }

  /** Throws unless every file was merged. */
  finish(): void {
    if (this.nextFile !== this.files.length) throw new Error(`${this.files.length - this.nextFile} files never arrived`);
  }
}
