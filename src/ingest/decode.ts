import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252';
}

/**
 * Decodes the bytes of a text file, or returns null when they are binary.
 *
 * Order matters: a BOM is trusted first (UTF-32's before UTF-16's, which
 * it begins with); then UTF-32 and UTF-16 without BOM are recognised by
 * their NUL bytes in fixed positions; then any remaining NUL byte means
 * binary; then valid UTF-8 is UTF-8. Bytes that are not valid UTF-8 are
 * decided line by line (`mixedLines`): a line with more valid multi-byte
 * UTF-8 sequences than invalid bytes is UTF-8 with a few bad bytes (each
 * becomes U+FFFD and the rest of the text is kept), any other line is
 * Windows-1252 (a superset of Latin-1's printable range, and what French
 * legacy files almost always are). Statistical detection (chardet) is
 * avoided on purpose: on short French texts it confuses Windows-1252 with
 * other single-byte code pages.
 */
export function decodeBytes(buf: Buffer): DecodedText | null {
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return finish(decodeUtf32(buf.subarray(4), true), 'utf-32le');
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return finish(decodeUtf32(buf.subarray(4), false), 'utf-32be');
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return finish(utf8OrMixed(buf.subarray(3)), 'utf-8');
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return finish(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return finish(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');

  const bomlessUtf32 = guessBomlessUtf32(buf);
  if (bomlessUtf32) return finish(decodeUtf32(buf, bomlessUtf32 === 'utf-32le'), bomlessUtf32);
  const bomlessUtf16 = guessBomlessUtf16(buf);
  if (bomlessUtf16) return finish(iconv.decode(buf, bomlessUtf16), bomlessUtf16);

  if (buf.indexOf(0) !== -1) return null;
  if (isUtf8(buf)) return finish(repairDoubleEncoding(buf.toString('utf8')), 'utf-8');
  const mixed = mixedLines(buf);
  return finish(mixed.text, mixed.utf8Lines > 0 ? 'utf-8' : 'windows-1252');
}

function utf8OrMixed(buf: Buffer): string {
  return isUtf8(buf) ? buf.toString('utf8') : mixedLines(buf).text;
}

/**
 * Bytes that are not all valid UTF-8, decoded line by line: a valid line as
 * UTF-8; a line with more valid multi-byte sequences than invalid bytes as
 * UTF-8 with U+FFFD for its bad bytes; any other line as Windows-1252.
 */
function mixedLines(buf: Buffer): { text: string; utf8Lines: number } {
  const parts: string[] = [];
  let utf8Lines = 0;
  for (let start = 0; start < buf.length; ) {
    let end = buf.indexOf(0x0a, start);
    end = end === -1 ? buf.length : end + 1;
    const line = buf.subarray(start, end);
    if (isUtf8(line)) {
      parts.push(line.toString('utf8'));
      if (line.some((b) => b >= 0x80)) utf8Lines++;
    } else {
      const { valid, invalid } = utf8Sequences(line);
      if (valid > invalid) {
        parts.push(line.toString('utf8'));
        utf8Lines++;
      } else parts.push(iconv.decode(line, 'win1252'));
    }
    start = end;
  }
  return { text: parts.join(''), utf8Lines };
}

/** Valid multi-byte UTF-8 sequences and invalid bytes of a line. */
function utf8Sequences(line: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < line.length; ) {
    const b = line[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= line.length;
    for (let k = 1; ok && k < length; k++) ok = (line[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** UTF-32 code units to text; a unit that is not a Unicode scalar value (a surrogate, above U+10FFFF) and a trailing part unit become U+FFFD. */
function decodeUtf32(buf: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const units = Math.floor(buf.length / 4);
  for (let k = 0; k < units; k++) {
    const unit = littleEndian ? buf.readUInt32LE(k * 4) : buf.readUInt32BE(k * 4);
    chunk.push(unit > 0x10ffff || (unit >= 0xd800 && unit <= 0xdfff) ? 0xfffd : unit);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (buf.length % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/**
 * Text in UTF-32 without a BOM: every unit of 4 bytes is a code point up to
 * U+10FFFF, so its highest byte is always NUL and the next one almost
 * always (outside the rare supplementary planes). Looked at on the first
 * 4 kB only.
 */
function guessBomlessUtf32(buf: Buffer): 'utf-32le' | 'utf-32be' | null {
  const n = Math.min(buf.length, 4096) & ~3;
  if (n < 8 || buf.length % 4 !== 0) return null;
  let le = true;
  let be = true;
  let nonZeroLow = 0;
  for (let i = 0; i < n; i += 4) {
    if (buf[i + 3] !== 0 || buf[i + 2] > 0x10) le = false;
    if (buf[i] !== 0 || buf[i + 1] > 0x10) be = false;
    if (buf[i] !== 0 || buf[i + 3] !== 0) nonZeroLow++;
  }
  // All-NUL data is binary, not text.
  if (nonZeroLow < n / 8) return null;
  if (le && !be) return 'utf-32le';
  if (be && !le) return 'utf-32be';
  return null;
}

function finish(text: string, encoding: DecodedText['encoding']): DecodedText | null {
  if (hasTooManyControlCharacters(text)) return null;
  // A stray NUL (a damaged UTF-16 or UTF-32 file) is never indexed.
  return { text: text.replace(/\r\n?/g, '\n').replace(/\0/g, '').normalize('NFC'), encoding };
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
