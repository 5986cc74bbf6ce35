import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { Article, Quote } from '../ingest/types.js';
import type { QuotationSpan } from './quotation-record.js';
import type { PackedQuotes, PackedQuotesColumn } from './shared-quotes.js';
import { lazyArray } from './lazy-array.js';
import type { CatalogReader, CatalogValues } from './packed-catalog.js';
import { outlineOfQuotes, quoteOf, quotesCarryWords, type QuoteOutline, type StoredQuote } from './stored-quotes.js';

/**
 * The articles of a saved build, as a loaded index reads them (they are
 * written by write-documents.ts and catalog-file.ts). `documents.jsonl` holds them whole, one a
 * line (for incremental reindexing, and for any tool that wants plain
 * articles); `catalog.json` holds everything but their texts, column by
 * column, and the byte offset of each line. A loaded index keeps the
 * catalog in memory and reads an article's text from its line on demand,
 * so the hundreds of megabytes of text of a large archive never sit in the
 * server's heap, and loading does not parse them. A read fetches at most
 * TEXT_WINDOW bytes of a text (a huge article is shown and searched in its
 * beginning) and checks them against the CRC-32 the writer recorded, so a
 * file cut short or changed while served raises IndexReadError rather than
 * serve wrong text.
 */

/** The Article fields kept in catalog.json: all but `text`, in the order an Article lists them. */
export const CATALOG_FIELDS = ['id', 'title', 'date', 'source', 'url', 'speakers', 'organisations', 'quotes', 'format', 'path', 'fileHash', 'fileSize', 'fileMtimeMs'] as const;
export type CatalogField = Exclude<keyof Article, 'text'>;
// A field added to Article and not to CATALOG_FIELDS fails to compile here, rather than be lost on save.
const EVERY_FIELD_KEPT: [Exclude<CatalogField, (typeof CATALOG_FIELDS)[number]>] extends [never] ? true : never = true;
void EVERY_FIELD_KEPT;

/**
 * Bytes of an article's text (as JSON-encoded in its line) read for a page,
 * a snippet or the API: an article of hundreds of megabytes is shown and
 * searched in its first TEXT_WINDOW bytes, never read whole on a request.
 */
export const TEXT_WINDOW = 256 * 1024;

/** Where each article's text lies in documents.jsonl, and a check of the bytes a read fetches. */
export interface TextLayout {
  /** Byte offset of each line, plus the end of the file. */
  offsets: Float64Array;
  /** Byte offset of each text's opening quote. */
  textStarts: Float64Array;
  /** Bytes of each JSON-encoded text, quotes included. */
  textBytes: Float64Array;
  /** CRC-32 of each text's first min(textBytes, TEXT_WINDOW) bytes: what a read fetches, checked on every read. */
  textChecks: Int32Array;
}

/** Raised when documents.jsonl no longer holds what the build wrote (cut short or changed while served). */
export class IndexReadError extends Error {
  override name = 'IndexReadError';
}

/** The JSON string of a text cut at a byte, closed so that it parses: the cut falls between characters and escapes. */
function parseCutText(bytes: Buffer): string {
  let end = bytes.length;
  // Back off UTF-8 continuation bytes and the lead byte of a character cut short.
  if (end > 0 && bytes[end - 1] >= 0x80) {
    while (end > 0 && (bytes[end - 1] & 0xc0) === 0x80) end--;
    if (end > 0) end--;
  }
  const json = bytes.toString('utf8', 0, end);
  // An escape cut short (\ or \u00) is at most 5 characters long.
  for (let drop = 0; drop <= 6 && drop < json.length; drop++) {
    try {
      return JSON.parse(json.slice(0, json.length - drop) + '"') as string;
    } catch {
      // Cut inside an escape: back off one more character.
    }
  }
  throw new Error('unreadable text');
}

/** Reads article texts from documents.jsonl, by article number, in at most TEXT_WINDOW bytes, each read checked. */
class TextSource {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(64 * 1024);
  constructor(
    readonly file: string,
    private readonly layout: TextLayout,
  ) {
    this.fd = openSync(file, 'r');
    TEXT_SOURCES.register(this, this.fd);
  }

