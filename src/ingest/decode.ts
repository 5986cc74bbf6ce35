import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Decodes the bytes of a text file, or returns null when they are binary.
 *
 * Order matters: a BOM is trusted first; then UTF-16 without BOM is
 * recognised by its NUL bytes in every other position; then any remaining NUL
 * byte means binary; then valid UTF-8 is UTF-8 and anything else is read as
 * Windows-1252 (a superset of Latin-1's printable range, and what French
 * legacy files almost always are). Statistical detection (chardet) is
 * avoided on purpose: on short French texts it confuses Windows-1252 with
 * other single-byte code pages.
 */
export function decodeBytes(buf: Buffer): DecodedText | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return finish(buf.subarray(3).toString('utf8'), 'utf-8');
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return finish(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return finish(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');

  const bomlessUtf16 = guessBomlessUtf16(buf);
  if (bomlessUtf16) return finish(iconv.decode(buf, bomlessUtf16), bomlessUtf16);

  if (buf.indexOf(0) !== -1) return null;
  if (isUtf8(buf)) {
    const text = buf.toString('utf8');
    return finish(repairDoubleEncoding(text), 'utf-8');
  }
  return finish(iconv.decode(buf, 'win1252'), 'windows-1252');
}

function finish(text: string, encoding: DecodedText['encoding']): DecodedText | null {
  if (hasTooManyControlCharacters(text)) return null;
  return { text: text.replace(/\r\n?/g, '\n').normalize('NFC'), encoding };
}

/**
 * Text in UTF-16 without a BOM has a NUL byte in one of each pair of bytes
 * for all Latin characters. Looked at on the first 4 kB only.
 */
function guessBomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) zeroEven++;
    if (buf[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Binary data decoded by luck (no NUL byte) still shows many C0 controls. */
function hasTooManyControlCharacters(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  return controls > 8 && controls > sample.length * 0.02;
}

/** "Ã©", "Ã¨", "â€™"…: UTF-8 bytes that were once read as Windows-1252 and saved again as UTF-8. */
const DOUBLE_ENCODED = /Ã[\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|â€[™œ\u009d˜¦“”]/g;

/**
 * Undoes one round of double encoding when the text shows it several times
 * and undoing it gives valid UTF-8; otherwise leaves the text alone.
 */
function repairDoubleEncoding(text: string): string {
  DOUBLE_ENCODED.lastIndex = 0;
  let hits = 0;
  while (DOUBLE_ENCODED.exec(text) && hits < 3) hits++;
  if (hits < 2) return text;
  const bytes = iconv.encode(text, 'win1252');
  // A character outside Windows-1252 (Chinese, say) would be lost: only repair a clean round trip.
  if (iconv.decode(bytes, 'win1252') !== text || !isUtf8(bytes)) return text;
  const repaired = bytes.toString('utf8');
  return repaired.includes('\ufffd') ? text : repaired;
}
