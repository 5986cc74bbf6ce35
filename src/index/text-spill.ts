import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { readAll } from './chunked-ints.js';
import type { StoredQuote } from './stored-quotes.js';
export { encodedText } from './write-documents.js';

/**
 * Article texts and quotations on their way from the thread that read them
 * to the saved build, without passing through the heap of the thread that
 * merges it: each reading thread appends the JSON encoding of every text
 * it reads, then that of its quotations as stored (stored-quotes.ts), to a
 * spill file of its own (`TextSpillWriter`), and sends back only where
 * they lie, their lengths and the CRC-32 of what a read of the text fetches
 * (documents.ts). The merging thread records those in article order
 * (`TextSpills`) and, when it writes the build, copies the texts from the
 * spill files into documents.jsonl and reads the quotations back, their
 * speakers spelled as across the corpus, for documents.jsonl and catalog.json.
 */

/** Bytes gathered before a write: one system call for many articles, not one each. */
const WRITE_BUFFER = 1 << 20;

export class TextSpillWriter {
  private readonly fd: number;
  private size = 0;
  private buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  private used = 0;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Appends the bytes (held until `flush`) and returns their offset. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    if (this.used + bytes.byteLength > this.buffer.byteLength) this.flush();
    if (bytes.byteLength > this.buffer.byteLength) writeAll(this.fd, bytes, at);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.byteLength;
    }
    this.size += bytes.byteLength;
    return at;
  }

  /**
   * Appends the UTF-8 bytes of `json` (held until `flush`), encoded straight
   * into the write buffer, and returns their offset, length, and the CRC-32
   * of their first `window` bytes (encodedText's check).
   */
  appendString(json: string, window: number): { at: number; bytes: number; check: number } {
    const bytes = Buffer.byteLength(json);
    if (bytes > this.buffer.byteLength) {
      const encoded = Buffer.from(json);
      return { at: this.append(encoded), bytes, check: crc32(encoded.subarray(0, window)) | 0 };
    }
    if (this.used + bytes > this.buffer.byteLength) this.flush();
    const at = this.size;
    this.buffer.write(json, this.used);
    const check = crc32(this.buffer.subarray(this.used, this.used + Math.min(bytes, window))) | 0;
    this.used += bytes;
    this.size += bytes;
    return { at, bytes, check };
  }

  /** Writes what is held (before a file's analysis is reported: a thread stopped afterwards loses nothing reported). */
  flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.used), this.size - this.used);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done, position + done);
}

/** Numbers a reading thread reports per article (FileAnalysis.texts): text offset, text bytes, text check, quotation bytes (they follow the text). */
export const SPILL_ENTRY = 4;

/** Where each article's text and quotations lie, by article number: a spill file, an offset, lengths, a check. */
export class TextSpills {
  private readonly files = new Map<number, { path: string; fd: number | null }>();
  private file = new Int32Array(1024);
  private offset = new Float64Array(1024);
  private bytes = new Float64Array(1024);
  private check = new Int32Array(1024);
  private quoteBytes = new Int32Array(1024);
  private scratch = Buffer.allocUnsafe(1 << 16);
  /** The corpus-wide spelling of a speaker (assembleCorpus), applied to quotations as they are read back. */
  spellSpeaker: (name: string) => string = (name) => name;
  count = 0;

  /** Names spill file `id` (a writer's, in whatever thread it runs). */
  addFile(id: number, path: string): void {
    this.files.set(id, { path, fd: null });
  }

  /** Records the next article's text and quotations. */
  push(file: number, offset: number, bytes: number, check: number, quoteBytes: number): void {
    if (this.count === this.file.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const next = new (a.constructor as new (n: number) => T)(a.length * 2);
        next.set(a);
        return next;
      };
      this.file = grow(this.file);
      this.offset = grow(this.offset);
      this.bytes = grow(this.bytes);
      this.check = grow(this.check);
      this.quoteBytes = grow(this.quoteBytes);
    }
    const n = this.count++;
    this.file[n] = file;
    this.offset[n] = offset;
    this.bytes[n] = bytes;
    this.check[n] = check;
    this.quoteBytes[n] = quoteBytes;
  }

  byteLength(n: number): number {
    return this.bytes[n];
  }

  checkOf(n: number): number {
    return this.check[n];
  }

  private fdOf(n: number): number {
    const entry = this.files.get(this.file[n]);
    if (!entry) throw new Error(`no spill file ${this.file[n]}`);
    return (entry.fd ??= openSync(entry.path, 'r'));
  }

  /** Reads article n's JSON-encoded text into `into` (at least byteLength(n) long) and returns that view. */
  read(n: number, into: Buffer): Buffer {
    const view = into.subarray(0, this.bytes[n]);
    readAll(this.fdOf(n), view, this.offset[n]);
    return view;
  }

  /** Article n's quotations as stored, their speakers spelled as across the corpus. */
  storedQuotes(n: number): StoredQuote[] {
    const length = this.quoteBytes[n];
    if (length <= 2) return [];
    if (length > this.scratch.byteLength) this.scratch = Buffer.allocUnsafe(length);
    const view = this.scratch.subarray(0, length);
    readAll(this.fdOf(n), view, this.offset[n] + this.bytes[n]);
    const quotes = JSON.parse(view.toString('utf8')) as StoredQuote[];
    for (const q of quotes) if (q[2] !== null) q[2] = this.spellSpeaker(q[2]);
    return quotes;
  }

  /** Closes and removes the spill files. */
  dispose(): void {
    for (const entry of this.files.values()) {
      if (entry.fd !== null) closeSync(entry.fd);
      rmSync(entry.path, { force: true });
    }
    this.files.clear();
  }
}
