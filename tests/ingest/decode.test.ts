import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/index.js';
import { FIXTURE_CORPUS, SAMPLE_CORPUS } from './helpers.js';

const fixture = (relative: string) => readFileSync(path.join(FIXTURE_CORPUS, relative));
const MOJIBAKE = /Ã|â€|Â|\ufffd/;

describe('decodeBytes', () => {
  it('reads UTF-8 sample files as they are', () => {
    const bytes = readFileSync(path.join(SAMPLE_CORPUS, '000_f3dc22192a66a48d.txt'));
    const decoded = decodeBytes(bytes)!;
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Sergueï Lavrov');
    expect(decoded.text).not.toMatch(MOJIBAKE);
  });

  it('reads Windows-1252 (€, œ, ’ included) without mojibake, with CRLF turned into LF', () => {
    const decoded = decodeBytes(fixture('legacy/windows-1252.txt'))!;
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('l’Énergie Élodie Verhaegen');
    expect(decoded.text).toContain('2 400 €');
    expect(decoded.text).toContain('cœurs');
    expect(decoded.text).not.toContain('\r');
    expect(decoded.text).not.toMatch(MOJIBAKE);
  });

  it('reads UTF-16 LE and BE with a BOM, and UTF-8 with a BOM, to the same text', () => {
    const le = decodeBytes(fixture('legacy/utf-16le.txt'))!;
    const be = decodeBytes(fixture('legacy/utf-16be.txt'))!;
    const bom = decodeBytes(fixture('legacy/utf-8-bom.txt'))!;
    expect(le.encoding).toBe('utf-16le');
    expect(be.encoding).toBe('utf-16be');
    expect(bom.encoding).toBe('utf-8');
    expect(le.text).toBe(be.text);
    expect(bom.text).toBe(le.text);
    expect(le.text.startsWith('Grève des contrôleurs aériens')).toBe(true);
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const decoded = decodeBytes(iconv.encode('Le 17 mai 2023, la grève a commencé à Marseille.', 'utf-16le'))!;
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe('Le 17 mai 2023, la grève a commencé à Marseille.');
  });

  it('says binary for NUL bytes outside UTF-16 and for control-character soup', () => {
    expect(decodeBytes(fixture('broken/image.txt'))).toBeNull();
    expect(decodeBytes(Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 31 + 1)))).toBeNull();
  });

  it('repairs text that was UTF-8 read as Windows-1252 and saved again', () => {
    const doubleEncoded = Buffer.from(iconv.decode(Buffer.from('Le ministre a déclaré à l’issue de la réunion', 'utf8'), 'win1252'), 'utf8');
    expect(decodeBytes(doubleEncoded)!.text).toBe('Le ministre a déclaré à l’issue de la réunion');
  });

  it('composes decomposed accents (NFC)', () => {
    expect(decodeBytes(Buffer.from('Serguei\u0308 et e\u0301te\u0301', 'utf8'))!.text).toBe('Sergueï et été');
  });
});
