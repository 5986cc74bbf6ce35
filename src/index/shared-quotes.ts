import type { QuoteOutline } from './stored-quotes.js';
import type { QuotesColumn, StoredQuote } from './stored-quotes.js';

/**
 * The quotations column of a loaded build as flat typed arrays, one entry
 * per quotation (read from index.bin as they are: quotation-sections.ts),
 * instead of an array of five or six values per quotation:
 * 100 000 articles hold some 700 000 quotations, 88 MB of heap as arrays
 * (and most of a load's garbage collection, every one of them surviving),
 * 12 MB as columns. Speakers are ids into one list of distinct names, so
 * that a name recurring in thousands of quotations is one string. The
 * threads serving one build (src/web/threads/) share the arrays
 * (SharedArrayBuffers) and each hold a copy of the names.
 *
 * A StoredQuote (stored-quotes.ts) is made again only when an article's
 * quotations are asked for (a page's few articles).
 */
export interface PackedQuotes {
  /** Article n's quotations are numbers first[n] to first[n + 1] - 1. */
  first: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Id in `speakers`, -1 for none. */
  speaker: Int32Array;
  /** 1 direct, 0 indirect. */
  direct: Uint8Array;
  /** Positions in the `quotes` field's sequence. */
  positions: Int32Array;
  speakers: string[];
  /** The quotations that carry their own words (stored-quotes.ts), by number, and those words. */
  wordsOf: Int32Array;
  words: string[];
}

/** Bytes of the shared arrays of packed quotations. */
export function packedBytes(p: PackedQuotes): number {
  return p.first.byteLength + p.start.byteLength + p.end.byteLength + p.speaker.byteLength + p.direct.byteLength + p.positions.byteLength;
}

const NONE: StoredQuote[] = [];

/** The quotations column read from packed columns, article by article. */
export class PackedQuotesColumn implements QuotesColumn {
  /** Words by quotation number, for the few that carry them. */
  private readonly words = new Map<number, string>();
  constructor(readonly packed: PackedQuotes) {
    packed.wordsOf.forEach((q, k) => this.words.set(q, packed.words[k]));
  }

  /** Articles in the column. */
  get length(): number {
    return this.packed.first.length - 1;
  }

  at(n: number): StoredQuote[] | undefined {
    const { first, start, end, speaker, direct, positions, speakers } = this.packed;
    if (!(n >= 0 && n < first.length - 1)) return undefined;
    if (first[n] === first[n + 1]) return NONE;
    const list: StoredQuote[] = [];
    for (let q = first[n]; q < first[n + 1]; q++) {
      const stored: StoredQuote = [start[q], end[q], speaker[q] < 0 ? null : speakers[speaker[q]], direct[q] ? 'd' : 'i', positions[q]];
      const words = this.words.get(q);
      list.push(words === undefined ? stored : [...stored, words]);
    }
    return list;
  }

  /** Article n's quotations as a search reads them, made from the columns (no StoredQuote in between). */
  outlines(n: number): QuoteOutline[] {
    const { first, start, speaker, direct, positions, speakers } = this.packed;
    const list: QuoteOutline[] = [];
    for (let q = first[n]; q < first[n + 1]; q++) {
      list.push({ start: start[q], speaker: speaker[q] < 0 ? null : speakers[speaker[q]], kind: direct[q] ? 'direct' : 'indirect', positions: positions[q] });
    }
    return list;
  }
}
