const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Matches of a global regular expression that start a word. A leading
 * lookbehind such as (?<![\p{L}]) is checked by V8 at every position of the
 * text and makes a scan several times slower; checking the one character
 * before each candidate here is much cheaper. Returns an array (not a lazy
 * iterator) so that the shared pattern's lastIndex cannot be disturbed by
 * a nested use.
 */
export function wordStartMatches(pattern: RegExp, text: string, glued: RegExp = WORD_CHARACTER): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m.index > 0 && glued.test(text[m.index - 1])) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (m[0].length === 0) pattern.lastIndex++;
    matches.push(m);
  }
  pattern.lastIndex = 0;
  return matches;
}
