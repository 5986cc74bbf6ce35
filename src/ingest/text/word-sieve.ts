/**
 * A sieve in front of a set of words: a word whose first and last code
 * units (low bytes) and length no word of the set shares is surely not in
 * it, and is rejected with three character reads, without hashing it or
 * cutting it out of its text; a word the sieve lets through still has to
 * be looked up. Most words of running text are in none of the small sets
 * the extractors ask about, so most look-ups stop here.
 */
export class WordSieve {
  private readonly lengths = new Uint32Array(0x10000);

  constructor(words: Iterable<string>) {
    this.addAll(words);
  }

  addAll(words: Iterable<string>): void {
    for (const word of words) if (word.length > 0) this.lengths[slot(word.charCodeAt(0), word.charCodeAt(word.length - 1))] |= lengthBit(word.length);
  }

  /** False when `text.slice(start, end)` is surely none of the words. */
  mayHoldSpan(text: string, start: number, end: number): boolean {
    return end > start && (this.lengths[slot(text.charCodeAt(start), text.charCodeAt(end - 1))] & lengthBit(end - start)) !== 0;
  }

  /** False when `word` is surely none of the words. */
  mayHold(word: string): boolean {
    return this.mayHoldSpan(word, 0, word.length);
  }
}

function slot(first: number, last: number): number {
  return ((first & 0xff) << 8) | (last & 0xff);
}

/** Lengths of 31 and more share one bit. */
function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/**
 * A WordSieve with a second test, on the second and last-but-one code units
 * (six low bits each: a 16 kB table that stays in cache), for a large set:
 * the 1 600 speech-verb forms let a third of running words through on
 * their first and last letters alone, a fifth with both tests. A class of
 * its own, so that the small sieves keep their one-table test.
 */
export class TwoWaySieve {
  private readonly outer = new WordSieve([]);
  private readonly inner = new Uint32Array(0x1000);

  constructor(words: Iterable<string>) {
    this.addAll(words);
  }

  addAll(words: Iterable<string>): void {
    for (const word of words) {
      const n = word.length;
      if (n === 0) continue;
      this.outer.addAll([word]);
      this.inner[n >= 2 ? innerSlot(word.charCodeAt(1), word.charCodeAt(n - 2)) : 0] |= lengthBit(n);
    }
  }

  /** False when `text.slice(start, end)` is surely none of the words. */
  mayHoldSpan(text: string, start: number, end: number): boolean {
    const n = end - start;
    return this.outer.mayHoldSpan(text, start, end) && (this.inner[n >= 2 ? innerSlot(text.charCodeAt(start + 1), text.charCodeAt(end - 2)) : 0] & lengthBit(n)) !== 0;
  }
}

function innerSlot(second: number, lastButOne: number): number {
  return ((second & 0x3f) << 6) | (lastButOne & 0x3f);
}
