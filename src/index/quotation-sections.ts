import { varints, type Section, type VarintSection } from './binary-file.js';
import type { PackedQuotes } from './shared-quotes.js';
import type { StoredQuote } from './stored-quotes.js';

/**
 * The quotations of a build's articles as sections of index.bin
 * (binary-file.ts), one integer per quotation and column, so that a load
 * reads them as the flat columns a loaded build holds (shared-quotes.ts)
 * without parsing anything: as JSON in catalog.json, scanning them was
 * most of a 10 000-article load's own work. Speakers are ids into one
 * JSON list of the distinct names (in order of first use), -1 for none;
 * the few quotations that carry their own words (stored-quotes.ts) are
 * listed by number, with those words as a second JSON list.
 *
 *     quotationFirst     article n's quotations are numbers first[n] .. first[n + 1] - 1 (count + 1 values)
 *     quotationStart, quotationEnd, quotationSpeaker, quotationDirect (1 or 0), quotationPositions
 *     quotationSpeakers  JSON array of names
 *     quotationWordsOf   the numbers of the quotations that carry their words, ascending
 *     quotationWords     JSON array of those words
 */
export const QUOTATION_SECTIONS = [
  'quotationFirst',
  'quotationStart',
  'quotationEnd',
  'quotationSpeaker',
  'quotationDirect',
  'quotationPositions',
  'quotationSpeakers',
  'quotationWordsOf',
  'quotationWords',
] as const;

/** A growable Int32Array: the number of quotations is known only once every article is read. */
class Growing {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const wider = new Int32Array(this.data.length * 2);
      wider.set(this.data);
      this.data = wider;
    }
    this.data[this.length++] = value;
  }
  get values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The sections of the quotations of `count` articles, `quotes(n)` article n's, read once each in order. */
export function quotationSections(count: number, quotes: (n: number) => StoredQuote[]): Record<(typeof QUOTATION_SECTIONS)[number], VarintSection | string> {
  const first = new Int32Array(count + 1);
  const [start, end, speaker, direct, positions, wordsOf] = Array.from({ length: 6 }, () => new Growing());
  const names: string[] = [];
  const idOf = new Map<string, number>();
  const words: string[] = [];
  let number = 0;
  for (let n = 0; n < count; n++) {
    first[n] = number;
    for (const q of quotes(n)) {
      start.push(q[0]);
      end.push(q[1]);
      let id = -1;
      if (q[2] !== null) {
        id = idOf.get(q[2]) ?? -1;
        if (id < 0) idOf.set(q[2], (id = names.push(q[2]) - 1));
      }
      speaker.push(id);
      direct.push(q[3] === 'd' ? 1 : 0);
      positions.push(q[4]);
      if (q.length === 6) {
        wordsOf.push(number);
        words.push(q[5]);
      }
      number++;
    }
  }
  first[count] = number;
  return {
    quotationFirst: varints(first, 1),
    quotationStart: varints(start.values),
    quotationEnd: varints(end.values),
    quotationSpeaker: varints(speaker.values),
    quotationDirect: varints(direct.values),
    quotationPositions: varints(positions.values),
    quotationSpeakers: JSON.stringify(names),
    quotationWordsOf: varints(wordsOf.values, 1),
    quotationWords: JSON.stringify(words),
  };
}

const unfit = (): never => {
  throw new Error('index.bin quotations do not fit together');
};

function stringList(text: Section | undefined): string[] {
  if (typeof text !== 'string') return unfit();
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return unfit();
  }
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) unfit();
  return list as string[];
}

/**
 * The quotations of the `count` articles of a build, from the sections of
 * its index.bin (taken out of `sections`: the columns are all that is kept
 * of them); throws when they do not fit together. `shared`: the sections
 * were read into SharedArrayBuffers, and the columns made here are too.
 */
export function takeQuotationSections(sections: Map<string, Section>, count: number, shared: boolean): PackedQuotes {
  const ints = (name: string): Int32Array => {
    const value = sections.get(name);
    return value instanceof Int32Array ? value : unfit();
  };
  const first = ints('quotationFirst');
  const start = ints('quotationStart');
  const end = ints('quotationEnd');
  const speaker = ints('quotationSpeaker');
  const directs = ints('quotationDirect');
  const positions = ints('quotationPositions');
  const wordsOf = ints('quotationWordsOf');
  const speakers = stringList(sections.get('quotationSpeakers'));
  const words = stringList(sections.get('quotationWords'));
  const total = start.length;
  if (first.length !== count + 1 || first[0] !== 0 || first[count] !== total) unfit();
  if (end.length !== total || speaker.length !== total || directs.length !== total || positions.length !== total || wordsOf.length !== words.length) unfit();
  for (let n = 0; n < count; n++) if (first[n + 1] < first[n]) unfit();
  const direct = new Uint8Array(shared ? new SharedArrayBuffer(total) : new ArrayBuffer(total));
  const names = speakers.length;
  for (let q = 0; q < total; q++) {
    const s = speaker[q];
    const d = directs[q];
    if (s < -1 || s >= names || (d !== 0 && d !== 1) || start[q] < 0 || end[q] < start[q] || positions[q] < 0) unfit();
    direct[q] = d;
  }
  for (let k = 0; k < wordsOf.length; k++) if (wordsOf[k] < 0 || wordsOf[k] >= total || (k > 0 && wordsOf[k] <= wordsOf[k - 1])) unfit();
  for (const name of QUOTATION_SECTIONS) sections.delete(name);
  return { first, start, end, speaker, direct, positions, speakers, wordsOf, words };
}
