import type { Matches } from './postings.js';

/**
 * Recently computed clauses of an index ("relations", the words already
 * typed, a phrase), so that typing "relations bil" after "relations bi"
 * does not score "relations" again, and readers share common words.
 *
 * Why a ring of two typed arrays rather than a Map of arrays: a clause on a
 * common word holds a number per article, and every keystroke computes a
 * new one (the word being typed). Allocated one by one, these megabytes
 * live outside the JavaScript heap, and V8 answers every 64 MB of such
 * memory with a full collection of the whole heap: at 100 000 articles, one
 * every dozen keystrokes, each taking 10 to 60 ms of a search. The ring is
 * allocated once; a clause is copied into it (a fraction of a millisecond)
 * and returned as views of it.
 *
 * The ring is written in a circle: a new clause overwrites the oldest ones,
 * which leave the cache. A clause read in the current search is never
 * overwritten before the next search begins, so the views a search holds
 * stay valid until it ends; a clause read when it was among the older half
 * is moved to the front, so that common words stay.
 *
 * @example
 * const cache = new ClauseCache(1_000_000);
 * cache.beginSearch();
 * const relations = cache.get('w|relations') ?? cache.put('w|relations', view.score(terms), ['relat']);
 */
export interface CachedClause {
  matches: Matches;
  /** The index terms the clause matched (for highlighting). */
  terms: string[];
}

interface Entry {
  start: number;
  length: number;
  /** Lap of the ring it was written in. */
  lap: number;
  /** Number of the last search that read or wrote it. */
  search: number;
  terms: string[];
}

export class ClauseCache {
  readonly capacity: number;
  private docs: Int32Array | null = null;
  private scores: Float64Array | null = null;
  private head = 0;
  private lap = 0;
  private search = 0;
  /** In the order written, oldest first (the order the ring overwrites them). */
  private readonly entries = new Map<string, Entry>();

  /** `capacity`: how many (document, score) pairs the ring holds; 12 bytes each. */
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Starts a search: what it reads or writes stays in place until the next one begins. */
  beginSearch(): void {
    this.search++;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedClause | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const firstRead = entry.search !== this.search;
    entry.search = this.search;
    if (firstRead && this.writesBeforeOverwrite(entry) < this.capacity / 2) this.moveToFront(key, entry);
    return { matches: this.view(entry), terms: entry.terms };
  }

  /**
   * Keeps a copy of `matches` (which may be the caller's scratch arrays) and
   * returns the copy. A clause too large for the ring, or that would
   * overwrite one the current search holds, is returned as a plain copy
   * without being kept.
   */
  put(key: string, matches: Matches, terms: string[]): CachedClause {
    const length = matches.docs.length;
    const old = this.entries.get(key);
    if (old) this.entries.delete(key);
    const start = this.reserve(length);
    if (start < 0) return { matches: { docs: matches.docs.slice(), scores: matches.scores.slice() }, terms };
    const entry: Entry = { start, length, lap: this.lap, search: this.search, terms };
    this.docs!.set(matches.docs, start);
    this.scores!.set(matches.scores, start);
    this.entries.set(key, entry);
    return { matches: this.view(entry), terms };
  }

  private view(entry: Entry): Matches {
    const end = entry.start + entry.length;
    if (entry.length === 0) return { docs: new Int32Array(0), scores: new Float64Array(0) };
    return { docs: this.docs!.subarray(entry.start, end), scores: this.scores!.subarray(entry.start, end) };
  }

  /** How many more slots can be written before the entry's first slot is overwritten. */
  private writesBeforeOverwrite(entry: Entry): number {
    return entry.lap === this.lap ? this.capacity - this.head + entry.start : entry.start - this.head;
  }

  private moveToFront(key: string, entry: Entry): void {
    const start = this.reserve(entry.length, key);
    if (start < 0) return;
    this.entries.delete(key);
    if (entry.length > 0) {
      this.docs!.copyWithin(start, entry.start, entry.start + entry.length);
      this.scores!.copyWithin(start, entry.start, entry.start + entry.length);
    }
    entry.start = start;
    entry.lap = this.lap;
    this.entries.set(key, entry);
  }

  /**
   * The start of `length` free slots at the head of the ring, after leaving
   * out the entries they overwrite; -1 when that would overwrite an entry
   * the current search holds, or `length` is over a quarter of the ring.
   */
  private reserve(length: number, moving?: string): number {
    if (length > this.capacity / 4) return -1;
    if (!this.docs) {
      this.docs = new Int32Array(this.capacity);
      this.scores = new Float64Array(this.capacity);
    }
    let lap = this.lap;
    let start = this.head;
    if (start + length > this.capacity) {
      lap++;
      start = 0;
    }
    const end = start + length;
    // The oldest entries come first: those of two laps back, then those of the last lap from the head on.
    const overwritten: string[] = [];
    for (const [key, entry] of this.entries) {
      const overlaps = entry.lap < lap - 1 || (entry.lap === lap - 1 && entry.start < end);
      if (!overlaps) break;
      if (entry.search === this.search && key !== moving) return -1;
      overwritten.push(key);
    }
    for (const key of overwritten) this.entries.delete(key);
    this.lap = lap;
    this.head = end;
    return start;
  }
}
