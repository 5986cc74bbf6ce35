/** The inverted index's flat arrays and their builder, longer than 300 lines: builder and reader share one layout, written once here. */
import { INDEXED_FIELDS, TEXT_FIELDS } from '../analysis/index.js';
import { IntList } from './analyze-fields.js';
import { ChunkedInts } from './chunked-ints.js';
import type { SectionSource } from './binary-file.js';
import type { TermPositions } from './types.js';
import { PostingCounter } from './posting-counts.js';
import { SequenceEncoder, termPositions as decodedPositions } from './term-sequences.js';
export { QUOTED_BITS, QUOTED_OVERFLOW, textPosting } from './posting-counts.js';

/** The indexed fields, in field id order (declared in src/analysis/fields.ts). */
export const FIELDS = INDEXED_FIELDS;
export const FIELD_COUNT = FIELDS.length;
/** The text's field id, and the quotations': spans of the text, whose terms and positions are taken from it (quotation-record.ts). */
export const TEXT_FIELD = FIELDS.indexOf('text');
export const QUOTES_FIELD = FIELDS.indexOf('quotes');
/** The text fields come first and are the ones saved position by position (sequence field 0, 1). */
export const SEQUENCE_FIELD_COUNT = TEXT_FIELDS.length;
if (TEXT_FIELDS.some((f, k) => FIELDS[k] !== f)) throw new Error('src/analysis/fields.ts: text fields must come first');

/**
 * The whole inverted index in a few flat arrays: what is saved to disk, and
 * what the search reads (src/search/postings.ts), so that loading is
 * reading buffers, not rebuilding millions of Maps. Field lengths and
 * their averages are MiniSearch's (distinct terms), so that scores are
 * MiniSearch's BM25+. Longer than 300 lines: builder and reader share one layout, written once here.
 */
export interface CompactIndex {
  documentCount: number;
  /** Every indexed term, sorted (JavaScript string order). A term's id is its rank here. */
  terms: string[];
  /** Postings of term t in field f are the (document, frequency) pairs from pair termOffsets[t * F + f] to termOffsets[t * F + f + 1]. */
  termOffsets: Int32Array;
  /** (document number, term frequency) pairs, documents ascending within a term and field; a text posting's frequency also holds the quotations' (textPosting). */
  postings: Int32Array;
  /** Number of distinct terms of document n in field f at n * F + f (MiniSearch's field length). */
  fieldLengths: Int32Array;
  /** MiniSearch's average field lengths, by field id. */
  averageFieldLengths: Float64Array;
  /**
   * Term ids by position of document n's text fields (title, text, quotes: SEQUENCE_FIELD_COUNT of them, at
   * SEQUENCE_FIELD_COUNT * n + f), positions sequenceOffsets[k] to sequenceOffsets[k + 1] - 1. The quotes'
   * hold only the quotations that are not one span of the text (the others are spans of the text's: quotePlaces).
   * Held as varint bytes (term-sequences.ts), document n's from byte sequenceStarts[n]; read through `termPositions`.
   */
  sequenceOffsets: Int32Array;
  sequences: Uint8Array;
  sequenceStarts: Float64Array;
  /**
   * Where each quotation of document n lies among the term ids by position: quotations quoteOffsets[n] to
   * quoteOffsets[n + 1] - 1, in the article's order, each a (place, positions) pair in `quotePlaces`. A place >= 0
   * is a position of the document's text sequence (the quotation is that span of it), a place p < 0 the position
   * -p - 1 of its `quotes` sequence, which holds only the quotations that are not one span of the text.
   */
  quoteOffsets: Int32Array;
  quotePlaces: Int32Array;
}

/** Id of `term` in sorted `terms`, or -1. */
export function termIndex(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid];
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The one accessor of documents' term ids by position (term-sequences.ts decodes them). */
export function termPositions(compact: CompactIndex): TermPositions {
  const { terms } = compact;
  return decodedPositions({ ...compact, fieldCount: SEQUENCE_FIELD_COUNT }, (term) => termIndex(terms, term));
}

/** Every field id, in order: what a packed record of a whole document holds. */
export const ALL_FIELDS: readonly number[] = Array.from({ length: FIELD_COUNT }, (_, f) => f);
/** The positioned (text) fields, analysed where the text is read, and the others, analysed once the corpus is assembled. */
export const SEQUENCE_FIELDS: readonly number[] = ALL_FIELDS.slice(0, SEQUENCE_FIELD_COUNT);
export const KEYWORD_FIELDS: readonly number[] = ALL_FIELDS.slice(SEQUENCE_FIELD_COUNT);
/** Postings (pairs) sorted at once when a build streams them out: 256 MB of output at a time. */
const POSTINGS_WINDOW = 32 * 1024 * 1024;

