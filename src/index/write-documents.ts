import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Article } from '../ingest/types.js';
import { TEXT_WINDOW, type TextLayout } from './documents.js';
import { storeQuotes, type StoredQuote } from './stored-quotes.js';

/**
 * Writing the articles of a build to documents.jsonl (the layout is
 * described in documents.ts, which reads it): one article a line, its
 * text last, written in chunks, with where each line and text lies and a
 * CRC-32 of what a read of the text fetches.
 */

export const WRITE_CHUNK = 4 * 1024 * 1024;

/** The start of an article's line: every field but its text, its quotations by their place, then the text's key (the text comes last, so that its bytes can be located and read apart). */
function lineHead(article: Article, quotes: StoredQuote[]): string {
  const { text: _, ...rest } = article;
  const fields = JSON.stringify({ ...rest, quotes });
  return fields.slice(0, -1) + ',' + '"text":';
}

/** The JSON encoding of a text, and the CRC-32 of its first TEXT_WINDOW bytes (checked on every read). */
export function encodedText(text: string): { json: Buffer; check: number } {
  const json = Buffer.from(JSON.stringify(text));
  return { json, check: crc32(json.subarray(0, TEXT_WINDOW)) | 0 };
}

/** The JSON-encoded texts of a build's articles, by article number, wherever they are kept (text-spill.ts, or the articles themselves). */
export interface EncodedTexts {
  byteLength(n: number): number;
  checkOf(n: number): number;
  /** Article n's JSON-encoded text, in `into` when it is long enough. */
  read(n: number, into: Buffer): Buffer;
  /** Article n's quotations as stored, when they were stored where the text was read (text-spill.ts); else they are stored from the article's own. */
  storedQuotes?(n: number): StoredQuote[];
}

/** The texts of articles held in memory, encoded one at a time. */
export function textsOfArticles(articles: readonly Article[]): EncodedTexts {
  let last = -1;
  let encoded: { json: Buffer; check: number } = { json: Buffer.alloc(0), check: 0 };
  const of = (n: number) => {
    if (n !== last) {
      encoded = encodedText(articles[n].text);
      last = n;
    }
    return encoded;
  };
  return { byteLength: (n) => of(n).json.byteLength, checkOf: (n) => of(n).check, read: (n) => of(n).json };
}

/**
 * Writes the articles as JSON Lines to `file` (fsynced), in chunks (the
 * whole file may be larger than a JavaScript string can be), their texts
 * from `texts` (by default their own), and returns where each line and
 * text lies and each article's quotations by their place (for
 * catalog.json: read again from `texts` when it stores them, so that a
 * build's quotations are never all in memory).
 */
export async function writeDocuments(file: string, articles: readonly Article[], texts: EncodedTexts = textsOfArticles(articles)): Promise<{ layout: TextLayout; quotes: (n: number) => StoredQuote[] }> {
  const count = articles.length;
  const spilled = texts.storedQuotes?.bind(texts);
  const quotes: StoredQuote[][] = spilled ? [] : new Array(count);
  const layout: TextLayout = { offsets: new Float64Array(count + 1), textStarts: new Float64Array(count), textBytes: new Float64Array(count), textChecks: new Int32Array(count) };
  const handle = await open(file, 'w');
  let scratch = Buffer.allocUnsafe(1 << 16);
  try {
    let pending: Buffer[] = [];
    let pendingLength = 0;
    let offset = 0;
    const flush = async () => {
      await handle.write(Buffer.concat(pending, pendingLength));
      pending = [];
      pendingLength = 0;
    };
    for (let n = 0; n < count; n++) {
      const a = articles[n];
      const textBytes = texts.byteLength(n);
      // The text is copied into the chunk: a scratch buffer serves every article.
      if (textBytes > scratch.byteLength) scratch = Buffer.allocUnsafe(Math.max(textBytes, 2 * scratch.byteLength));
      const text = texts.read(n, scratch);
      let stored: StoredQuote[];
      if (spilled) stored = spilled(n);
      else {
        // The words of a quotation come from the text unless a read would not return all of it.
        stored = a.quotes.length === 0 ? [] : storeQuotes(a.quotes, JSON.parse(text.toString('utf8')) as string, textBytes <= TEXT_WINDOW);
        quotes[n] = stored;
      }
      const head = Buffer.from(lineHead(a, stored));
      layout.offsets[n] = offset;
      layout.textStarts[n] = offset + head.byteLength;
      layout.textBytes[n] = textBytes;
      layout.textChecks[n] = texts.checkOf(n);
      offset = layout.textStarts[n] + textBytes + 2;
      pending.push(head, Buffer.from(text), LINE_END);
      pendingLength += head.byteLength + textBytes + 2;
      if (pendingLength >= WRITE_CHUNK) await flush();
    }
    layout.offsets[count] = offset;
    if (pending.length > 0) await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { layout, quotes: spilled ?? ((n) => quotes[n]) };
}
const LINE_END = Buffer.from('}\n');

