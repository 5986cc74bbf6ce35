import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Article } from '../ingest/types.js';

/**
 * The articles of a saved build. `documents.jsonl` holds them whole, one a
 * line (for incremental reindexing, and for any tool that wants plain
 * articles); `catalog.json` holds everything but their texts, column by
 * column, and the byte offset of each line. A loaded index keeps the
 * catalog in memory and reads an article's text from its line on demand,
 * so the hundreds of megabytes of text of a large archive never sit in the
 * server's heap, and loading does not parse them.
 */

/** The Article fields kept in catalog.json: all but `text`, in the order an Article lists them. */
const CATALOG_FIELDS = ['id', 'title', 'date', 'source', 'url', 'speakers', 'organisations', 'format', 'path', 'fileHash', 'fileSize', 'fileMtimeMs'] as const;
type CatalogField = Exclude<keyof Article, 'text'>;
// A field added to Article and not to CATALOG_FIELDS fails to compile here, rather than be lost on save.
const EVERY_FIELD_KEPT: [Exclude<CatalogField, (typeof CATALOG_FIELDS)[number]>] extends [never] ? true : never = true;
void EVERY_FIELD_KEPT;
/** The optional ones: left out of an article rather than null. */
const OPTIONAL_FIELDS: ReadonlySet<CatalogField> = new Set(['fileSize', 'fileMtimeMs']);

/** The columns of catalog.json: one array per Article field but `text`, by article number (null for an optional field left out). */
export type Catalog = { [K in CatalogField]-?: (Exclude<Article[K], undefined> | null)[] };

const WRITE_CHUNK = 4 * 1024 * 1024;

/**
 * Writes the articles as JSON Lines to `file` (fsynced), in chunks (the
 * whole file may be larger than a JavaScript string can be), and returns
 * their catalog and the byte offset of each line (plus the end).
 */
export async function writeDocuments(file: string, articles: readonly Article[]): Promise<{ catalog: Catalog; offsets: Float64Array }> {
  const catalog = Object.fromEntries(CATALOG_FIELDS.map((field) => [field, []])) as unknown as Catalog;
  const columns = CATALOG_FIELDS.map((field) => [field, catalog[field] as unknown[]] as const);
  const offsets = new Float64Array(articles.length + 1);
  const handle = await open(file, 'w');
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    let offset = 0;
    for (let n = 0; n < articles.length; n++) {
      const a = articles[n];
      const line = JSON.stringify(a) + '\n';
      offsets[n] = offset;
      offset += Buffer.byteLength(line);
      pending.push(line);
      pendingLength += line.length;
      if (pendingLength >= WRITE_CHUNK) {
        await handle.write(pending.join(''));
        pending = [];
        pendingLength = 0;
      }
      for (const [field, column] of columns) column.push(a[field] ?? null);
    }
    offsets[articles.length] = offset;
    if (pending.length > 0) await handle.write(pending.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { catalog, offsets };
}

/** Reads article texts from the lines of a documents.jsonl, by article number. */
class TextSource {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(64 * 1024);
  constructor(
    readonly file: string,
    private readonly offsets: Float64Array,
  ) {
    this.fd = openSync(file, 'r');
    TEXT_SOURCES.register(this, this.fd);
  }

  text(n: number): string {
    const start = this.offsets[n];
    const length = this.offsets[n + 1] - start;
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const got = readSync(this.fd, this.buffer, read, length - read, start + read);
      if (got === 0) throw new Error(`documents file ${this.file} is shorter than its catalog says`);
      read += got;
    }
    return (JSON.parse(this.buffer.toString('utf8', 0, length)) as Article).text;
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

/** An article of a loaded build: every field in memory but `text`, read from disk when asked for. */
// The Article fields, declared once, by Article itself.
interface StoredArticle extends Article {}
class StoredArticle {
  readonly #source: TextSource;
  readonly #n: number;

  constructor(catalog: Catalog, n: number, texts: TextSource) {
    this.#source = texts;
    this.#n = n;
    const fields = this as unknown as Record<string, unknown>;
    for (const field of CATALOG_FIELDS) {
      const value = catalog[field][n];
      // An optional field left out stays absent, as in the article saved.
      if (value !== null || !OPTIONAL_FIELDS.has(field)) fields[field] = value;
      // An own enumerable property, so that spreading, JSON and comparisons see the text like any other field.
      if (field === 'organisations') Object.defineProperty(this, 'text', TEXT_PROPERTY);
    }
  }

  static textOf(article: StoredArticle): string {
    return article.#source.text(article.#n);
  }
}

const TEXT_PROPERTY: PropertyDescriptor = {
  get(this: StoredArticle) {
    return StoredArticle.textOf(this);
  },
  enumerable: true,
  configurable: false,
};

/** The articles of a saved build, texts read on demand from `file`. Throws when the file does not match the offsets. */
export function storedArticles(file: string, catalog: Catalog, offsets: Float64Array, fileSize: number): Article[] {
  const count = catalog.id.length;
  if (offsets.length !== count + 1 || offsets[count] !== fileSize) throw new Error('documents file does not match its catalog');
  const texts = new TextSource(file, offsets);
  const documents: Article[] = new Array(count);
  for (let n = 0; n < count; n++) documents[n] = new StoredArticle(catalog, n, texts) as Article;
  return documents;
}
