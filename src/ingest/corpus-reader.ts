import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { articleFromText } from './article.js';
import { decodeBytes } from './decode.js';
import { listFiles } from './file-walker.js';
import { unifySpeakerSpellings } from './people/canonical-names.js';
import { readHtml } from './readers/html.js';
import { readJsonLines } from './readers/jsonl.js';
import { readMarkdown } from './readers/markdown.js';
import type { ReaderOutput } from './readers/reader.js';
import { readText } from './readers/txt.js';
import { CorpusError, type Article, type CorpusReadResult, type SkippedFile, type SourceFormat } from './types.js';

export interface ReadCorpusOptions {
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Articles of a previous run by file path: reused as they are when the file's hash has not changed. */
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

interface FileOutcome {
  articles: Article[];
  skipped: SkippedFile[];
}

function skip(relativePath: string, reason: string): FileOutcome {
  return { articles: [], skipped: [{ path: relativePath, reason }] };
}

async function readOneFile(root: string, relativePath: string, previous: Map<string, Article[]> | undefined): Promise<FileOutcome> {
  const extension = path.extname(relativePath).toLowerCase();
  const reader = FORMATS[extension];
  if (!reader) return skip(relativePath, extension ? `unsupported extension ${extension}` : 'unsupported extension (none)');

  const absolute = path.join(root, relativePath);
  let bytes: Buffer;
  try {
    const size = (await stat(absolute)).size;
    if (size > MAX_FILE_BYTES) return skip(relativePath, `file too large (${Math.round(size / 1048576)} MB)`);
    bytes = await readFile(absolute);
  } catch (error) {
    return skip(relativePath, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (bytes.length === 0) return skip(relativePath, 'empty file');

  const fileHash = createHash('sha1').update(bytes).digest('hex');
  const reusable = previous?.get(relativePath);
  const reuse = reusable !== undefined && reusable.length > 0 && reusable.every((a) => a.fileHash === fileHash);
  if (reuse && reader.format !== 'jsonl') return { articles: reusable, skipped: [] };

  const decoded = decodeBytes(bytes);
  if (!decoded) return skip(relativePath, 'binary file');
  if (decoded.text.trim() === '') return skip(relativePath, 'empty file');

  const output = reader.read(decoded.text, relativePath);
  const skipped = output.problems.map((reason) => ({ path: relativePath, reason }));
  // JSON Lines are parsed again even when unchanged, only to report their bad lines again.
  if (reuse) return { articles: reusable, skipped };
  if (output.documents.length === 0 && skipped.length === 0) return skip(relativePath, 'empty file');

  const articles: Article[] = [];
  for (const document of output.documents) {
    try {
      const article = articleFromText({ id: document.id, path: relativePath, format: reader.format, text: document.text, fileHash, given: document.given });
      if (article.text === '') skipped.push({ path: relativePath, reason: output.documents.length > 1 ? `${document.id}: no article text` : 'no article text' });
      else articles.push(article);
    } catch (error) {
      skipped.push({ path: relativePath, reason: `cannot extract ${document.id}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { articles, skipped };
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
  const outcomes = await mapWithConcurrency(
    listing.files,
    CONCURRENCY,
    (relativePath) => readOneFile(root, relativePath, options.previous),
    () => options.onProgress?.(++done, listing.files.length),
  );

  const articles: Article[] = [];
  const skipped: SkippedFile[] = [...listing.unreadable];
  const pathOfId = new Map<string, string>();
  for (const outcome of outcomes) {
    skipped.push(...outcome.skipped);
    for (const article of outcome.articles) {
      const firstPath = pathOfId.get(article.id);
      if (firstPath !== undefined) {
        skipped.push({ path: article.path, reason: `duplicate id ${article.id} (already used by ${firstPath})` });
        continue;
      }
      pathOfId.set(article.id, article.path);
      articles.push(article);
    }
  }

  const speakers = unifySpeakerSpellings(articles.map((a) => a.speakers));
  return {
    articles: articles.map((article, i) => (sameList(article.speakers, speakers[i]) ? article : { ...article, speakers: speakers[i] })),
    skipped,
    filesSeen: listing.files.length,
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
