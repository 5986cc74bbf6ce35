/**
 * Unicode character classes of one UTF-16 code unit, answered from a table
 * filled on first use: the hand-written scanners call them for every
 * character of every article, where a regular expression test per
 * character (or a global regular expression's match objects) cost several
 * times more.
 */

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const UPPERCASE = /^\p{Lu}$/u;

/** 0: not yet known, 1: in the class, 2: not in it. */
const letterOrMarkTable = new Uint8Array(0x10000);
const wordCharacterTable = new Uint8Array(0x10000);
const letterOrNumberTable = new Uint8Array(0x10000);
const uppercaseTable = new Uint8Array(0x10000);

function lookUp(table: Uint8Array, pattern: RegExp, code: number): boolean {
  let known = table[code];
  if (known === 0) table[code] = known = pattern.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** [\p{L}\p{M}] of one code unit (a lone surrogate is neither). */
export function isLetterOrMarkUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return lookUp(letterOrMarkTable, LETTER_OR_MARK, code);
}

/** [\p{L}\p{N}\p{M}] of one code unit (a lone surrogate is none). */
export function isWordCharacterUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return lookUp(wordCharacterTable, WORD_CHARACTER, code);
}

/** [\p{L}\p{N}] of one code unit (a lone surrogate is neither). */
export function isLetterOrNumberUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return lookUp(letterOrNumberTable, LETTER_OR_NUMBER, code);
}

/** \p{Lu} of one code unit (a lone surrogate is none). */
export function isUppercaseUnit(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return lookUp(uppercaseTable, UPPERCASE, code);
}

/**
 * Length in code units of the [\p{L}\p{M}] code point at `i` as a regular
 * expression with the u flag reads it (a surrogate pair is one code point),
 * or 0 when it is none.
 */
export function letterOrMarkLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return isLetterOrMarkUnit(code) ? 1 : 0;
  const next = text.charCodeAt(i + 1);
  if (next < 0xdc00 || next > 0xdfff) return 0;
  return LETTER_OR_MARK.test(text.slice(i, i + 2)) ? 2 : 0;
}
