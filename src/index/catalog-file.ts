import { open } from 'node:fs/promises';
import type { Article } from '../ingest/types.js';
import { CATALOG_FIELDS, type CatalogField } from './documents.js';
import { CatalogPacker } from './catalog-packer.js';
import type { PackedCatalog } from './packed-catalog.js';
import { WRITE_CHUNK } from './write-documents.js';

/* catalog.json of a build (documents.ts describes what it holds): its layout on disk, written and read in lines. */

/** The fields of catalog.json: every one of CATALOG_FIELDS but the quotations, which index.bin holds as columns of numbers (quotation-sections.ts). */
const CATALOG_COLUMNS = CATALOG_FIELDS.filter((field): field is Exclude<CatalogField, 'quotes'> => field !== 'quotes');

/** Articles per line of catalog.json: a line stays far below V8's largest string (about 512 MB) whatever the archive's size. */
export const CATALOG_BLOCK = 4096;

/**
 * Writes the catalog of the articles to `file` (fsynced), column by
 * column: a first line {"count": N, "fields": [...]}, then for each field
 * in that order its values by blocks of CATALOG_BLOCK articles, one JSON
 * array a line. Neither the whole catalog nor a whole column is ever one
 * string.
 */
export async function writeCatalog(file: string, articles: readonly Article[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let pending = JSON.stringify({ count: articles.length, fields: CATALOG_COLUMNS }) + '\n';
    for (const field of CATALOG_COLUMNS) {
      for (let from = 0; from < articles.length; from += CATALOG_BLOCK) {
        const to = Math.min(articles.length, from + CATALOG_BLOCK);
        const block = articles.slice(from, to).map((a) => a[field] ?? null);
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
  /** The article count of the first line; throws when the fields are not ours. */
  head(): number {
    const head = this.next() as { count?: unknown; fields?: unknown };
    const count = head.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || JSON.stringify(head.fields) !== JSON.stringify(CATALOG_COLUMNS)) throw new Error('catalog.json has another layout');
    return count;
  }
  /** The next line, a block of the values of articles from..from + CATALOG_BLOCK. */
  block(from: number, count: number): unknown[] {
    const block = this.next();
    if (!Array.isArray(block) || block.length !== Math.min(CATALOG_BLOCK, count - from)) throw new Error('catalog.json does not fit its count');
    return block;
  }
}

/**
 * The columns of a catalog.json written by `writeCatalog`, parsed line by
 * line from its bytes and packed (packed-catalog.ts) as they are read, in
 * SharedArrayBuffers when `shared` (for the threads of a server); throws
 * when they do not fit.
 */
export function parseCatalog(bytes: Buffer, { shared = false }: { shared?: boolean } = {}): PackedCatalog {
  const lines = new CatalogLines(bytes);
  const count = lines.head();
  const packer = new CatalogPacker(count, bytes.length, shared);
  for (const field of CATALOG_COLUMNS) {
    const column = packer.column(field);
    for (let from = 0; from < count; from += CATALOG_BLOCK) {
      const block = lines.block(from, count);
      for (let k = 0; k < block.length; k++) column.add(block[k]);
    }
  }
  if (lines.at !== bytes.length) throw new Error('catalog.json has more than its count');
  return packer.finish();
}
