import { open } from 'node:fs/promises';
import type { Article } from '../ingest/types.js';
import { CATALOG_FIELDS, type Catalog, type CatalogField } from './documents.js';
import { WRITE_CHUNK } from './write-documents.js';
import type { QuotesColumn } from './stored-quotes.js';
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

/** The columns of a catalog.json written by `writeCatalog`, parsed line by line from its bytes; throws when they do not fit. `quotes`: the quotations column read elsewhere (shared-quotes.ts), its lines skipped. */
export function parseCatalog(bytes: Buffer, quotes?: QuotesColumn): Catalog {
  let at = 0;
  const nextLine = (): unknown => {
    const end = bytes.indexOf(0x0a, at);
    if (end === -1) throw new Error('catalog.json is cut short');
    const line = bytes.toString('utf8', at, end);
    at = end + 1;
    return JSON.parse(line);
  };
  const head = nextLine() as { count?: unknown; fields?: unknown };
  const count = head.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || JSON.stringify(head.fields) !== JSON.stringify(CATALOG_FIELDS)) throw new Error('catalog.json has another layout');
  const catalog = {} as Record<CatalogField, unknown[]>;
  for (const field of CATALOG_FIELDS) {
    if (field === 'quotes' && quotes) {
      for (let from = 0; from < count; from += CATALOG_BLOCK) {
        at = bytes.indexOf(0x0a, at) + 1;
        if (at === 0) throw new Error('catalog.json is cut short');
      }
      continue;
    }
    const column: unknown[] = new Array(count);
    for (let from = 0; from < count; from += CATALOG_BLOCK) {
      const block = nextLine();
      if (!Array.isArray(block) || block.length !== Math.min(CATALOG_BLOCK, count - from)) throw new Error('catalog.json does not fit its count');
      for (let k = 0; k < block.length; k++) column[from + k] = block[k];
    }
    catalog[field] = column;
  }
  if (at !== bytes.length) throw new Error('catalog.json has more than its count');
  if (quotes) (catalog as Record<string, unknown>).quotes = quotes;
  return catalog as unknown as Catalog;
}

