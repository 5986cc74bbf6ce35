import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSections, writeSections, type SectionSource } from '../src/index/binary-file.js';
import { checkSequences, SequenceEncoder, termPositions, type EncodedSequences } from '../src/index/term-sequences.js';

/** Documents' term ids by position held as varint bytes (src/index/term-sequences.ts), read back through the one accessor. */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-sequences-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

const FIELDS = 3;
/** Ids on every byte-length boundary, stop words (-1) and empty fields (a document with no positions at all too). */
const documents: number[][][] = [
  [[0, -1, 126, 127], [16382, 16383, -1, 2097150, 2097151], []],
  [[], [], []],
  [[5], [268435454, 268435455, 1], [7, -1]],
  [[], [3, 3, 3], [-1]],
  [[], [], []],
];

function encode(chunks: number): { sequences: EncodedSequences; encoded: Uint8Array[] } {
  const offsets = [0];
  const all: number[] = [];
  for (const fields of documents) for (const ids of fields) offsets.push((all.push(...ids), all.length));
  const sequenceOffsets = Int32Array.from(offsets);
  const encoder = new SequenceEncoder(sequenceOffsets, FIELDS, documents.length);
  const ids = Int32Array.from(all);
  const size = Math.ceil(ids.length / chunks);
  const encoded: Uint8Array[] = [];
  for (let k = 0; k < ids.length; k += size) encoded.push(encoder.encode(ids.subarray(k, k + size), (id) => id));
  const bytes = new Uint8Array(encoded.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of encoded) bytes.set(c, (at += c.length) - c.length);
  return { sequences: { documentCount: documents.length, terms: [], fieldCount: FIELDS, sequenceOffsets, sequences: bytes, sequenceStarts: encoder.finish() }, encoded };
}

describe('term sequences', () => {
  it('give back every id of every field of every document, however the positions were chunked when encoded', () => {
    for (const chunks of [1, 2, 7]) {
      const { sequences } = encode(chunks);
      checkSequences(sequences);
      const positions = termPositions(sequences, () => -1);
      // In any order: the accessor keeps the last document of each field and must not mix them up.
      for (const n of [4, 0, 2, 2, 1, 3, 0]) for (const f of [2, 0, 1] as const) expect([...positions.sequence(n, f)]).toEqual(documents[n][f]);
    }
    // an id takes one byte below 127, two below 16 383, three below 2 097 151, ...
    expect(encode(1).sequences.sequences.length).toBe(5 + 13 + 1 + 10 + 2 + 3 + 1);
    expect(() => termPositions(encode(1).sequences, () => -1).sequence(5, 0)).toThrow(RangeError);
  });

  it('are written to index.bin and read back as the bytes they are, shared for threads, and refused when they do not fit', async () => {
    const { sequences, encoded } = encode(3);
    const file = path.join(work, 'sequences.bin');
    const source: SectionSource = { kind: 'uint8', chunks: () => encoded };
    await writeSections(file, { sequences: source, sequenceStarts: sequences.sequenceStarts });
    const read = await readSections(file, undefined, { shared: true });
    const bytes = read.get('sequences') as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...bytes]).toEqual([...sequences.sequences]);
    const loaded = { ...sequences, sequences: bytes, sequenceStarts: read.get('sequenceStarts') as Float64Array };
    expect([...termPositions(loaded, () => -1).sequence(2, 1)]).toEqual(documents[2][1]);
    expect(() => checkSequences({ ...loaded, sequences: bytes.subarray(1) })).toThrow(/do not fit/);
  });
});
