/**
 * A number per word by its characters (analyze-text.ts: a plain word's term
 * id, or where a joined word's analysis is kept): a hash table probed with a
 * hash computed while scanning (words.ts), so that a word already seen
 * costs no substring, no string hashing and no analysis. The words'
 * characters are kept in one array of code units, not as strings: a
 * substring of a text would keep the whole text alive and cost an
 * indirection at each compare.
 */
export class WordTable {
  /** Where each slot's word starts in `characters`, -1 for an empty slot. */
  private starts = new Int32Array(1 << 16).fill(-1);
  private lengths = new Int32Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private characters = new Uint16Array(1 << 18);
  private used = 0;
  private size = 0;

  /** `make`: the number of a word not seen yet; `onRestart`: the table forgets every word (past 4 million), before the next is made. */
  constructor(
    private readonly make: (word: string) => number,
    private readonly onRestart: () => void = () => {},
  ) {}

  lookup(text: string, start: number, end: number, hash: number): number {
    const { starts, lengths, hashes, characters } = this;
    const mask = starts.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = starts[slot];
      if (at < 0) break;
      if (hashes[slot] !== hash || lengths[slot] !== length) continue;
      let k = 0;
      while (k < length && characters[at + k] === text.charCodeAt(start + k)) k++;
      if (k === length) return this.values[slot];
    }
    if (this.size >= starts.length >> 1) this.grow();
    const value = this.make(text.slice(start, end));
    this.insert(this.keep(text, start, length), length, hash, value);
    return value;
  }

  /** Copies a word's characters into `characters` and returns where they start. */
  private keep(text: string, start: number, length: number): number {
    if (this.used + length > this.characters.length) {
      const grown = new Uint16Array(Math.max(this.characters.length * 2, this.used + length));
      grown.set(this.characters.subarray(0, this.used));
      this.characters = grown;
    }
    const at = this.used;
    for (let k = 0; k < length; k++) this.characters[at + k] = text.charCodeAt(start + k);
    this.used += length;
    return at;
  }

  private insert(at: number, length: number, hash: number, id: number): void {
    const mask = this.starts.length - 1;
    let slot = hash & mask;
    while (this.starts[slot] >= 0) slot = (slot + 1) & mask;
    this.starts[slot] = at;
    this.lengths[slot] = length;
    this.hashes[slot] = hash;
    this.values[slot] = id;
    this.size++;
  }

  private grow(): void {
    const { starts, lengths, hashes, values } = this;
    // Bounded: past 4 million words, start again (what the words stand for stays, only the shortcut is lost).
    const restart = starts.length >= 1 << 23;
    const capacity = restart ? starts.length : starts.length * 2;
    this.starts = new Int32Array(capacity).fill(-1);
    this.lengths = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.size = 0;
    if (restart) {
      this.used = 0;
      this.onRestart();
      return;
    }
    for (let slot = 0; slot < starts.length; slot++) if (starts[slot] >= 0) this.insert(starts[slot], lengths[slot], hashes[slot], values[slot]);
  }
}

