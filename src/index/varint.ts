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

/** Decodes `count` integers coded by encodeVarints (with the same stride, from zeros), into a SharedArrayBuffer when `shared`; throws when the bytes do not hold exactly that many. */
export function decodeVarints(bytes: Uint8Array, count: number, stride: number, shared = false): Int32Array {
  const out = shared ? new Int32Array(new SharedArrayBuffer(count * 4)) : new Int32Array(count);
  const end = bytes.length;
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at >= end) throw new Error('varint section cut short or damaged');
    let v = bytes[at++];
    // One or two bytes for most values (stop words, term ids below 8192, small differences): the loop only past them.
    if (v >= 0x80) {
      if (at >= end) throw new Error('varint section cut short or damaged');
      let byte = bytes[at++];
      v = (v & 0x7f) | ((byte & 0x7f) << 7);
      for (let shift = 14; byte >= 0x80; shift += 7) {
        if (at >= end || shift > 28) throw new Error('varint section cut short or damaged');
        byte = bytes[at++];
        v |= (byte & 0x7f) << shift;
      }
    }
    out[k] = (v >>> 1) ^ -(v & 1);
  }
  if (at !== end) throw new Error('varint section longer than its count');
  if (stride > 0) for (let k = stride; k < count; k++) out[k] = (out[k] + out[k - stride]) | 0;
  return out;
}