  /** Throws IndexReadError when the file no longer has the size it was built with (cut short or grown while served). */
  checkSize(): void {
    const expected = this.layout.offsets[this.layout.offsets.length - 1];
    const { size } = fstatSync(this.fd);
    if (size !== expected) throw new IndexReadError(`${this.file} has ${size} bytes instead of ${expected}`);
  }

  /** True when article n's text is longer than what a read returns. */
  cut(n: number): boolean {
    return this.layout.textBytes[n] > TEXT_WINDOW;
  }

  /** Total bytes of article n's JSON-encoded text. */
  bytes(n: number): number {
    return this.layout.textBytes[n];
  }

  text(n: number): string {
    const start = this.layout.textStarts[n];
    const length = Math.min(this.layout.textBytes[n], TEXT_WINDOW);
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const got = readSync(this.fd, this.buffer, read, length - read, start + read);
      if (got === 0) throw new IndexReadError(`${this.file} is shorter than its build says (article ${n})`);
      read += got;
    }
    const bytes = this.buffer.subarray(0, length);
    if ((crc32(bytes) | 0) !== this.layout.textChecks[n]) throw new IndexReadError(`${this.file} changed since it was built (article ${n} fails its check)`);
    try {
      return length === this.layout.textBytes[n] ? (JSON.parse(bytes.toString('utf8')) as string) : parseCutText(bytes);
    } catch {
      throw new IndexReadError(`${this.file} holds an unreadable text (article ${n})`);
    }
  }
}

/** Closes the file of a TextSource once no loaded index refers to it any more. */
const TEXT_SOURCES = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** An article of a loaded build, made from the packed catalog when asked for (storedArticles): every field in memory but `text`, read from disk when asked for. */
// The Article fields, declared once, by Article itself.
export interface StoredArticle extends Article {}
export class StoredArticle {
  readonly #source: TextSource;
  readonly #n: number;
  readonly #quotes: PackedQuotesColumn;

  constructor(values: CatalogValues, n: number, texts: TextSource, quotes: PackedQuotesColumn) {
    this.#source = texts;
    this.#n = n;
    this.#quotes = quotes;
    const fields = this as unknown as Record<string, unknown>;
    const given = values as unknown as Record<string, unknown>;
    for (const field of CATALOG_FIELDS) {
      if (field === 'quotes') {
        Object.defineProperty(this, 'quotes', QUOTES_PROPERTY);
        continue;
      }
      // An optional field left out stays absent, as in the article saved.
      if (field in given) fields[field] = given[field];
      // An own enumerable property, so that spreading, JSON and comparisons see the text like any other field.
      if (field === 'organisations') Object.defineProperty(this, 'text', TEXT_PROPERTY);
    }
  }

  /** The quotations as stored (their place, not their words). */
  static storedQuotesOf(article: StoredArticle): StoredQuote[] {
    return article.#quotes.at(article.#n)!;
  }

  static outlinesOf(article: StoredArticle): QuoteOutline[] {
    return article.#quotes.outlines(article.#n);
  }

  static textOf(article: StoredArticle): string {
    return article.#source.text(article.#n);
  }

