/**
 * The catalog's quotations column, read into flat columns (shared-quotes.ts):
 * every quotation given back as written (speaker or none, kind, positions,
 * words when it carries them), over several blocks, the same in shared
 * memory, and a damaged quotation refused in one line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_BLOCK, packCatalogQuotes, parseCatalog, writeCatalog } from '../src/index/catalog-file.js';
import { PackedQuotesColumn } from '../src/index/shared-quotes.js';
import type { StoredQuote } from '../src/index/stored-quotes.js';
import type { Article } from '../src/ingest/types.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-quotes-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

const COUNT = CATALOG_BLOCK + 50;
const SPEAKERS = ['Zéphyrine Quallec', 'Bartholomé « Bart » "Ondrakis" \\ fils', null];
/** Article n's quotations: none for every third, else one or two, some carrying their words. */
function quotesOf(n: number): StoredQuote[] {
  if (n % 3 === 0) return [];
  const first: StoredQuote = [10 * n, 10 * n + 7, SPEAKERS[n % 3], n % 2 ? 'd' : 'i', n % 11];
  if (n % 4 !== 1) return [first];
  return [first, [10 * n + 20, 10 * n + 40, SPEAKERS[(n + 1) % 3], 'd', 3, `« Nous ne céderons pas »,\n\t"dit-il" n° ${n}`]];
}
const articles = Array.from({ length: COUNT }, (_, n): Article => ({
  id: `a${n}`,
  title: `Titre ${n}`,
  date: null,
  source: null,
  url: null,
  speakers: [],
  organisations: [],
  quotes: [],
  text: '',
  format: 'txt',
  path: `f/${n}.txt`,
  fileHash: 'ab',
}));

describe('the quotations column of a loaded catalog', () => {
  it('gives back every quotation as written, across blocks, alone or in shared memory', async () => {
    const file = path.join(work, 'catalog.json');
    await writeCatalog(file, articles, quotesOf);
    const bytes = await readFile(file);
    const alone = parseCatalog(bytes).quotes;
    const packed = packCatalogQuotes(bytes);
    expect(packed.start.buffer).toBeInstanceOf(SharedArrayBuffer);
    const shared = parseCatalog(bytes, packed).quotes;
    // Two names, however many quotations they speak.
    expect(packed.speakers).toEqual([SPEAKERS[1], SPEAKERS[0]]);
    for (let n = 0; n < COUNT; n++) {
      expect(alone.at(n)).toEqual(quotesOf(n));
      expect(shared.at(n)).toEqual(quotesOf(n));
      expect(alone.outlines(n)).toEqual(quotesOf(n).map((q) => ({ start: q[0], speaker: q[2], kind: q[3] === 'd' ? 'direct' : 'indirect', positions: q[4] })));
    }
    expect(alone.at(COUNT)).toBeUndefined();
    expect(new PackedQuotesColumn(packed).length).toBe(COUNT);
  });

  it('refuses a quotation that is not one a build writes', async () => {
    const file = path.join(work, 'damaged.json');
    await writeCatalog(file, articles, quotesOf);
    const text = (await readFile(file, 'utf8')).replace(',"d",', ',"x",');
    await writeFile(file, text);
    expect(() => parseCatalog(Buffer.from(text))).toThrow(/^catalog\.json has an unreadable quotation$/);
    expect(() => packCatalogQuotes(Buffer.from(text))).toThrow(/unreadable quotation/);
    // Cut, extended or reshaped anywhere in a quotation: refused, never read as something else.
    const lines = (await readFile(path.join(work, 'catalog.json'), 'utf8')).split('\n');
    const quotesLine = lines.findIndex((line) => line.includes(',"d",'));
    for (const [from, to] of [['[[10,17,', '[[10,,'], [',"i",', ',"i"'], ['null,', 'nul,'], ['null,', '0,'], [']],[', ']],,['], [',"d",', ',"d",-']]) {
      expect(lines[quotesLine]).toContain(from);
      const damaged = lines.map((line, k) => (k === quotesLine ? line.replace(from, to) : line)).join('\n');
      expect(() => parseCatalog(Buffer.from(damaged))).toThrow(/^catalog\.json (has an unreadable quotation|does not fit its count)$/);
    }
  });
});
