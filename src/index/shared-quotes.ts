import { CATALOG_BLOCK } from './catalog-file.js';
import { CATALOG_FIELDS } from './documents.js';
import type { QuotesColumn, StoredQuote } from './stored-quotes.js';

/**
 * The quotations column of a catalog.json kept as its JSON bytes, in a
 * SharedArrayBuffer, with where each article's list lies: the threads
 * serving one build (src/web/threads/) share it rather than each hold
 * hundreds of thousands of small arrays (88 MB of heap per thread at 100 000
 * articles, for 24 MB of JSON). An article's quotations are parsed when
 * asked for: a page's few articles, and once per build for the speakers'
 * table (src/search/quote-speakers.ts).
 */
export interface PackedQuotes {
  /** The quotations lines of catalog.json, one after the other. */
  bytes: Uint8Array;
  /** Article n's list (a JSON array) is bytes[spans[2n], spans[2n + 1]). */
  spans: Float64Array;
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;

/** The quotations column of the bytes of a catalog.json (written by writeCatalog), in shared memory; throws when it does not fit its layout. */
export function packQuotes(catalog: Uint8Array): PackedQuotes {
  const headEnd = catalog.indexOf(0x0a);
  const { count } = JSON.parse(Buffer.from(catalog.buffer, catalog.byteOffset, headEnd).toString('utf8')) as { count: number };
  const blocks = Math.ceil(count / CATALOG_BLOCK);
  // The quotations lines: after the header and the blocks of the columns before.
  let at = headEnd + 1;
  for (let k = 0; k < CATALOG_FIELDS.indexOf('quotes') * blocks; k++) at = catalog.indexOf(0x0a, at) + 1;
  let end = at;
  for (let k = 0; k < blocks; k++) end = catalog.indexOf(0x0a, end) + 1;
  if (at === 0 || end === 0) throw new Error('catalog.json is cut short');
  const bytes = new Uint8Array(new SharedArrayBuffer(end - at));
  bytes.set(catalog.subarray(at, end));
  const spans = new Float64Array(new SharedArrayBuffer(16 * count));
  // Each line is an array of the articles' lists: their bounds are the brackets at depth 2, outside strings.
  let depth = 0;
  let inString = false;
  let n = 0;
  for (let p = 0; p < bytes.length; p++) {
    const b = bytes[p];
    if (inString) {
      if (b === BACKSLASH) p++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN) {
      if (++depth === 2) spans[2 * n] = p;
    } else if (b === CLOSE) {
      if (depth-- === 2) spans[2 * n++ + 1] = p + 1;
    }
  }
  if (n !== count || depth !== 0) throw new Error('catalog.json quotations do not fit its count');
  return { bytes, spans };
}

const NONE: StoredQuote[] = [];

/** The quotations column read from packed bytes, article by article. */
export class PackedQuotesColumn implements QuotesColumn {
  constructor(private readonly packed: PackedQuotes) {}

  at(n: number): StoredQuote[] | undefined {
    const { bytes, spans } = this.packed;
    if (!(n >= 0 && 2 * n < spans.length)) return undefined;
    const start = spans[2 * n];
    const end = spans[2 * n + 1];
    if (end - start === 2) return NONE;
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8')) as StoredQuote[];
  }
}
