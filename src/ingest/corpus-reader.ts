import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { articleFromText } from './article.js';
import { decodeBytes } from './decode.js';
import { listFiles, type FolderListing } from './file-walker.js';
import { speakerSpelling } from './people/canonical-names.js';
import { readHtml } from './readers/html.js';
import { readJsonLines } from './readers/jsonl.js';
import { readMarkdown } from './readers/markdown.js';
import type { ReaderOutput } from './readers/reader.js';
import { readText } from './readers/txt.js';
import { CorpusError, type Article, type CorpusReadResult, type SkippedFile, type SourceFormat } from './types.js';

export interface ReadCorpusOptions {
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Articles of a previous run by file path: reused as they are when the file's size and time, or else its hash, have not changed. */
  previous?: Map<string, Article[]>;
}

/** File extensions read, and how. */
const FORMATS: Record<string, { format: SourceFormat; read: (text: string, relativePath: string) => ReaderOutput }> = {
  '.txt': { format: 'txt', read: readText },
  '.md': { format: 'md', read: readMarkdown },
  '.markdown': { format: 'md', read: readMarkdown },
  '.html': { format: 'html', read: readHtml },
  '.htm': { format: 'html', read: readHtml },
  '.jsonl': { format: 'jsonl', read: readJsonLines },
};

/** Larger files are not articles (and would not fit in a string). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Files read at once: enough to hide disk latency, few enough to bound memory. */
const CONCURRENCY = 16;

/** What a previous run read from a file: a rerun reuses its articles when the file did not change. */
export interface PreviousFile {
  fileHash: string;
  fileSize?: number;
  fileMtimeMs?: number;
}

/** What reading one file gave. */
export interface FileOutcome {
  articles: Article[];
  skipped: SkippedFile[];
  /**
   * True when the file is unchanged since the previous run (same size and
   * modification time, or else same content hash): `articles` is then empty
   * and the caller reuses the previous articles, with the stamps below.
   */
  reused: boolean;
  fileHash?: string;
  fileSize?: number;
  fileMtimeMs?: number;
}

function skip(relativePath: string, reason: string): FileOutcome {
  return { articles: [], skipped: [{ path: relativePath, reason }], reused: false };
}

/** What the previous articles of a file say about it, or undefined when they cannot be reused. */
export function previousFile(articles: Article[] | undefined): PreviousFile | undefined {
  if (!articles || articles.length === 0) return undefined;
  const [first] = articles;
  if (!articles.every((a) => a.fileHash === first.fileHash)) return undefined;
  return { fileHash: first.fileHash, fileSize: first.fileSize, fileMtimeMs: first.fileMtimeMs };
}

/**
 * Reads, decodes and extracts the articles of one corpus file. With what a
 * previous run read from it, an unchanged file is not read at all when its
 * size and modification time are the same (JSON Lines excepted: they are
 * parsed again to report their bad lines again), and not extracted again
 * when its content hash is.
 */
export async function readCorpusFile(root: string, relativePath: string, previous?: PreviousFile): Promise<FileOutcome> {
  return readWith(ASYNC_FILES, root, relativePath, previous);
}

/**
 * `readCorpusFile` with blocking file calls: for a worker thread that does
 * nothing else, they cost a fraction of the promise-based ones (one system
 * call each, no round trip through the thread pool).
 */
export function readCorpusFileSync(root: string, relativePath: string, previous?: PreviousFile): FileOutcome {
  return readWith(SYNC_FILES, root, relativePath, previous);
}

const ASYNC_FILES = { stat, read: (file: string) => readFile(file) };
const SYNC_FILES = { stat: statSync, read: (file: string) => readFileSync(file) };

