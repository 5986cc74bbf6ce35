import { INDEXED_FIELDS, TEXT_FIELDS } from '../analysis/index.js';
import { IntList } from './analyze-fields.js';
import type { TermPositions } from './types.js';

/** The indexed fields, in field id order (declared in src/analysis/fields.ts). */
export const FIELDS = INDEXED_FIELDS;
export const FIELD_COUNT = FIELDS.length;
/** The text fields come first and are the ones saved position by position (sequence field 0, 1). */
export const SEQUENCE_FIELD_COUNT = TEXT_FIELDS.length;
if (TEXT_FIELDS.some((f, k) => FIELDS[k] !== f)) throw new Error('src/analysis/fields.ts: text fields must come first');

/**
 * The whole inverted index in a few flat arrays: what is saved to disk, and
 * what the search reads (src/search/postings.ts), so that loading is
 * reading buffers, not rebuilding millions of Maps. Field lengths and
 * their averages are MiniSearch's (distinct terms), so that scores are
 * MiniSearch's BM25+.
 */
export interface CompactIndex {
  documentCount: number;
  /** Every indexed term, sorted (JavaScript string order). A term's id is its rank here. */
  terms: string[];
  /** Postings of term t in field f are the (document, frequency) pairs from pair termOffsets[t * F + f] to termOffsets[t * F + f + 1]. */
  termOffsets: Int32Array;
  /** (document number, term frequency) pairs, documents ascending within a term and field. */
  postings: Int32Array;
  /** Number of distinct terms of document n in field f at n * F + f (MiniSearch's field length). */
  fieldLengths: Int32Array;
  /** MiniSearch's average field lengths, by field id. */
  averageFieldLengths: Float64Array;
  /** Term ids by position of document n's text fields (title, text, quotes: SEQUENCE_FIELD_COUNT of them, at SEQUENCE_FIELD_COUNT * n + f), from sequenceOffsets[k] to sequenceOffsets[k + 1] in `sequences`. */
  sequenceOffsets: Int32Array;
  sequences: Int32Array;
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

export function termPositions(compact: CompactIndex): TermPositions {
  const { terms, sequences, sequenceOffsets, documentCount } = compact;
  return {
    termId: (term) => termIndex(terms, term),
    sequence(n, field) {
      if (!(n >= 0 && n < documentCount)) throw new RangeError(`no article ${n}`);
      const k = SEQUENCE_FIELD_COUNT * n + field;
      return sequences.subarray(sequenceOffsets[k], sequenceOffsets[k + 1]);
    },
  };
}

/**
 * Collects analyzed documents, in document order, and turns them into a
 * CompactIndex. Documents arrive as packed records of term ids (see
 * `addPacked`); ids are those of the builder's own numbering, which
 * `globalId` assigns to term strings.
 */
export class CompactBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postingKeys = new IntList(1 << 16);
  private readonly postingDocs = new IntList(1 << 16);
  private readonly postingFreqs = new IntList(1 << 16);
  private readonly fieldLengths = new IntList(1 << 12);
  private readonly averages = new Float64Array(FIELD_COUNT);
  private readonly sequences = new IntList(1 << 16);
  private readonly sequenceOffsets = new IntList(1 << 12);
  private stamps = new Int32Array(1 << 16);
  private counts = new Int32Array(1 << 16);
  private stamp = 0;
  private readonly touched = new IntList(1024);
  documentCount = 0;

