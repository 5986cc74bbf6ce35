import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ANALYZER_VERSION } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import { BUILDS } from './build-folder.js';
import { readAll } from './chunked-ints.js';
import { articleOfLine } from './stored-quotes.js';
import { readCurrentManifest } from './store.js';
import { INDEX_FORMAT_VERSION } from './types.js';

/**
 * The articles of the build in service, for an incremental run to reuse,
 * without their texts in memory: each article's `text` is read from its
 * line of the build's documents.jsonl when asked for (once, when a reused
 * file's articles are analysed). The build read stays on disk for the whole
 * run: it is pruned only after the next build is in service.
 */
export interface PreviousArticles {
  articles: Article[];
  /** Closes the documents file. */
  close(): void;
}

const NONE: PreviousArticles = { articles: [], close: () => {} };

/** The articles of the build in service, texts left on disk; none when there is no usable build, or its documents fail their checksum. */
export async function readPreviousArticles(dir: string): Promise<PreviousArticles> {
  const manifest = await readCurrentManifest(dir).catch(() => null);
  if (!manifest || manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) return NONE;
  const expected = manifest.files?.['documents.jsonl'];
  if (!expected) return NONE;
  const file = path.join(dir, BUILDS, manifest.buildId, 'documents.jsonl');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return NONE;
  }
  try {
    const articles: Article[] = [];
    const hash = createHash('sha256');
    let bytes = 0;
    let offset = 0;
    const input = createReadStream(file);
    input.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    });
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      const length = Buffer.byteLength(line);
      // Quotations given their words while the text is at hand (articleOfLine)
      if (line) articles.push(lazyText(articleOfLine(line), fd, offset, length));
      offset += length + 1;
    }
    // A damaged file must not pass its articles on to the next build.
    if (bytes !== expected.bytes || hash.digest('hex') !== expected.sha256) throw new Error('documents.jsonl fails its checksum');
    return { articles, close: () => closeSync(fd) };
  } catch {
    closeSync(fd);
    return NONE;
  }
}

/** The article with its text replaced by a getter that reads it from its line. */
function lazyText(article: Article, fd: number, offset: number, length: number): Article {
  delete (article as Partial<Article>).text;
  Object.defineProperty(article, 'text', {
    enumerable: true,
    configurable: true,
    get() {
      const line = Buffer.allocUnsafe(length);
      readAll(fd, line, offset);
      return (JSON.parse(line.toString('utf8')) as Article).text;
    },
  });
  return article;
}
