import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { readCurrentDocuments } from '../../src/index/store.js';
import { decodeBytes, readCorpus } from '../../src/ingest/index.js';
import { tempFolder, writeFiles } from './in-helpers.js';

/**
 * A UTF-8 file with a few bad bytes keeps its good text (each bad byte
 * becomes U+FFFD); UTF-32 with or without BOM is decoded; no NUL is ever
 * indexed.
 */

const work = tempFolder('in-encodings');
afterAll(work.dispose);

const TEXT = 'Le ministre de l’Économie a présenté à Paris une réforme des retraites très débattue.\n\nLe Sénat l’examinera en février.';
const utf32 = (text: string, littleEndian: boolean, bom: boolean) => {
  const bytes = Buffer.alloc((bom ? 4 : 0) + [...text].length * 4);
  let at = 0;
  const write = (cp: number) => {
    if (littleEndian) bytes.writeUInt32LE(cp, at);
    else bytes.writeUInt32BE(cp, at);
    at += 4;
  };
  if (bom) write(0xfeff);
  for (const c of text) write(c.codePointAt(0)!);
  return bytes;
};
const damaged = Buffer.concat([Buffer.from('Le ministre de l’Économie a présenté à Paris une réforme'), Buffer.from([0xff, 0xc3]), Buffer.from(' des retraites très débattue.\n\nLe Sénat l’examinera en février.')]);

const corpus = path.join(work.dir, 'corpus');
writeFiles(corpus, {
  'abime.txt': damaged,
  'melange.txt': Buffer.concat([Buffer.from('Première ligne en UTF-8 : réforme économique.\n'), iconv.encode('Deuxième ligne en Windows-1252 : février, « Élysée ».\n', 'win1252')]),
  'utf32-le-bom.txt': utf32(TEXT, true, true),
  'utf32-be-bom.txt': utf32(TEXT, false, true),
  'utf32-le.txt': utf32(TEXT, true, false),
  'utf32-be.txt': utf32(TEXT, false, false),
  'latin1.txt': iconv.encode(TEXT.replace(/’/g, "'"), 'win1252'),
});

describe('encodings', () => {
  it('keeps the good text of a UTF-8 file with a few bad bytes', () => {
    const decoded = decodeBytes(damaged)!;
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('Le ministre de l’Économie a présenté à Paris une réforme\ufffd\ufffd des retraites très débattue.\n\nLe Sénat l’examinera en février.');
  });

  it('decodes each line of a file mixing UTF-8 and Windows-1252 lines in its own encoding', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from('Été à Noël.\n'), iconv.encode('Hiver à Noël.\n', 'win1252')]))!.text).toBe('Été à Noël.\nHiver à Noël.\n');
  });

  it.each([
    ['LE with BOM', true, true],
    ['BE with BOM', false, true],
    ['LE without BOM', true, false],
    ['BE without BOM', false, false],
  ])('decodes UTF-32 %s', (_, littleEndian, bom) => {
    const decoded = decodeBytes(utf32(TEXT, littleEndian, bom))!;
    expect(decoded.encoding).toBe(littleEndian ? 'utf-32le' : 'utf-32be');
    expect(decoded.text).toBe(TEXT);
  });

  it('readCorpus and indexCorpus index every file with its accents and no NUL', async () => {
    const result = await readCorpus(corpus);
    expect(result.skipped).toEqual([]);
    const text = new Map(result.articles.map((a) => [a.path, a.text]));
    for (const name of ['utf32-le-bom.txt', 'utf32-be-bom.txt', 'utf32-le.txt', 'utf32-be.txt']) expect(text.get(name)).toBe(TEXT);
    expect(text.get('abime.txt')).toContain('présenté à Paris une réforme');
    expect(text.get('melange.txt')).toContain('réforme économique');
    expect(text.get('melange.txt')).toContain('février, « Élysée »');
    expect(text.get('latin1.txt')).toContain('réforme des retraites très débattue');

    const out = path.join(work.dir, 'index');
    const report = await indexCorpus(corpus, out);
    expect(report.documentsIndexed).toBe(7);
    const documents = (await readCurrentDocuments(out)) ?? [];
    expect(documents.some((d) => d.text.includes('\0') || d.title.includes('\0'))).toBe(false);
    expect(documents.find((d) => d.path === 'utf32-be.txt')?.text).toBe(TEXT);
  });
});