function readWith(files: typeof ASYNC_FILES, root: string, relativePath: string, previous?: PreviousFile): Promise<FileOutcome>;
function readWith(files: typeof SYNC_FILES, root: string, relativePath: string, previous?: PreviousFile): FileOutcome;
function readWith(files: typeof ASYNC_FILES | typeof SYNC_FILES, root: string, relativePath: string, previous?: PreviousFile): FileOutcome | Promise<FileOutcome> {
  const extension = path.extname(relativePath).toLowerCase();
  const reader = FORMATS[extension];
  if (!reader) return settle(files, skip(relativePath, extension ? `unsupported extension ${extension}` : 'unsupported extension (none)'));
  const absolute = path.join(root, relativePath);
  const failed = (error: unknown) => skip(relativePath, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  const afterStat = (info: { size: number; mtimeMs: number }): FileOutcome | Promise<FileOutcome> => {
    const { size, mtimeMs } = info;
    if (previous && reader.format !== 'jsonl' && previous.fileSize === size && previous.fileMtimeMs === mtimeMs) {
      return { articles: [], skipped: [], reused: true, fileHash: previous.fileHash, fileSize: size, fileMtimeMs: mtimeMs };
    }
    if (size > MAX_FILE_BYTES) return skip(relativePath, `file too large (${Math.round(size / 1048576)} MB)`);
    if (files === SYNC_FILES) {
      let bytes: Buffer;
      try {
        bytes = SYNC_FILES.read(absolute);
      } catch (error) {
        return failed(error);
      }
      return outcomeOfBytes(reader, relativePath, bytes, mtimeMs, previous);
    }
    return ASYNC_FILES.read(absolute).then((bytes) => outcomeOfBytes(reader, relativePath, bytes, mtimeMs, previous), failed);
  };
  if (files === SYNC_FILES) {
    let info;
    try {
      info = SYNC_FILES.stat(absolute);
    } catch (error) {
      return failed(error);
    }
    return afterStat(info);
  }
  return ASYNC_FILES.stat(absolute).then(afterStat, failed);
}

function settle(files: typeof ASYNC_FILES | typeof SYNC_FILES, outcome: FileOutcome): FileOutcome | Promise<FileOutcome> {
  return files === SYNC_FILES ? outcome : Promise.resolve(outcome);
}

/** Decodes and extracts the articles of a file's bytes (or finds them unchanged since the previous run). */
function outcomeOfBytes(reader: (typeof FORMATS)[string], relativePath: string, bytes: Buffer, fileMtimeMs: number, previous: PreviousFile | undefined): FileOutcome {
  if (bytes.length === 0) return skip(relativePath, 'empty file');

  const fileHash = createHash('sha1').update(bytes).digest('hex');
  const reuse = previous !== undefined && previous.fileHash === fileHash;
  const stamps = { fileHash, fileSize: bytes.length, fileMtimeMs };
  if (reuse && reader.format !== 'jsonl') return { articles: [], skipped: [], reused: true, ...stamps };

  const decoded = decodeBytes(bytes);
  if (!decoded) return skip(relativePath, 'binary file');
  if (decoded.text.trim() === '') return skip(relativePath, 'empty file');

  const output = reader.read(decoded.text, relativePath);
  const skipped = output.problems.map((reason) => ({ path: relativePath, reason }));
  // JSON Lines are parsed again even when unchanged, only to report their bad lines again.
  if (reuse) return { articles: [], skipped, reused: true, ...stamps };
  if (output.documents.length === 0 && skipped.length === 0) return skip(relativePath, 'empty file');

  const articles: Article[] = [];
  for (const document of output.documents) {
    try {
      const article = articleFromText({ id: document.id, path: relativePath, format: reader.format, text: document.text, fileHash, given: document.given });
      article.fileSize = stamps.fileSize;
      article.fileMtimeMs = fileMtimeMs;
      if (article.text === '') skipped.push({ path: relativePath, reason: output.documents.length > 1 ? `${document.id}: no article text` : 'no article text' });
      else articles.push(article);
    } catch (error) {
      skipped.push({ path: relativePath, reason: `cannot extract ${document.id}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { articles, skipped, reused: false, ...stamps };
}

/** The articles of a file outcome: its own, or the previous ones (stamped anew) when it was reused. */
export function outcomeArticles(outcome: FileOutcome, previous: Article[] | undefined): Article[] {
  if (!outcome.reused) return outcome.articles;
  return (previous ?? []).map((a) =>
    a.fileSize === outcome.fileSize && a.fileMtimeMs === outcome.fileMtimeMs ? a : { ...a, fileSize: outcome.fileSize, fileMtimeMs: outcome.fileMtimeMs },
  );
}

/** Runs `work` over the items with at most `limit` in flight; results keep the items' order. */
async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>, onDone: () => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
      onDone();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Reads every article of a corpus folder, recursively. One bad file never
 * stops the run: it is listed in `skipped` with the reason. Throws
 * CorpusError when the folder is missing or is not a folder.
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<CorpusReadResult> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info) throw new CorpusError(`corpus folder not found: ${dir}`);
  if (!info.isDirectory()) throw new CorpusError(`corpus path is not a folder: ${dir}`);

  const listing = await listFiles(root);
  let done = 0;
  const previous = options.previous;
  const outcomes = await mapWithConcurrency(
    listing.files,
    CONCURRENCY,
    (relativePath) => readCorpusFile(root, relativePath, previousFile(previous?.get(relativePath))),
    () => options.onProgress?.(++done, listing.files.length),
  );
  return assembleCorpus(
    listing,
    outcomes.map((outcome, k) => outcomeArticles(outcome, previous?.get(listing.files[k]))),
    outcomes.map((outcome) => outcome.skipped),
  );
}

/**
 * The corpus from the articles and skipped parts of each listed file, in
 * listing order: ids made unique (the first file wins) and speaker
 * spellings unified across the corpus.
 */
export function assembleCorpus(listing: FolderListing, articlesByFile: Article[][], skippedByFile: SkippedFile[][]): CorpusReadResult {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [...listing.unreadable];
  const pathOfId = new Map<string, string>();
  for (let k = 0; k < articlesByFile.length; k++) {
    skipped.push(...skippedByFile[k]);
    for (const article of articlesByFile[k]) {
      const firstPath = pathOfId.get(article.id);
      if (firstPath !== undefined) {
        skipped.push({ path: article.path, reason: `duplicate id ${article.id} (already used by ${firstPath})` });
        continue;
      }
      pathOfId.set(article.id, article.path);
      articles.push(article);
    }
  }

  const spell = speakerSpelling(articles.map((a) => a.speakers));
  const speakers = articles.map((a) => [...new Set(a.speakers.map(spell))]);
  return {
    articles: articles.map((article, i) => {
      // a quotation's speaker is spelled as the article's speakers are, across the corpus
      const quotes = article.quotes.some((q) => q.speaker !== null && spell(q.speaker) !== q.speaker)
        ? article.quotes.map((q) => (q.speaker === null ? q : { ...q, speaker: spell(q.speaker) }))
        : article.quotes;
      return sameList(article.speakers, speakers[i]) && quotes === article.quotes ? article : { ...article, speakers: speakers[i], quotes };
    }),
    skipped,
    filesSeen: listing.files.length,
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
