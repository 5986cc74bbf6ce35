import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSections, writeSections, type SectionSource } from '../src/index/binary-file.js';
import { CHUNK_INTS, ChunkedInts } from '../src/index/chunked-ints.js';
import { CompactBuilder, FIELD_COUNT, SEQUENCE_FIELD_COUNT } from '../src/index/compact.js';
import { parseCatalog, writeCatalog } from '../src/index/catalog-file.js';
import { CatalogReader } from '../src/index/packed-catalog.js';
import type { Article } from '../src/ingest/types.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-sections-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('index.bin sections', () => {
  it('reads back a section written from a stream of chunks, each section into an array of its own', async () => {
    const file = path.join(work, 'streamed.bin');
    const parts = [Int32Array.from([1, 2, 3]), Int32Array.from([-4]), Int32Array.from([5, 6])];
    const streamed: SectionSource = { kind: 'int32', bytes: 24, chunks: () => parts };
    await writeSections(file, { words: 'un\ndeux', streamed, lengths: Float64Array.from([0.5, 2]) });
    const sections = await readSections(file, await sha256(file));
    expect(sections.get('words')).toBe('un\ndeux');
    expect([...(sections.get('streamed') as Int32Array)]).toEqual([1, 2, 3, -4, 5, 6]);
    expect([...(sections.get('lengths') as Float64Array)]).toEqual([0.5, 2]);
    expect((sections.get('streamed') as Int32Array).buffer).not.toBe((sections.get('lengths') as Float64Array).buffer);
  });

  it('refuses a stream longer or shorter than it declared', async () => {
    const short: SectionSource = { kind: 'int32', bytes: 16, chunks: () => [Int32Array.from([1])] };
    await expect(writeSections(path.join(work, 'short.bin'), { short })).rejects.toThrow(/4 bytes instead of 16/);
    const long: SectionSource = { kind: 'int32', bytes: 4, chunks: () => [Int32Array.from([1, 2])] };
    await expect(writeSections(path.join(work, 'long.bin'), { long })).rejects.toThrow(/longer than declared/);
  });

  it('names the section whose bytes changed, checksum or not', async () => {
    const file = path.join(work, 'flipped.bin');
    await writeSections(file, { first: Int32Array.from([1, 2, 3, 4]), second: Int32Array.from([7, 8, 9]) });
    const bytes = await readFile(file);
    // The last bytes of the file are the second section's.
    bytes[bytes.length - 5] ^= 0x10;
    await writeFile(file, bytes);
    await expect(readSections(file)).rejects.toThrow(/section second fails its CRC-32/);
  });
});

describe('chunked integer lists', () => {
  it('give back what was pushed, in order, across chunks, from memory or from a spill file', () => {
    for (const spill of [null, path.join(work, 'ints.spill')]) {
      const list = new ChunkedInts(spill);
      const count = CHUNK_INTS * 2 + 7;
      for (let k = 0; k < count; k += 3) list.push3(k, -k, k * 2);
      const seen: number[] = [];
      for (const chunk of list.chunksInOrder()) for (let k = 0; k < chunk.length; k += 3) seen.push(chunk[k], chunk[k + 1] + chunk[k], chunk[k + 2] - 2 * chunk[k]);
      expect(seen.length).toBe(list.length);
      expect(seen.filter((v, k) => (k % 3 === 0 ? v !== k : v !== 0))).toEqual([]);
      list.dispose();
    }
  });

  it('let a builder stream out the same postings and positions as it holds in memory', () => {
    const build = (spillDir: string | null, postingsWindow?: number) => {
      const builder = new CompactBuilder(spillDir, { postingsWindow });
      for (let n = 0; n < 50; n++) {
        const id = (term: string) => builder.globalId(term);
        // Each text field: its indexed ids, then its ids by position (a stop word: -1); then each keyword field: its ids.
        const record: number[] = [];
        for (let f = 0; f < FIELD_COUNT; f++) {
          const ids = [id(`f${f}-${n % (f + 3)}`), id('commun'), id(`g${n % 2}`)];
          record.push(ids.length, ...ids);
          if (f < SEQUENCE_FIELD_COUNT) record.push(ids.length + 1, ...ids, -1);
        }
        builder.addPacked(Int32Array.from(record), 0, null);
      }
      return builder;
    };
    const held = build(null).finish();
    const streamer = build(work);
    const streamed = streamer.finishSections();
    const gather = (source: SectionSource) => Int32Array.from([...source.chunks()].flatMap((c) => [...c]));
    expect(streamed.terms).toEqual(held.terms);
    expect([...streamed.termOffsets]).toEqual([...held.termOffsets]);
    expect([...gather(streamed.postings)]).toEqual([...held.postings]);
    expect([...gather(streamed.sequences)]).toEqual([...held.sequences]);
    expect([...gather(streamed.sequenceStarts)]).toEqual([...held.sequenceStarts]);
    expect([...streamed.averageFieldLengths]).toEqual([...held.averageFieldLengths]);
    streamer.dispose();
    // Windows of a few pairs: the postings are sorted out by window first, then each window on its own, to the same result.
    for (const window of [1, 7, 40]) {
      const windowed = build(work, window);
      const sections = windowed.finishSections();
      const chunks = [...sections.postings.chunks()];
      expect(chunks.length).toBeGreaterThan(1);
      expect([...Int32Array.from(chunks.flatMap((c) => [...c]))]).toEqual([...held.postings]);
      expect(readdirSync(work).filter((name) => name.startsWith('postings-'))).toEqual([]);
      windowed.dispose();
    }
  });
});

describe('catalog.json', () => {
  it('reads back every column of more articles than a line holds, and refuses a catalog cut short', async () => {
    const file = path.join(work, 'catalog.json');
    const articles = Array.from({ length: 9000 }, (_, n): Article => ({
      id: `a${n}`,
      title: `Titre « ${n} »`,
      date: n % 3 === 0 ? null : '2024-05-01',
      source: null,
      url: null,
      speakers: n % 2 ? ['Élodie Fantôme'] : [],
      organisations: [],
      quotes: [],
      text: 'jamais dans le catalogue',
      format: 'txt',
      path: `f/${n}.txt`,
      fileHash: 'ab',
      ...(n % 5 === 0 ? { fileSize: n } : {}),
    }));
    await writeCatalog(file, articles);
    const bytes = await readFile(file);
    for (const shared of [false, true]) {
      const packed = parseCatalog(bytes, { shared });
      expect(packed.strings.title.bytes.buffer instanceof SharedArrayBuffer).toBe(shared);
      const catalog = new CatalogReader(packed);
      // Every article as saved but its text and quotations (index.bin holds those: quotation-sections.ts), optional fields left out absent.
      expect(Array.from({ length: catalog.count }, (_, n) => catalog.values(n))).toEqual(articles.map(({ text: _text, quotes: _quotes, ...rest }) => rest));
      expect(catalog.numberOf('a4097')).toBe(4097);
      expect(catalog.numberOf('a9000')).toBeUndefined();
      expect(catalog.numberOf('')).toBeUndefined();
      // "Élodie Fantôme" is one name, however many articles list it.
      expect(packed.lists.speakers.names.offsets).toHaveLength(2);
      expect(Buffer.from(packed.strings.title.bytes).toString()).not.toContain('jamais');
    }
    expect(() => parseCatalog(bytes.subarray(0, bytes.length - 20))).toThrow(/cut short|does not fit/);
    expect(() => parseCatalog(Buffer.from(bytes.toString().replace('"a1"', '1')))).toThrow(/another type/);
  });
});