  static cutOf(article: StoredArticle): { shownBytes: number; totalBytes: number } | null {
    const source = article.#source;
    return source.cut(article.#n) ? { shownBytes: TEXT_WINDOW, totalBytes: source.bytes(article.#n) } : null;
  }
}

/** Quotations given their words from the text, read when asked for (a page's few articles); a search reads their outlines (quoteOutlines). */
const QUOTES_PROPERTY: PropertyDescriptor = {
  get(this: StoredArticle): Quote[] {
    const stored = StoredArticle.storedQuotesOf(this);
    if (stored.length === 0) return [];
    const text = quotesCarryWords(stored) ? '' : StoredArticle.textOf(this);
    return stored.map((q) => quoteOf(q, text));
  },
  enumerable: true,
  configurable: false,
};

/** The quotations of an article whose text is `text` (already read): a loaded article's are given their words from it, without reading it again. */
export function quotationsOf(article: Article, text: string): Quote[] {
  return article instanceof StoredArticle ? StoredArticle.storedQuotesOf(article).map((q) => quoteOf(q, text)) : article.quotes;
}

/** The quotations of an article as its analysis needs them: a loaded article's stored without words are spans of its text, and are not given their words only to be compared with it again. */
export function quotationSpansOf(article: Article): readonly QuotationSpan[] {
  return article instanceof StoredArticle ? StoredArticle.storedQuotesOf(article).map((q) => ({ start: q[0], end: q[1], text: q.length === 6 ? q[5] : null })) : article.quotes;
}

/**
 * The quotations of every article of a loaded build, as the columns it
 * holds them in (shared-quotes.ts), so that a table over all of them is
 * made without an object per quotation; null for articles held in memory.
 */
export function packedQuotesOf(documents: readonly Article[]): PackedQuotes | null {
  return storedColumnsOf(documents)?.quotes.packed ?? null;
}

/** What a search needs of an article's quotations (speaker, kind, place, positions), without reading its text. */
export function quoteOutlines(article: Article): QuoteOutline[] {
  return article instanceof StoredArticle ? StoredArticle.outlinesOf(article) : outlineOfQuotes(article.quotes);
}

const TEXT_PROPERTY: PropertyDescriptor = {
  get(this: StoredArticle) {
    return StoredArticle.textOf(this);
  },
  enumerable: true,
  configurable: false,
};

/** Articles made again from the catalog and kept, at most, for the reads that follow (lazy-array.ts). */
const RECENT_ARTICLES = 1024;

/** What a loaded build's article array reads its articles from, under the key STORED. */
interface StoredColumns {
  catalog: CatalogReader;
  texts: TextSource;
  quotes: PackedQuotesColumn;
}
const STORED = Symbol('stored columns');
const storedColumnsOf = (documents: readonly Article[]): StoredColumns | undefined => (documents as unknown as Record<symbol, StoredColumns | undefined>)[STORED];

/**
 * The articles of a saved build, texts read on demand from `file`, as an
 * array that makes each article from the packed catalog when it is read
 * (lazy-array.ts): no object per article is held, a search reads the few it
 * shows. Throws when the file or the quotations do not match the catalog.
 */
export function storedArticles(file: string, catalog: CatalogReader, quotes: PackedQuotesColumn, layout: TextLayout, fileSize: number): Article[] {
  const count = catalog.count;
  const { offsets, textStarts, textBytes, textChecks } = layout;
  if (offsets.length !== count + 1 || offsets[count] !== fileSize || textStarts.length !== count || textBytes.length !== count || textChecks.length !== count) {
    throw new Error('documents file does not match its catalog');
  }
  if (quotes.length !== count) throw new Error('index.bin quotations do not fit the catalog');
  const texts = new TextSource(file, layout);
  const columns: StoredColumns = { catalog, texts, quotes };
  return lazyArray<Article, StoredColumns>(count, (n) => new StoredArticle(catalog.values(n), n, texts, quotes), RECENT_ARTICLES, STORED, columns);
}

/** The packed catalog a loaded build's articles are made from (a table over every article reads it without making them); null for articles held in memory. */
export function catalogOf(documents: readonly Article[]): CatalogReader | null {
  return storedColumnsOf(documents)?.catalog ?? null;
}

/**
 * When an article of a loaded build is longer than what is read of it (its
 * text then holds its first TEXT_WINDOW bytes), the size of its whole text in
 * bytes; null for a whole text or an article held in memory.
 */
export function textCut(article: Article): { shownBytes: number; totalBytes: number } | null {
  return article instanceof StoredArticle ? StoredArticle.cutOf(article) : null;
}

/**
 * Throws IndexReadError when the documents file of loaded articles no longer
 * has its size (a cheap check for health probes: one fstat, no read).
 * Articles held in memory have nothing to check.
 */
export function checkDocumentsFile(documents: readonly Article[]): void {
  storedColumnsOf(documents)?.texts.checkSize();
}
