import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { readAll } from './chunked-ints.js';
export { encodedText } from './documents.js';

/**
 * Article texts on their way from the thread that read them to
 * documents.jsonl, without passing through the heap of the thread that
 * merges the build: each reading thread appends the JSON encoding of every
 * text it reads to a spill file of its own (`TextSpillWriter`), and sends
 * back only where it lies, its length and the CRC-32 of what a read of it
 * fetches (documents.ts). The merging thread records those in article
 * order (`TextSpills`) and, when it writes the build, copies the bytes
 * from the spill files into documents.jsonl.
 */

export class TextSpillWriter {
  private readonly fd: number;
  private size = 0;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Appends the bytes (written before this returns: a thread stopped afterwards loses nothing reported) and returns their offset. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    for (let done = 0; done < bytes.byteLength; ) done += writeSync(this.fd, bytes, done, bytes.byteLength - done, at + done);
    this.size += bytes.byteLength;
    return at;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Where each article's text lies, by article number: a spill file, an offset, a length, a check. */
export class TextSpills {
  private readonly files = new Map<number, { path: string; fd: number | null }>();
  private file = new Int32Array(1024);
  private offset = new Float64Array(1024);
  private bytes = new Float64Array(1024);
  private check = new Int32Array(1024);
  count = 0;

  /** Names spill file `id` (a writer's, in whatever thread it runs). */
  addFile(id: number, path: string): void {
    this.files.set(id, { path, fd: null });
  }

  /** Records the next article's text. */
  push(file: number, offset: number, bytes: number, check: number): void {
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
    }
    const n = this.count++;
    this.file[n] = file;
    this.offset[n] = offset;
    this.bytes[n] = bytes;
    this.check[n] = check;
  }

  byteLength(n: number): number {
    return this.bytes[n];
  }

  checkOf(n: number): number {
    return this.check[n];
  }

  /** Reads article n's JSON-encoded text into `into` (at least byteLength(n) long) and returns that view. */
  read(n: number, into: Buffer): Buffer {
    const entry = this.files.get(this.file[n]);
    if (!entry) throw new Error(`no spill file ${this.file[n]}`);
    entry.fd ??= openSync(entry.path, 'r');
    const view = into.subarray(0, this.bytes[n]);
    readAll(entry.fd, view, this.offset[n]);
    return view;
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