export interface CompactBuilderOptions {
  /** Postings (pairs) per window when they are streamed out (default POSTINGS_WINDOW; tests make it small to have many). */
  postingsWindow?: number;
}

/** A CompactIndex whose two largest arrays are streamed out rather than held (for writeSections). */
export interface CompactSections {
  documentCount: number;
  terms: string[];
  termOffsets: Int32Array;
  postings: SectionSource;
  fieldLengths: Int32Array;
  averageFieldLengths: Float64Array;
  sequenceOffsets: Int32Array;
  /** Varint bytes, streamed; `sequenceStarts` is known once they are (written after them). */
  sequences: SectionSource;
  sequenceStarts: SectionSource;
  quoteOffsets: Int32Array;
  quotePlaces: Int32Array;
}

/**
 * Collects analyzed documents and turns them into a CompactIndex. Documents
 * arrive as packed records of term ids (see `addPacked`); ids are those of
 * the builder's own numbering, which `globalId` assigns to term strings. A
 * document's fields may arrive in two passes (its text fields while the
 * corpus is read, its keyword fields once it is assembled), each pass in
 * document order.
 *
 * Postings are kept as (key, document, frequency) triples and term
 * positions as term ids, both in fixed-size chunks (chunked-ints.ts); with
 * a spill folder the chunks go to files as they fill, so that a build's
 * memory does not grow with its postings. `finish` sorts them into arrays;
 * `finishSections` streams them out sorted, a window of terms at a time.
 */