  globalId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.stamps.length) {
        const stamps = new Int32Array(this.stamps.length * 2);
        stamps.set(this.stamps);
        this.stamps = stamps;
        const counts = new Int32Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
      }
    }
    return id;
  }

  /**
   * Adds one document from a packed record in `data` at `at`: for each of
   * the F fields, a count then the ids of its terms to index (as
   * `indexTerms` gives them), and for the title and the text, after those,
   * a count then the id at each position (-1 for a stop word). Ids go
   * through `remap` when given. Returns the offset after the record.
   */
  addPacked(data: Int32Array, at: number, remap: Int32Array | null): number {
    const n = this.documentCount++;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const length = data[at++];
      const end = at + length;
      const stamp = ++this.stamp;
      const { stamps, counts, touched } = this;
      touched.length = 0;
      for (; at < end; at++) {
        const id = remap ? remap[data[at]] : data[at];
        if (stamps[id] !== stamp) {
          stamps[id] = stamp;
          counts[id] = 1;
          touched.push(id);
        } else counts[id]++;
      }
      // MiniSearch's field length is the number of distinct terms; its average is a running mean.
      const distinct = touched.length;
      this.fieldLengths.push(distinct);
      this.averages[f] = (this.averages[f] * n + distinct) / (n + 1);
      for (let k = 0; k < distinct; k++) {
        const id = touched.data[k];
        this.postingKeys.push(id * FIELD_COUNT + f);
        this.postingDocs.push(n);
        this.postingFreqs.push(counts[id]);
      }
      if (f < SEQUENCE_FIELD_COUNT) at = this.addSequence(data, at, remap);
    }
    return at;
  }

  private addSequence(data: Int32Array, at: number, remap: Int32Array | null): number {
    const length = data[at++];
    this.sequenceOffsets.push(this.sequences.length);
    const sequences = this.sequences;
    if (sequences.length + length > sequences.data.length) sequences.grow(sequences.length + length);
    const out = sequences.data;
    let o = sequences.length;
    for (const end = at + length; at < end; at++) {
      const id = data[at];
      out[o++] = id < 0 ? -1 : remap ? remap[id] : id;
    }
    sequences.length = o;
    return at;
  }

  finish(): CompactIndex {
    const count = this.terms.length;
    const order = Array.from({ length: count }, (_, k) => k);
    const terms = this.terms;
    order.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    const rank = new Int32Array(count);
    for (let r = 0; r < count; r++) rank[order[r]] = r;
    const sorted = order.map((k) => terms[k]);

    // Counting sort of the postings by (term rank, field); stable, so documents stay ascending.
    const slots = count * FIELD_COUNT;
    const termOffsets = new Int32Array(slots + 1);
    const keys = this.postingKeys.data;
    const total = this.postingKeys.length;
    for (let k = 0; k < total; k++) {
      const key = keys[k];
      const id = (key / FIELD_COUNT) | 0;
      const slot = rank[id] * FIELD_COUNT + (key - id * FIELD_COUNT);
      keys[k] = slot;
      termOffsets[slot + 1]++;
    }
    for (let s = 0; s < slots; s++) termOffsets[s + 1] += termOffsets[s];
    const next = termOffsets.slice(0, slots);
    const postings = new Int32Array(total * 2);
    const docs = this.postingDocs.data;
    const freqs = this.postingFreqs.data;
    for (let k = 0; k < total; k++) {
      const at = next[keys[k]]++ * 2;
      postings[at] = docs[k];
      postings[at + 1] = freqs[k];
    }

    this.sequenceOffsets.push(this.sequences.length);
    // A view, not a copy: the build's largest array is not held twice (a builder is used once).
    const sequences = this.sequences.data.subarray(0, this.sequences.length);
    this.postingKeys.data = this.postingDocs.data = this.postingFreqs.data = new Int32Array(0);
    this.postingKeys.length = this.postingDocs.length = this.postingFreqs.length = 0;
    for (let k = 0; k < sequences.length; k++) if (sequences[k] >= 0) sequences[k] = rank[sequences[k]];
    return {
      documentCount: this.documentCount,
      terms: sorted,
      termOffsets,
      postings,
      fieldLengths: this.fieldLengths.toArray(),
      averageFieldLengths: Float64Array.from(this.averages),
      sequenceOffsets: this.sequenceOffsets.toArray(),
      sequences,
    };
  }
}
