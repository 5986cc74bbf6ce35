import type { TermPositions } from './types.js';

/**
 * The term ids by position of every document's text fields (compact.ts's
 * forward index: phrases, proximity, exactness, snippets, quotations) as
 * they are held in memory and in index.bin: each position's id plus one
 * as an unsigned LEB128 varint (7 bits a byte; 0, a position without a
 * term, in one byte), document after document, field after field, with the
 * byte at which each document begins. A term id takes one to three bytes
 * instead of four: at 100 000 articles 175 MB of Int32Array become some
 * 70 MB, at a million 1.75 GB some 0.7 GB, in every serving process.
 *
 * Every reader goes through one accessor, `termPositions(...).sequence(n,
 * field)`, which decodes that one field of one document into an Int32Array
 * (a few hundred positions: microseconds) and keeps the last DECODED_KEPT
 * decoded (one slot per document and field, by number), so that the readers
 * of one document in a row (a phrase, then proximity, then a quotation's
 * words) and the keystrokes of one reader, which test the same best
 * candidates again, decode it once.
 */

/** Decoded sequences kept per accessor (a power of two): some 4 MB of a thread's memory at 100 000 articles. */
const DECODED_KEPT = 2048;

/** What `termPositions` reads: the byte sequences, each document's first byte, and each field's first position. */
export interface EncodedSequences {
  documentCount: number;
  terms: readonly string[];
  /** Fields per document (title, text, quotes). */
  fieldCount: number;
  /** Positions of document n's field f are sequenceOffsets[k] to sequenceOffsets[k + 1] - 1, k = fieldCount * n + f. */
  sequenceOffsets: Int32Array;
  /** The varint bytes. */
  sequences: Uint8Array;
  /** Byte of `sequences` at which document n's first field begins, plus the end (documentCount + 1 entries). */
  sequenceStarts: Float64Array;
}

/** Bytes `id` takes. */
function encodedLength(id: number): number {
  const v = id + 1;
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/**
 * Encodes a stream of term ids by position, in document and field order,
 * chunk by chunk, recording the byte at which each document begins (its
 * first position is `sequenceOffsets[fieldCount * n]`).
 */
export class SequenceEncoder {
  readonly starts: Float64Array;
  private position = 0;
  private bytes = 0;
  private nextDocument = 0;

  constructor(
    private readonly sequenceOffsets: Int32Array,
    private readonly fieldCount: number,
    private readonly documentCount: number,
  ) {
    this.starts = new Float64Array(documentCount + 1);
  }

  /** Bytes the ids of `chunk` take once `map`ped. */
  static measure(chunk: Int32Array, map: (id: number) => number): number {
    let total = 0;
    for (let k = 0; k < chunk.length; k++) total += encodedLength(map(chunk[k]));
    return total;
  }

  /** The bytes of the next positions, each id `map`ped first (-1 stays -1). */
  encode(chunk: Int32Array, map: (id: number) => number): Uint8Array {
    const out = new Uint8Array(SequenceEncoder.measure(chunk, map));
    const { sequenceOffsets, fieldCount, documentCount, starts } = this;
    let at = 0;
    for (let k = 0; k < chunk.length; k++) {
      while (this.nextDocument < documentCount && sequenceOffsets[fieldCount * this.nextDocument] <= this.position) starts[this.nextDocument++] = this.bytes + at;
      this.position++;
      let v = map(chunk[k]) + 1;
      while (v >= 0x80) {
        out[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[at++] = v;
    }
    this.bytes += at;
    return out;
  }

  /** Once every position is encoded: the starts of the documents left (no positions) and the end. */
  finish(): Float64Array {
    while (this.nextDocument < this.documentCount) this.starts[this.nextDocument++] = this.bytes;
    this.starts[this.documentCount] = this.bytes;
    return this.starts;
  }
}

/** Throws when the byte sequences do not fit their offsets (checked once, when a build is loaded). */
export function checkSequences(s: EncodedSequences): void {
  const { documentCount, sequenceStarts, sequences } = s;
  let ok = sequenceStarts.length === documentCount + 1 && sequenceStarts[0] === 0 && sequenceStarts[documentCount] === sequences.length;
  for (let n = 0; ok && n < documentCount; n++) ok = sequenceStarts[n] <= sequenceStarts[n + 1];
  if (!ok) throw new Error('index.bin term sequences do not fit their offsets');
}

/** The one accessor to documents' term ids by position (types.ts), decoding them field by field. */
export function termPositions(s: EncodedSequences, termId: (term: string) => number): TermPositions {
  const { sequences, sequenceOffsets, sequenceStarts, documentCount, fieldCount } = s;
  const keptKey = new Int32Array(DECODED_KEPT).fill(-1);
  const kept: Int32Array[] = new Array(DECODED_KEPT);
  const damaged = (n: number) => new RangeError(`term sequence of article ${n} is damaged`);
  return {
    termId,
    sequence(n, field) {
      if (!(n >= 0 && n < documentCount)) throw new RangeError(`no article ${n}`);
      const k = fieldCount * n;
      const slot = (k + field) & (DECODED_KEPT - 1);
      if (keptKey[slot] === k + field) return kept[slot];
      let at = sequenceStarts[n];
      // Past the fields before: one test a byte.
      for (let skip = sequenceOffsets[k + field] - sequenceOffsets[k]; skip > 0; at++) if (sequences[at] < 0x80) skip--;
      const out = new Int32Array(sequenceOffsets[k + field + 1] - sequenceOffsets[k + field]);
      const end = sequenceStarts[n + 1];
      for (let p = 0; p < out.length; p++) {
        let byte = sequences[at++];
        let v = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = sequences[at++];
          v |= (byte & 0x7f) << shift;
        }
        out[p] = v - 1;
      }
      if (at > end) throw damaged(n);
      keptKey[slot] = k + field;
      kept[slot] = out;
      return out;
    },
  };
}
