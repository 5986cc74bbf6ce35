import { open } from 'node:fs/promises';
import type { Article } from '../ingest/types.js';
import { CATALOG_FIELDS, type Catalog, type CatalogField } from './documents.js';
import { WRITE_CHUNK } from './write-documents.js';
import { PackedQuotesColumn, QuotesPacker, type PackedQuotes } from './shared-quotes.js';
import type { StoredQuote } from './stored-quotes.js';

/** catalog.json of a build (documents.ts describes what it holds): its layout on disk, written and read in lines. */
/** Articles per line of catalog.json: a line stays far below V8's largest string (about 512 MB) whatever the archive's size. */
export const CATALOG_BLOCK = 4096;

/**
 * Writes the catalog of the articles to `file` (fsynced), column by
 * column: a first line {"count": N, "fields": [...]}, then for each field
 * in that order its values by blocks of CATALOG_BLOCK articles, one JSON
 * array a line. Neither the whole catalog nor a whole column is ever one
 * string (the quotations column alone passes 1 GB at a million articles).
 * Quotations are written by their place (`quotes`, by article number, as
 * writeDocuments gives them; stored-quotes.ts).
 */
export async function writeCatalog(file: string, articles: readonly Article[], quotes: (n: number) => StoredQuote[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let pending = JSON.stringify({ count: articles.length, fields: CATALOG_FIELDS }) + '\n';
    for (const field of CATALOG_FIELDS) {
      for (let from = 0; from < articles.length; from += CATALOG_BLOCK) {
        const to = Math.min(articles.length, from + CATALOG_BLOCK);
        const block = field === 'quotes' ? Array.from({ length: to - from }, (_, k) => quotes(from + k)) : articles.slice(from, to).map((a) => a[field] ?? null);
        pending += JSON.stringify(block) + '\n';
        if (pending.length >= WRITE_CHUNK) {
          await handle.write(pending);
          pending = '';
        }
      }
    }
    await handle.write(pending);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads catalog.json's lines in order, from its bytes. */
class CatalogLines {
  at = 0;
  constructor(private readonly bytes: Buffer) {}
  next(): unknown {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end === -1) throw new Error('catalog.json is cut short');
    const line = this.bytes.toString('utf8', this.at, end);
    this.at = end + 1;
    return JSON.parse(line);
  }
  skip(): void {
    this.at = this.bytes.indexOf(0x0a, this.at) + 1;
    if (this.at === 0) throw new Error('catalog.json is cut short');
  }
  /** The next line, a block of quotations, added to `packer` as it is scanned. */
  quotesBlock(packer: QuotesPacker, from: number, count: number): void {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end === -1) throw new Error('catalog.json is cut short');
    const lists = packer.addLine(this.bytes, this.at, end);
    this.at = end + 1;
    if (lists !== Math.min(CATALOG_BLOCK, count - from)) throw new Error('catalog.json does not fit its count');
  }
  /** The article count of the first line; throws when the fields are not ours. */
  head(): number {
    const head = this.next() as { count?: unknown; fields?: unknown };
    const count = head.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || JSON.stringify(head.fields) !== JSON.stringify(CATALOG_FIELDS)) throw new Error('catalog.json has another layout');
    return count;
  }
  /** The next line, a block of the values of articles from..from + CATALOG_BLOCK. */
  block(from: number, count: number): unknown[] {
    const block = this.next();
    if (!Array.isArray(block) || block.length !== Math.min(CATALOG_BLOCK, count - from)) throw new Error('catalog.json does not fit its count');
    return block;
  }
}

/** The quotations lines of `lines` (at them), packed into columns (shared-quotes.ts). */
function packQuotesLines(lines: CatalogLines, count: number, shared: boolean): PackedQuotes {
  const packer = new QuotesPacker();
  for (let from = 0; from < count; from += CATALOG_BLOCK) lines.quotesBlock(packer, from, count);
  return packer.finish(shared);
}

/**
 * The columns of a catalog.json written by `writeCatalog`, parsed line by
 * line from its bytes; throws when they do not fit. `quotes`: the
 * quotations column read elsewhere (shared-build.ts), its lines skipped.
 */
export function parseCatalog(bytes: Buffer, quotes?: PackedQuotes): Catalog {
  const lines = new CatalogLines(bytes);
  const count = lines.head();
  const catalog = {} as Record<CatalogField, unknown>;
  for (const field of CATALOG_FIELDS) {
    if (field === 'quotes') {
      if (quotes) for (let from = 0; from < count; from += CATALOG_BLOCK) lines.skip();
      const column = new PackedQuotesColumn(quotes ?? packQuotesLines(lines, count, false));
      if (column.length !== count) throw new Error('catalog.json quotations do not fit its count');
      catalog.quotes = column;
      continue;
    }
    const column: unknown[] = new Array(count);
    for (let from = 0; from < count; from += CATALOG_BLOCK) {
      const block = lines.block(from, count);
      for (let k = 0; k < block.length; k++) column[from + k] = block[k];
    }
    catalog[field] = column;
  }
  if (lines.at !== bytes.length) throw new Error('catalog.json has more than its count');
  return catalog as unknown as Catalog;
}

/** The quotations column of a catalog.json's bytes, packed in SharedArrayBuffers for the threads serving it; throws when it does not fit. */
export function packCatalogQuotes(bytes: Buffer): PackedQuotes {
  const lines = new CatalogLines(bytes);
  const count = lines.head();
  const before = CATALOG_FIELDS.indexOf('quotes') * Math.ceil(count / CATALOG_BLOCK);
  for (let k = 0; k < before; k++) lines.skip();
  return packQuotesLines(lines, count, true);
}
