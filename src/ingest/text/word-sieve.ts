/**
 * A sieve in front of a set of words: a word whose first and last code
 * units (low bytes) and length no word of the set shares, or whose second
 * and last-but-one code units and length none shares, is surely not in it,
 * and is rejected with a few character reads, without hashing it or cutting
 * it out of its text; a word the sieve lets through still has to be looked
 * up. Most words of running text are in none of the small sets the
 * extractors ask about, so most look-ups stop here. (The second table
 * matters for large sets such as the 1 600 speech-verb forms, whose first
 * and last letters alone let a third of running words through.)
 */
export class WordSieve {
  private readonly outer = new Uint32Array(0x10000);
  private readonly inner = new Uint32Array(0x10000);

  constructor(words: Iterable<string>) {
    this.addAll(words);
  }

  addAll(words: Iterable<string>): void {
    for (const word of words) {
      const n = word.length;
      if (n === 0) continue;
      const bit = lengthBit(n);
      this.outer[slot(word.charCodeAt(0), word.charCodeAt(n - 1))] |= bit;
      this.inner[n >= 2 ? slot(word.charCodeAt(1), word.charCodeAt(n - 2)) : 0] |= bit;
    }
  }

  /** False when `text.slice(start, end)` is surely none of the words. */
  mayHoldSpan(text: string, start: number, end: number): boolean {
    const n = end - start;
    if (n <= 0) return false;
    const bit = lengthBit(n);
    if ((this.outer[slot(text.charCodeAt(start), text.charCodeAt(end - 1))] & bit) === 0) return false;
    return (this.inner[n >= 2 ? slot(text.charCodeAt(start + 1), text.charCodeAt(end - 2)) : 0] & bit) !== 0;
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
