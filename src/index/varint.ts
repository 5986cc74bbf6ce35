/**
 * The compact coding of index.bin's integer sections (binary-file.ts): each
 * 32-bit integer as a zigzag LEB128 varint (7 bits a byte, small values of
 * either sign in one byte: -1, the stop word of a term sequence, is one
 * byte), optionally as the difference from the integer `stride` places
 * before it (document numbers of postings pairs ascend within a term,
 * offsets ascend throughout), so that a term id takes two or three bytes
 * instead of four and a posting two instead of eight. Decoding is one pass
 * over the bytes into an Int32Array of a size given in the header.
 */

/** Most bytes a 32-bit integer takes. */
export const MAX_VARINT_BYTES = 5;

/**
 * Encodes `values`, the integers from number `first` of a section, into
 * `out` (at least MAX_VARINT_BYTES bytes a value long), `previous` holding
 * the last `stride` integers before them by position modulo stride
 * (updated); returns the bytes written.
 */
export function encodeVarints(values: Int32Array, first: number, stride: number, previous: Int32Array, out: Uint8Array): number {
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    let value = values[k];
    if (stride > 0) {
      const slot = (first + k) % stride;
      const before = previous[slot];
      previous[slot] = value;
      value = (value - before) | 0;
    }
    // zigzag: 0, -1, 1, -2, 2 … as 0, 1, 2, 3, 4 …
    let v = ((value << 1) ^ (value >> 31)) >>> 0;
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[at++] = v;
  }
  return at;
}

const damaged = () => new Error('varint section cut short or damaged');

/**
 * Decodes a varint section fed in slices (binary-file.ts reads a section a
 * few megabytes at a time into one buffer, rather than whole), into an
 * Int32Array of `count` integers, each difference added to the integer
 * `stride` places before as it is decoded (one pass over the output).
 */
export class VarintDecoder {
  readonly out: Int32Array;
  private decoded = 0;

  constructor(
    private readonly count: number,
    private readonly stride: number,
    shared = false,
  ) {
    this.out = shared ? new Int32Array(new SharedArrayBuffer(count * 4)) : new Int32Array(count);
  }

  /**
   * Decodes the varints of bytes[0, end); returns how many bytes it used.
   * Unless `last`, a varint that may continue past `end` (in its last
   * MAX_VARINT_BYTES - 1 bytes) is left for the next call, which must be
   * given those bytes again, first.
   */
  feed(bytes: Uint8Array, end: number, last: boolean): number {
    const { out, count, stride } = this;
    let k = this.decoded;
    let at = 0;
    // Up to `safe`, a varint of five bytes lies within the bytes: no bound to check byte by byte.
    const safe = end - MAX_VARINT_BYTES;
    const stop = last ? end : safe + 1;
    while (at < stop) {
      if (k === count) throw new Error('varint section longer than its count');
      let v: number;
      if (at > safe) {
        // The last few bytes of the section: each checked.
        v = 0;
        for (let shift = 0, byte = 0x80; byte >= 0x80; shift += 7) {
          if (at >= end || shift > 28) throw damaged();
          byte = bytes[at++];
          v |= (byte & 0x7f) << shift;
        }
      } else {
        let byte = bytes[at++];
        v = byte & 0x7f;
        if (byte >= 0x80) {
          byte = bytes[at++];
          v |= (byte & 0x7f) << 7;
          if (byte >= 0x80) {
            byte = bytes[at++];
            v |= (byte & 0x7f) << 14;
            if (byte >= 0x80) {
              byte = bytes[at++];
              v |= (byte & 0x7f) << 21;
              if (byte >= 0x80) {
                byte = bytes[at++];
                if (byte >= 0x80) throw damaged();
                v |= byte << 28;
              }
            }
          }
        }
      }
      // zigzag back, then the difference added
      v = (v >>> 1) ^ -(v & 1);
      out[k] = stride > 0 && k >= stride ? (v + out[k - stride]) | 0 : v;
      k++;
    }
    this.decoded = k;
    return at;
  }

  /** The integers; throws when fewer were fed than the count. */
  finish(): Int32Array {
    if (this.decoded !== this.count) throw damaged();
    return this.out;
  }
}

/** Decodes `count` integers coded by encodeVarints (with the same stride, from zeros), into a SharedArrayBuffer when `shared`; throws when the bytes do not hold exactly that many. */
export function decodeVarints(bytes: Uint8Array, count: number, stride: number, shared = false): Int32Array {
  const decoder = new VarintDecoder(count, stride, shared);
  decoder.feed(bytes, bytes.length, true);
  return decoder.finish();
}