export class CompactBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: ChunkedInts;
  private readonly fieldLengths = new IntList(1 << 12);
  private readonly lengthSums = new Float64Array(FIELD_COUNT);
  private readonly sequences: ChunkedInts;
  private readonly sequenceOffsets = new IntList(1 << 12);
  private readonly quoteOffsets = new IntList(1 << 12);
  private readonly quotePlaces = new IntList(1 << 12);
  private readonly counter: PostingCounter;
  private readonly postingsWindowSize: number;
  documentCount = 0;

  constructor(
    private readonly spillDir: string | null = null,
    options: CompactBuilderOptions = {},
  ) {
    this.postingsWindowSize = options.postingsWindow ?? POSTINGS_WINDOW;
    this.postings = new ChunkedInts(spillDir && `${spillDir}/postings.spill`);
    this.sequences = new ChunkedInts(spillDir && `${spillDir}/sequences.spill`);
    this.counter = new PostingCounter(this.postings);
  }

  globalId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.counter.fit(id + 1);
    }
    return id;
  }

  /**
   * Adds fields of document `n` from a packed record in `data` at `at`: for each field of `fields` (ascending), a
   * count then the ids of its terms to index (as `indexTerms` gives them), and for the title, the text and the
   * quotations, after those, a count then the id at each position (-1 for a stop word); for the quotations then
   * their places (quotation-record.ts). Ids go through `remap` when given. Returns the offset after the record.
   */
  addPacked(data: Int32Array, at: number, remap: Int32Array | null, n = this.documentCount, fields: readonly number[] = ALL_FIELDS): number {
    if (n >= this.documentCount) this.documentCount = n + 1;
    const lengths = this.fieldLengths;
    if ((n + 1) * FIELD_COUNT > lengths.data.length) lengths.grow((n + 1) * FIELD_COUNT);
    if ((n + 1) * FIELD_COUNT > lengths.length) lengths.length = (n + 1) * FIELD_COUNT;
    const counter = this.counter;
    counter.startDocument();
    for (const f of fields) {
      const quotations = f === QUOTES_FIELD;
      // The text's counts wait for the quotations' only when those come next.
      if (!quotations) counter.postHeldText(n);
      const length = data[at++];
      const distinct = quotations ? counter.countQuoted(data, at, at + length, remap) : counter.countTerms(data, at, at + length, remap);
      at += length;
      // MiniSearch's field length is the number of distinct terms.
      lengths.data[n * FIELD_COUNT + f] = distinct;
      this.lengthSums[f] += distinct;
      if (f === TEXT_FIELD) counter.holdText(distinct);
      else if (quotations) counter.postTextAndQuotes(n, distinct);
      else counter.postTerms(n, f, distinct);
      if (f < SEQUENCE_FIELD_COUNT) at = this.addSequence(data, at, remap, SEQUENCE_FIELD_COUNT * n + f);
      if (quotations) at = this.addQuotePlaces(data, at, n);
    }
    counter.postHeldText(n);
    return at;
  }

  private addSequence(data: Int32Array, at: number, remap: Int32Array | null, slot: number): number {
    if (slot !== this.sequenceOffsets.length) throw new Error(`term positions of document ${Math.floor(slot / SEQUENCE_FIELD_COUNT)} out of order`);
    const length = data[at++];
    this.sequenceOffsets.push(this.sequences.length);
    const sequences = this.sequences;
    for (const end = at + length; at < end; at++) {
      const id = data[at];
      sequences.push(id < 0 ? -1 : remap ? remap[id] : id);
    }
    return at;
  }

  /** After the quotes field's sequence: a count of quotations, then a (place, positions) pair for each (quotation-record.ts). */
  private addQuotePlaces(data: Int32Array, at: number, n: number): number {
    if (n !== this.quoteOffsets.length) throw new Error(`quotations of document ${n} out of order`);
    const count = data[at++];
    this.quoteOffsets.push(this.quotePlaces.length / 2);
    for (const end = at + 2 * count; at < end; at++) this.quotePlaces.push(data[at]);
    return at;
  }

  /** The terms sorted, and the rank of each builder id among them. */
  private sortTerms(): { sorted: string[]; rank: Int32Array } {
    const count = this.terms.length;
    const order = Array.from({ length: count }, (_, k) => k);
    const terms = this.terms;
    order.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    const rank = new Int32Array(count);
    for (let r = 0; r < count; r++) rank[order[r]] = r;
    return { sorted: order.map((k) => terms[k]), rank };
  }

  /** Where the postings of each (term rank, field) slot start, plus the total. */
  private slotOffsets(rank: Int32Array): Int32Array {
    const termOffsets = new Int32Array(this.terms.length * FIELD_COUNT + 1);
    for (const chunk of this.postings.chunksInOrder()) {
      for (let k = 0; k < chunk.length; k += 3) {
        const key = chunk[k];
        const id = (key / FIELD_COUNT) | 0;
        termOffsets[rank[id] * FIELD_COUNT + (key - id * FIELD_COUNT) + 1]++;
      }
    }
    for (let s = 0; s < termOffsets.length - 1; s++) termOffsets[s + 1] += termOffsets[s];
    return termOffsets;
  }

  /** The postings of slots [from, to) in order, as (document, frequency) pairs: a pass over every triple, stable, so documents stay ascending. */
  private postingsWindow(rank: Int32Array, termOffsets: Int32Array, from: number, to: number): Int32Array {
    const base = termOffsets[from];
    const out = new Int32Array((termOffsets[to] - base) * 2);
    const next = termOffsets.slice(from, to);
    for (const chunk of this.postings.chunksInOrder()) {
      for (let k = 0; k < chunk.length; k += 3) {
        const key = chunk[k];
        const id = (key / FIELD_COUNT) | 0;
        const slot = rank[id] * FIELD_COUNT + (key - id * FIELD_COUNT);
        if (slot < from || slot >= to) continue;
        const at = (next[slot - from]++ - base) * 2;
        out[at] = chunk[k + 1];
        out[at + 1] = chunk[k + 2];
      }
    }
    return out;
  }

  /** The postings as (slot, document, frequency) triples, one list per window (`windowStarts`: each window's first slot, then the number of slots), in the order of the postings. */
  private partitionPostings(rank: Int32Array, windowStarts: readonly number[]): ChunkedInts[] {
    const windows = windowStarts.length - 1;
    const parts = Array.from({ length: windows }, (_, w) => new ChunkedInts(this.spillDir && `${this.spillDir}/postings-${w}.spill`));
    for (const chunk of this.postings.chunksInOrder()) {
      for (let k = 0; k < chunk.length; k += 3) {
        const key = chunk[k];
        const id = (key / FIELD_COUNT) | 0;
        const slot = rank[id] * FIELD_COUNT + (key - id * FIELD_COUNT);
        // The last window starting at or before the slot.
        let lo = 0;
        let hi = windows - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (windowStarts[mid] <= slot) lo = mid;
          else hi = mid - 1;
        }
        parts[lo].push3(slot, chunk[k + 1], chunk[k + 2]);
      }
    }
    return parts;
  }

  /** postingsWindow of slots [from, to) from their window's triples (partitionPostings). */
  private windowOfPart(part: ChunkedInts, termOffsets: Int32Array, from: number, to: number): Int32Array {
    const base = termOffsets[from];
    const out = new Int32Array((termOffsets[to] - base) * 2);
    const next = termOffsets.slice(from, to);
    for (const chunk of part.chunksInOrder()) {
      for (let k = 0; k < chunk.length; k += 3) {
        const at = (next[chunk[k] - from]++ - base) * 2;
        out[at] = chunk[k + 1];
        out[at + 1] = chunk[k + 2];
      }
    }
    return out;
  }

  private closeOffsets(): void {
    if (this.sequenceOffsets.length !== SEQUENCE_FIELD_COUNT * this.documentCount) throw new Error('term positions missing for some documents');
    this.sequenceOffsets.push(this.sequences.length);
    if (this.quoteOffsets.length !== this.documentCount) throw new Error('quotations missing for some documents');
    this.quoteOffsets.push(this.quotePlaces.length / 2);
  }

  private averages(): Float64Array {
    return Float64Array.from(this.lengthSums, (sum) => (this.documentCount === 0 ? 0 : sum / this.documentCount));
  }

  /** The whole index in memory (a builder is used once). */
  finish(): CompactIndex {
    const { sorted, rank } = this.sortTerms();
    const termOffsets = this.slotOffsets(rank);
    const postings = this.postingsWindow(rank, termOffsets, 0, termOffsets.length - 1);
    this.closeOffsets();
    const columns = this.columns(sorted, termOffsets);
    const map = (id: number) => (id < 0 ? -1 : rank[id]);
    let bytes = 0;
    for (const chunk of this.sequences.chunksInOrder()) bytes += SequenceEncoder.measure(chunk, map);
    const sequences = new Uint8Array(bytes);
    const encoder = new SequenceEncoder(columns.sequenceOffsets, SEQUENCE_FIELD_COUNT, this.documentCount);
    let o = 0;
    for (const chunk of this.sequences.chunksInOrder()) {
      const encoded = encoder.encode(chunk, map);
      sequences.set(encoded, o);
      o += encoded.length;
    }
    this.postings.dispose();
    this.sequences.dispose();
    return { ...columns, postings, sequences, sequenceStarts: encoder.finish() };
  }

  /** What both ways of finishing return besides the postings and term positions. */
  private columns(terms: string[], termOffsets: Int32Array) {
    return {
      documentCount: this.documentCount,
      terms,
      termOffsets,
      fieldLengths: this.fieldLengths.toArray(),
      averageFieldLengths: this.averages(),
      sequenceOffsets: this.sequenceOffsets.toArray(),
      quoteOffsets: this.quoteOffsets.toArray(),
      quotePlaces: this.quotePlaces.toArray(),
    };
  }

  /** The index with its postings and term positions streamed out when written (windows of POSTINGS_WINDOW pairs); `dispose` frees the rest after. */
  finishSections(): CompactSections {
    const { sorted, rank } = this.sortTerms();
    const termOffsets = this.slotOffsets(rank);
    this.closeOffsets();
    const slots = termOffsets.length - 1;
    const self = this;
    // The windows of slots, each of at most postingsWindowSize pairs (a slot larger than that is a window alone).
    const windowStarts: number[] = [];
    for (let from = 0; from < slots; ) {
      let to = from + 1;
      while (to < slots && termOffsets[to + 1] - termOffsets[from] <= this.postingsWindowSize) to++;
      windowStarts.push(from);
      from = to;
    }
    windowStarts.push(slots);
    const postings: SectionSource = {
      kind: 'int32',
      bytes: termOffsets[slots] * 8,
      *chunks() {
        if (windowStarts.length <= 2) {
          if (slots > 0) yield self.postingsWindow(rank, termOffsets, 0, slots);
          return;
        }
        // Several windows: one pass sorts the triples out by window (spilled like the postings), so that each window
        // reads its own rather than all of them: the cost stays linear in the postings, whatever their number of windows.
        const parts = self.partitionPostings(rank, windowStarts);
        let disposed = 0;
        try {
          for (let w = 0; w < parts.length; w++) {
            yield self.windowOfPart(parts[w], termOffsets, windowStarts[w], windowStarts[w + 1]);
            parts[w].dispose();
            disposed = w + 1;
          }
        } finally {
          for (let w = disposed; w < parts.length; w++) parts[w].dispose();
        }
      },
    };
    const columns = this.columns(sorted, termOffsets);
    const encoder = new SequenceEncoder(columns.sequenceOffsets, SEQUENCE_FIELD_COUNT, this.documentCount);
    let encoded = false;
    const sequences: SectionSource = {
      kind: 'uint8',
      *chunks() {
        const map = (id: number) => (id < 0 ? -1 : rank[id]);
        for (const chunk of self.sequences.chunksInOrder()) yield encoder.encode(chunk, map);
        encoded = true;
      },
    };
    const sequenceStarts: SectionSource = {
      kind: 'float64',
      bytes: (this.documentCount + 1) * 8,
      *chunks() {
        if (!encoded) throw new Error('term sequence starts written before the sequences');
        yield encoder.finish();
      },
    };
    return { ...columns, postings, sequences, sequenceStarts };
  }

  /** Frees the chunks and removes the spill files. */
  dispose(): void {
    this.postings.dispose();
    this.sequences.dispose();
  }
}
