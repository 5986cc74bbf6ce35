import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { articleFromText } from './article.js';
import { decodeBytes } from './decode.js';
import { assembleCorpus } from './assemble-corpus.js';
import { cutAtLineBreak, cutNotice, DEFAULT_MAX_FILE_BYTES, readHead, readHeadSync, type ReadLimits } from './file-head.js';
import { isInside, listFiles } from './file-walker.js';
import { readHtml } from './readers/html.js';
import { readJsonLines } from './readers/jsonl.js';
import { readMarkdown } from './readers/markdown.js';
import type { ReaderOutput } from './readers/reader.js';
import { readText } from './readers/txt.js';
import { CorpusError, type Article, type CorpusReadResult, type SkippedFile, type SourceFormat } from './types.js';

export { assembleCorpus } from './assemble-corpus.js';
export { DEFAULT_MAX_FILE_BYTES, type ReadLimits } from './file-head.js';

export interface ReadCorpusOptions extends ReadLimits {
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
 * when its content hash is. The file is read only when its real path is a
 * regular file inside the corpus, and only its first `maxFileBytes` bytes.
 */
export async function readCorpusFile(root: string, relativePath: string, previous?: PreviousFile, limits: ReadLimits = {}): Promise<FileOutcome> {
  const located = locate(root, relativePath);
  if (typeof located === 'string') return skip(relativePath, located);
  let info: { size: number; mtimeMs: number; isFile(): boolean };
  try {
    info = await stat(located.real);
  } catch (error) {
    return cannotRead(relativePath, error);
  }
  const decided = beforeReading(located, relativePath, info, previous, limits);
  if (!('read' in decided)) return decided;
  let bytes: Buffer;
  try {
    bytes = await readHead(located.real, info.size, decided.read);
  } catch (error) {
    return cannotRead(relativePath, error);
  }
  return outcomeOfBytes(located.reader, relativePath, bytes, info, decided.read, previous, limits.onArticle);
}

/**
 * `readCorpusFile` with blocking file calls: for a worker thread that does
 * nothing else, they cost a fraction of the promise-based ones (one system
 * call each, no round trip through the thread pool).
 */
export function readCorpusFileSync(root: string, relativePath: string, previous?: PreviousFile, limits: ReadLimits = {}): FileOutcome {
  const located = locate(root, relativePath);
  if (typeof located === 'string') return skip(relativePath, located);
  let info: { size: number; mtimeMs: number; isFile(): boolean };
  let bytes: Buffer;
  try {
    info = statSync(located.real);
    const decided = beforeReading(located, relativePath, info, previous, limits);
    if (!('read' in decided)) return decided;
    bytes = readHeadSync(located.real, info.size, decided.read);
    return outcomeOfBytes(located.reader, relativePath, bytes, info, decided.read, previous, limits.onArticle);
  } catch (error) {
    return cannotRead(relativePath, error);
  }
}

const realRoots = new Map<string, string>();

/** The reader of a file and its real path, or why it is not read: its extension, or a real path outside the corpus (a link changed since the listing, or a caller's path). */
function locate(root: string, relativePath: string): { reader: (typeof FORMATS)[string]; real: string } | string {
  const extension = path.extname(relativePath).toLowerCase();
  const reader = FORMATS[extension];
  if (!reader) return extension ? `unsupported extension ${extension}` : 'unsupported extension (none)';
  try {
    let realRoot = realRoots.get(root);
    if (realRoot === undefined) realRoots.set(root, (realRoot = realpathSync.native(root)));
    const real = realpathSync.native(path.join(root, relativePath));
    if (!isInside(realRoot, real)) return 'its real path is outside the corpus: not read';
    return { reader, real };
  } catch (error) {
    return `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

function cannotRead(relativePath: string, error: unknown): FileOutcome {
  return skip(relativePath, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}

/** Reuse by size and time, or how many bytes to read. */
function beforeReading(
  located: { reader: (typeof FORMATS)[string] },
  relativePath: string,
  info: { size: number; mtimeMs: number; isFile(): boolean },
  previous: PreviousFile | undefined,
  limits: ReadLimits,
): FileOutcome | { read: number } {
  if (!info.isFile()) return skip(relativePath, 'not a regular file');
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { size, mtimeMs } = info;
  if (previous && located.reader.format !== 'jsonl' && previous.fileSize === size && previous.fileMtimeMs === mtimeMs) {
    return { articles: [], skipped: size > max ? [cutNotice(relativePath, size, max)] : [], reused: true, fileHash: previous.fileHash, fileSize: size, fileMtimeMs: mtimeMs };
  }
  return { read: Math.min(size, max) };
}

/** Decodes and extracts the articles of a file's bytes (or finds them unchanged since the previous run). An error in a reader is this file's skip reason. */
function outcomeOfBytes(
  reader: (typeof FORMATS)[string],
  relativePath: string,
  bytes: Buffer,
  info: { size: number; mtimeMs: number },
  readBytes: number,
  previous: PreviousFile | undefined,
  onArticle?: () => void,
): FileOutcome {
  if (bytes.length === 0) return skip(relativePath, 'empty file');
  const cut = readBytes < info.size;

  const fileHash = createHash('sha1').update(bytes).digest('hex');
  const reuse = previous !== undefined && previous.fileHash === fileHash;
  const fileMtimeMs = info.mtimeMs;
  const stamps = { fileHash, fileSize: info.size, fileMtimeMs };
  const notices: SkippedFile[] = cut ? [cutNotice(relativePath, info.size, readBytes)] : [];
  if (reuse && reader.format !== 'jsonl') return { articles: [], skipped: notices, reused: true, ...stamps };

  let output: ReaderOutput;
  try {
    const decoded = decodeBytes(bytes);
    if (!decoded) return skip(relativePath, 'binary file');
    const text = cut ? cutAtLineBreak(decoded.text) : decoded.text;
    if (text.trim() === '') return skip(relativePath, 'empty file');
    output = reader.read(text, relativePath);
  } catch (error) {
    return skip(relativePath, `cannot read this ${reader.format} file: ${oneLine(error)}`);
  }
  const skipped = [...notices, ...output.problems.map((reason) => ({ path: relativePath, reason }))];
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
      skipped.push({ path: relativePath, reason: `cannot extract ${document.id}: ${oneLine(error)}` });
    }
    onArticle?.();
  }
  return { articles, skipped, reused: false, ...stamps };
}

/** Reads a short text of each format once, so that a thread's first file does not pay for loading lexicons and compiling code. */
export function warmUp(): void {
  const text = 'Le ministre Jean Exemple a déclaré le 3 mars 2023 à Paris que l’ONU serait consultée, selon l’AFP.';
  for (const [extension, content] of [
    ['.txt', text],
    ['.md', `---\ntitle: Essai\n---\n# Essai\n\n**${text}**`],
    ['.html', `<html><head><title>Essai | Site</title></head><body><article><h1>Essai</h1><p>${text}</p></article></body></html>`],
    ['.jsonl', JSON.stringify({ id: 'essai', text })],
  ]) {
    const reader = FORMATS[extension];
    for (const document of reader.read(content, `warm-up${extension}`).documents) {
      articleFromText({ id: document.id, path: `warm-up${extension}`, format: reader.format, text: document.text, fileHash: '0'.repeat(40), given: document.given });
    }
  }
}

/** An error as one line, without its stack. */
function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
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
    (relativePath) => readCorpusFile(root, relativePath, previousFile(previous?.get(relativePath)), options),
    () => options.onProgress?.(++done, listing.files.length),
  );
  return assembleCorpus(
    listing,
    outcomes.map((outcome, k) => outcomeArticles(outcome, previous?.get(listing.files[k]))),
    outcomes.map((outcome) => outcome.skipped),
  );
}

