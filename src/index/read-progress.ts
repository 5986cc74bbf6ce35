/**
 * Where a reading worker is, shared with its pool through memory rather
 * than messages (read-pool.ts): the file it is on, and when it last moved
 * on (a file started, an article extracted or analysed), in ms since the
 * pool's epoch. A worker reports its files a chunk at a time (one message
 * for many files), so the pool learns from here which file to blame when
 * time runs out, and a heartbeat costs a store, not a message.
 */

const FILE = 0;
const STAMP = 1;

/** Milliseconds on a clock both threads read alike (performance.now() is per thread, its origin is not). */
export const sharedClock = (): number => performance.timeOrigin + performance.now();

export class ReadProgress {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** `epoch`: the pool's clock when the buffer was made (stamps are ms since then, as 32-bit integers). */
  constructor(
    buffer?: SharedArrayBuffer,
    readonly epoch: number = sharedClock(),
  ) {
    this.buffer = buffer ?? new SharedArrayBuffer(8);
    this.cells = new Int32Array(this.buffer);
    if (!buffer) {
      this.cells[FILE] = -1;
      this.stamp();
    }
  }

  /** The worker starts on file `index` (listing number). */
  startFile(index: number): void {
    Atomics.store(this.cells, FILE, index);
    this.stamp();
  }

  /** The worker moved on (or the pool gives it new work after it was idle). */
  stamp(): void {
    Atomics.store(this.cells, STAMP, Math.round(sharedClock() - this.epoch));
  }

  /** The file the worker is on (or was on last). */
  get file(): number {
    return Atomics.load(this.cells, FILE);
  }

  /** Milliseconds since the worker last moved on. */
  idleMs(): number {
    return sharedClock() - this.epoch - Atomics.load(this.cells, STAMP);
  }
}
