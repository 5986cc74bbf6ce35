/**
 * Reads one quotations line of catalog.json (catalog-file.ts) in place, from
 * its bytes: a JSON array of each article's list of quotations
 * [start, end, speaker or null, "d" or "i", positions(, words)], as
 * JSON.stringify writes it (no space). Numbers are read from their digits
 * and a speaker's name is decoded once per distinct name (its bytes
 * compared with those of the names already met), so that no array, number
 * or string is made per quotation: 700 000 quotations at 100 000 articles,
 * whose arrays were most of a load's garbage. Anything else in the line is
 * refused.
 */

/** What a line's quotations are handed to, in order. */
export interface QuotationSink {
  /** An article's list begins. */
  article(): void;
  /** One quotation; `speaker`: an id of `SpeakerNames`, or -1. */
  quotation(start: number, end: number, speaker: number, direct: boolean, positions: number, words: string | null): void;
}

const [OPEN, CLOSE, COMMA, QUOTE, BACKSLASH, ZERO, NINE, D, I, N, U, L] = [0x5b, 0x5d, 0x2c, 0x22, 0x5c, 0x30, 0x39, 0x64, 0x69, 0x6e, 0x75, 0x6c];
const decoder = new TextDecoder();

function unreadable(): never {
  throw new Error('catalog.json has an unreadable quotation');
}

/** Distinct names by their JSON bytes: a name met again is recognised by comparing bytes, without decoding it. */
export class SpeakerNames {
  readonly names: string[] = [];
  private readonly byHash = new Map<number, number[]>();
  private readonly spellings: Uint8Array[] = [];

  /** The id of the JSON string bytes[from, to) (quotes excluded; `escaped`: it holds a backslash). */
  idOf(bytes: Uint8Array, from: number, to: number, escaped: boolean): number {
    // A cheap hash (the length, the first and last bytes): every candidate is compared byte by byte anyway.
    const length = to - from;
    let hash = Math.imul(length, 0x01000193);
    for (let p = from, last = Math.min(to, from + 4); p < last; p++) hash = Math.imul(hash ^ bytes[p], 0x01000193);
    for (let p = Math.max(from, to - 4); p < to; p++) hash = Math.imul(hash ^ bytes[p], 0x01000193);
    const candidates = this.byHash.get(hash);
    if (candidates)
      for (const id of candidates) {
        const known = this.spellings[id];
        if (known.length !== length) continue;
        let k = 0;
        while (k < length && known[k] === bytes[from + k]) k++;
        if (k === length) return id;
      }
    const id = this.names.length;
    this.names.push(decodeString(bytes, from, to, escaped));
    this.spellings.push(bytes.slice(from, to));
    if (candidates) candidates.push(id);
    else this.byHash.set(hash, [id]);
    return id;
  }
}

function decodeString(bytes: Uint8Array, from: number, to: number, escaped: boolean): string {
  if (!escaped) return decoder.decode(bytes.subarray(from, to));
  try {
    return JSON.parse(decoder.decode(bytes.subarray(from - 1, to + 1))) as string;
  } catch {
    return unreadable();
  }
}

/** Where the JSON string whose characters begin at `from` ends (its closing quote mark), its escapes skipped; throws past `end`. */
function stringEnd(bytes: Uint8Array, from: number, end: number): number {
  for (let p = from; p < end; ) {
    const b = bytes[p];
    if (b === QUOTE) return p;
    if (b === 0) break;
    p += b === BACKSLASH ? 2 : 1;
  }
  return unreadable();
}

/** Whether bytes[from, to) hold an escape (a backslash): such a string is decoded by JSON.parse. */
function hasEscape(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (bytes[k] === BACKSLASH) return true;
  return false;
}

/** Hands the quotations of bytes[at, end) to `sink`, names to `names`; returns the number of articles; throws when the line is not one writeCatalog writes. */
export function scanQuotesLine(bytes: Uint8Array, at: number, end: number, names: SpeakerNames, sink: QuotationSink): number {
  // One function, the position a local variable (no closure over it): this loop reads 24 MB at 100 000 articles.
  let p = at;
  let lists = 0;
  // A 0 past the line's end (the newline's place): no test below accepts it.
  const at0 = (k: number): number => (k < end ? bytes[k] : 0);
  if (at0(p++) !== OPEN) unreadable();
  if (at0(p) === CLOSE) p++;
  else {
    for (;;) {
      if (at0(p++) !== OPEN) unreadable();
      sink.article();
      lists++;
      if (at0(p) === CLOSE) p++;
      else {
        for (;;) {
          if (at0(p++) !== OPEN) unreadable();
          // start, end: digits
          let start = 0;
          let digits = p;
          for (let b = at0(p); b >= ZERO && b <= NINE; b = at0(++p)) start = start * 10 + (b - ZERO);
          if (p === digits || p - digits > 10 || start > 0x7fffffff || at0(p++) !== COMMA) unreadable();
          let stop = 0;
          digits = p;
          for (let b = at0(p); b >= ZERO && b <= NINE; b = at0(++p)) stop = stop * 10 + (b - ZERO);
          if (p === digits || p - digits > 10 || stop > 0x7fffffff || at0(p++) !== COMMA) unreadable();
          // speaker: a string or null
          let speaker = -1;
          if (at0(p) === QUOTE) {
            const from = ++p;
            p = stringEnd(bytes, from, end);
            speaker = names.idOf(bytes, from, p, hasEscape(bytes, from, p++));
          } else if (at0(p) === N && at0(p + 1) === U && at0(p + 2) === L && at0(p + 3) === L) p += 4;
          else unreadable();
          // ,"d", or ,"i",
          const kind = at0(p + 2);
          if (at0(p) !== COMMA || at0(p + 1) !== QUOTE || (kind !== D && kind !== I) || at0(p + 3) !== QUOTE || at0(p + 4) !== COMMA) unreadable();
          p += 5;
          let positions = 0;
          digits = p;
          for (let b = at0(p); b >= ZERO && b <= NINE; b = at0(++p)) positions = positions * 10 + (b - ZERO);
          if (p === digits || p - digits > 10 || positions > 0x7fffffff) unreadable();
          // words, when the quotation carries them
          let words: string | null = null;
          if (at0(p) === COMMA) {
            if (at0(++p) !== QUOTE) unreadable();
            const from = ++p;
            p = stringEnd(bytes, from, end);
            words = decodeString(bytes, from, p, hasEscape(bytes, from, p++));
          }
          if (at0(p++) !== CLOSE) unreadable();
          sink.quotation(start, stop, speaker, kind === D, positions, words);
          if (at0(p) !== COMMA) break;
          p++;
        }
        // The end of the article's list.
        if (at0(p++) !== CLOSE) unreadable();
      }
      if (at0(p) !== COMMA) break;
      p++;
    }
    // The end of the line.
    if (at0(p++) !== CLOSE) unreadable();
  }
  if (p !== end) unreadable();
  return lists;
}
