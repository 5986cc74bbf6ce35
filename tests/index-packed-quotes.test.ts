/**
 * The quotations of a build, written as sections of index.bin and read
 * back as flat columns (quotation-sections.ts, shared-quotes.ts): every
 * quotation given back as written (speaker or none, kind, positions,
 * words when it carries them), the same in shared memory, and sections
 * that do not fit together refused in one line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSections, writeSections, type Section } from '../src/index/binary-file.js';
import { QUOTATION_SECTIONS, quotationSections, takeQuotationSections } from '../src/index/quotation-sections.js';
import { PackedQuotesColumn } from '../src/index/shared-quotes.js';
import type { StoredQuote } from '../src/index/stored-quotes.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-quotes-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

const COUNT = 5000;
const SPEAKERS = ['Zéphyrine Quallec', 'Bartholomé « Bart » "Ondrakis" \\ fils', null];
/** Article n's quotations: none for every third, else one or two, some carrying their words. */
function quotesOf(n: number): StoredQuote[] {
  if (n % 3 === 0) return [];
  const first: StoredQuote = [10 * n, 10 * n + 7, SPEAKERS[n % 3], n % 2 ? 'd' : 'i', n % 11];
  if (n % 4 !== 1) return [first];
  return [first, [10 * n + 20, 10 * n + 40, SPEAKERS[(n + 1) % 3], 'd', 3, `« Nous ne céderons pas »,\n\t"dit-il" n° ${n}`]];
}

async function written(name: string): Promise<string> {
  const file = path.join(work, name);
  await writeSections(file, { other: new Int32Array([7, 8, 9]), ...quotationSections(COUNT, quotesOf) });
  return file;
}

describe('the quotations of a loaded build', () => {
  it('gives back every quotation as written, alone or in shared memory, and leaves the other sections', async () => {
    const file = await written('quotes.bin');
    const sections = await readSections(file);
    const packed = takeQuotationSections(sections, COUNT, false);
    expect([...sections.keys()]).toEqual(['other']);
    const sharedSections = await readSections(file, undefined, { shared: true });
    const shared = takeQuotationSections(sharedSections, COUNT, true);
    expect(shared.start.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.direct.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(packed.direct.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    // Two names, in order of first use, however many quotations they speak.
    expect(packed.speakers).toEqual([SPEAKERS[1], SPEAKERS[0]]);
    const alone = new PackedQuotesColumn(packed);
    const both = new PackedQuotesColumn(shared);
    for (let n = 0; n < COUNT; n++) {
      expect(alone.at(n)).toEqual(quotesOf(n));
      expect(both.at(n)).toEqual(quotesOf(n));
      expect(alone.outlines(n)).toEqual(quotesOf(n).map((q) => ({ start: q[0], speaker: q[2], kind: q[3] === 'd' ? 'direct' : 'indirect', positions: q[4] })));
    }
    expect(alone.at(COUNT)).toBeUndefined();
    expect(alone.length).toBe(COUNT);
  });

  it('refuses quotations whose sections do not fit together', async () => {
    const file = await written('damaged.bin');
    const read = await readSections(file);
    const changed = (name: string, value: Section | null): Map<string, Section> => {
      const copy = new Map(read);
      if (value === null) copy.delete(name);
      else copy.set(name, value);
      return copy;
    };
    const ints = (name: string) => read.get(name) as Int32Array;
    const withValue = (name: string, at: number, value: number) => {
      const copy = ints(name).slice();
      copy[at] = value;
      return copy;
    };
    const total = ints('quotationStart').length;
    for (const sections of [
      changed('quotationSpeaker', withValue('quotationSpeaker', 5, 2)),
      changed('quotationSpeaker', withValue('quotationSpeaker', 5, -2)),
      changed('quotationDirect', withValue('quotationDirect', 0, 2)),
      changed('quotationFirst', withValue('quotationFirst', 10, ints('quotationFirst')[12])),
      changed('quotationFirst', withValue('quotationFirst', COUNT, total + 1)),
      changed('quotationEnd', ints('quotationEnd').subarray(1)),
      changed('quotationWordsOf', withValue('quotationWordsOf', 0, total)),
      changed('quotationWords', '["une seule"]'),
      changed('quotationSpeakers', '["coupé'),
      changed('quotationSpeakers', '[1, 2]'),
      changed('quotationPositions', null),
    ]) {
      expect(() => takeQuotationSections(sections, COUNT, false)).toThrow(/^index\.bin quotations do not fit together$/);
    }
    expect(() => takeQuotationSections(new Map(read), COUNT + 1, false)).toThrow(/^index\.bin quotations do not fit together$/);
    expect(QUOTATION_SECTIONS.every((name) => read.has(name))).toBe(true);
  });
});
