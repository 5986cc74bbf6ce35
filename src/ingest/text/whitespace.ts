/** Whitespace normalisation shared by the readers and the chrome cleaner. */

/** No-break, thin and other exotic spaces become plain spaces; zero-width characters go. */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Splits text whose spaces are already normalised into lines, each with its spaces collapsed and trimmed. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.includes('  ') ? line.replace(/ {2,}/g, ' ') : line).trim());
}

/** Splits text into lines, each with its spaces collapsed and trimmed. */
export function cleanLines(text: string): string[] {
  return splitLines(normaliseSpaces(text));
}

/** What /\s/ matches, one code unit (no \s character is beyond the BMP). */
export function isWhitespaceUnit(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s.replace(/\s+/gu, ' ')`, without the replacement (a copy) when every
 * space is already a single plain one: most quotations and phrases.
 */
export function collapseWhitespace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWhitespaceUnit(c)) continue;
    if (c !== 32 || (i + 1 < s.length && isWhitespaceUnit(s.charCodeAt(i + 1)))) return s.replace(/\s+/gu, ' ');
  }
  return s;
}
