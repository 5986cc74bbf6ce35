import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSections, varints, writeSections, type SectionSource } from '../src/index/binary-file.js';
import { decodeVarints, encodeVarints, VarintDecoder } from '../src/index/varint.js';

/** index.bin's integer sections stored as varints (src/index/varint.ts) read back as the arrays written. */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-varints-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('varint sections', () => {
  it('round-trips every 32-bit integer, alone, as differences, and streamed in chunks', async () => {
    const extremes = Int32Array.from([0, -1, 1, 63, -64, 64, 127, 128, 16383, 16384, -2147483648, 2147483647, 5, 5, -1, 0]);
    const pairs = Int32Array.from({ length: 2000 }, (_, k) => (k % 2 === 0 ? Math.floor(k / 7) : (k * 31) % 13));
    const streamed: SectionSource = { kind: 'int32', bytes: pairs.byteLength, chunks: () => [pairs.subarray(0, 999), pairs.subarray(999)] };
    const file = path.join(work, 'round.bin');
    await writeSections(file, { before: 'texte', extremes: varints(extremes), ascending: varints(extremes, 1), pairs: varints(streamed, 2), after: Float64Array.from([0.25]) });
    const sections = await readSections(file, await sha256(file));
    expect(sections.get('extremes')).toEqual(extremes);
    expect(sections.get('ascending')).toEqual(extremes);
    expect(sections.get('pairs')).toEqual(pairs);
    expect(sections.get('before')).toBe('texte');
    expect(sections.get('after')).toEqual(Float64Array.from([0.25]));
    // read for threads to share (src/index/shared-build.ts), a varint section is decoded into a SharedArrayBuffer
    const shared = (await readSections(file, undefined, { shared: true })).get('pairs') as Int32Array;
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared)).toEqual(Array.from(pairs));
    // documents ascending by pairs take a byte each, not four
    const bytes = (await readFile(file)).length;
    expect(bytes).toBeLessThan(pairs.byteLength / 2);
  });

  it('refuses a damaged section, and bytes that do not hold the count written', async () => {
    const file = path.join(work, 'damaged.bin');
    const values = Int32Array.from({ length: 500 }, (_, k) => k * k);
    await writeSections(file, { values: varints(values, 1) });
    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 10] ^= 0x40;
    await writeFile(file, flipped);
    await expect(readSections(file)).rejects.toThrow(/section values fails its CRC-32/);
    const coded = new Uint8Array(5 * values.length);
    const length = encodeVarints(values, 0, 1, new Int32Array(1), coded);
    expect(decodeVarints(coded.subarray(0, length), values.length, 1)).toEqual(values);
    expect(() => decodeVarints(coded.subarray(0, length - 1), values.length, 1)).toThrow(/cut short/);
    expect(() => decodeVarints(coded.subarray(0, length), values.length - 1, 1)).toThrow(/longer than its count/);
  });

  it('decodes the same integers fed in slices of any length, a varint split between two', () => {
    const values = Int32Array.from({ length: 3000 }, (_, k) => (k % 2 === 0 ? k * 977 : (k % 7) - 3));
    const coded = new Uint8Array(5 * values.length);
    const length = encodeVarints(values, 0, 2, new Int32Array(2), coded);
    for (const sliceBytes of [1, 2, 3, 7, 64]) {
      const decoder = new VarintDecoder(values.length, 2);
      const buffer = new Uint8Array(sliceBytes + 5);
      let carried = 0;
      for (let read = 0; read < length; ) {
        const n = Math.min(sliceBytes, length - read);
        buffer.set(coded.subarray(read, read + n), carried);
        read += n;
        const used = decoder.feed(buffer, carried + n, read === length);
        buffer.copyWithin(0, used, carried + n);
        carried = carried + n - used;
      }
      expect(decoder.finish()).toEqual(values);
    }
  });

  it('refuses a file whose hash, computed in another thread, is not the one expected', async () => {
    const file = path.join(work, 'hashed.bin');
    await writeSections(file, { values: varints(Int32Array.from([1, 2, 3]), 1) });
    const right = await sha256(file);
    expect((await readSections(file, right)).get('values')).toEqual(Int32Array.from([1, 2, 3]));
    await expect(readSections(file, right.replace(/^./, (c) => (c === '0' ? '1' : '0')))).rejects.toThrow(/hashed\.bin fails its checksum/);
  });
});
