import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';

/**
 * An append-only list of 32-bit integers kept in fixed-size chunks, so that
 * it grows without the copies of a doubling array (which hold the old and
 * the new array at once, 3x the data at the worst moment). With a spill
 * file, each chunk once full is written to the file and dropped: the list
 * then holds one chunk in memory, however long it grows, and is read back
 * chunk by chunk, in order (the page cache makes that a memory copy on a
 * machine with room to spare, and a disk read on one without).
 */
export const CHUNK_INTS = 1 << 20;

export class ChunkedInts {
  private readonly chunks: (Int32Array | null)[] = [];
  private current = new Int32Array(CHUNK_INTS);
  private used = 0;
  private readonly fd: number | null;
  private spilled = 0;
  length = 0;

  constructor(private readonly spillFile: string | null = null) {
    this.fd = spillFile ? openSync(spillFile, 'w+') : null;
  }

  push(value: number): void {
    if (this.used === CHUNK_INTS) this.seal();
    this.current[this.used++] = value;
    this.length++;
  }

  push3(a: number, b: number, c: number): void {
    if (this.used + 3 > CHUNK_INTS) this.seal();
    const current = this.current;
    current[this.used] = a;
    current[this.used + 1] = b;
    current[this.used + 2] = c;
    this.used += 3;
    this.length += 3;
  }

  /** Ends the current chunk (possibly short: push3 never splits a triple) and starts a new one. */
  private seal(): void {
    const chunk = this.current.subarray(0, this.used);
    if (this.fd !== null) {
      writeAll(this.fd, new Uint8Array(chunk.buffer, 0, chunk.byteLength), this.spilled);
      this.spilled += chunk.byteLength;
      this.chunks.push(null);
    } else {
      this.chunks.push(chunk);
      this.current = new Int32Array(CHUNK_INTS);
    }
    this.sizes.push(this.used);
    this.used = 0;
  }
  private readonly sizes: number[] = [];

  /**
   * The values in order, chunk by chunk. A spilled chunk is read into a
   * buffer that the next step reuses: copy what must outlive the step.
   */
  *chunksInOrder(): Generator<Int32Array> {
    let position = 0;
    const buffer = this.fd !== null ? new Int32Array(CHUNK_INTS) : null;
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k];
      if (chunk) yield chunk;
      else {
        const bytes = this.sizes[k] * 4;
        readAll(this.fd!, new Uint8Array(buffer!.buffer, 0, bytes), position);
        position += bytes;
        yield buffer!.subarray(0, this.sizes[k]);
      }
    }
    if (this.used > 0) yield this.current.subarray(0, this.used);
  }

  /** Frees the memory and removes the spill file. */
  dispose(): void {
    this.chunks.length = 0;
    this.current = new Int32Array(0);
    this.used = 0;
    if (this.fd !== null) {
      closeSync(this.fd);
      rmSync(this.spillFile!, { force: true });
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done, position + done);
}

export function readAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.byteLength; ) {
    const got = readSync(fd, bytes, done, bytes.byteLength - done, position + done);
    if (got === 0) throw new Error('spill file shorter than written');
    done += got;
  }
}
