/** Where sentences and clauses end in French news copy, abbreviations aside. */

/** Words whose period does not end a sentence: titles, initials, "etc.", "J.-C.", "n°". */
const ABBREVIATION_BEFORE_PERIOD = /(?:^|[\s(«"])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Mgr|St|Ste|etc|av|J\.-C|n°|p|art|\p{Lu})$/u;

/** True when the period at `index` closes an abbreviation ("M. Wang") rather than a sentence. */
export function isAbbreviationPeriod(text: string, index: number): boolean {
  return ABBREVIATION_BEFORE_PERIOD.test(text.slice(Math.max(0, index - 6), index));
}

/** Start of the sentence holding `index`: after the last full stop, "!", "?" or line end, `reach` characters back at most. */
export function sentenceStart(text: string, index: number, reach = 400): number {
  const floor = Math.max(0, index - reach);
  for (let i = index - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || c === '!' || c === '?') return i + 1;
    if (c === '.' && !isAbbreviationPeriod(text, i)) return i + 1;
  }
  return floor;
}

/**
 * The first position `k` in 0..length of a sorted list for which
 * `before(k)` is false (binary search: the first item at or after a point).
 */
export function firstNotBefore(length: number, before: (k: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Start of the clause that ends at `index`: after the last sentence, quote or parenthesis boundary (400 characters back at most). */
export function clauseStart(text: string, index: number): number {
  const floor = Math.max(0, index - 400);
  for (let i = index - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || c === ';' || c === ':' || c === '!' || c === '?' || c === '«' || c === '»' || c === '“' || c === '”' || c === '"' || c === '(') return i + 1;
    if (c === '.' && !isAbbreviationPeriod(text, i)) return i + 1;
  }
  return floor;
}

/**
 * The first sentence of a paragraph, for a title: "M. Wang" does not end
 * one, nor a question or suspension points ("QS dérange? «Habituez-vous»",
 * "tempête Gabriel.. Ici"), which a headline keeps.
 */
export function firstSentence(paragraph: string): string {
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!') continue;
    const next = paragraph[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\n') continue;
    if (c === '.' && (paragraph[i - 1] === '.' || isAbbreviationPeriod(paragraph, i))) continue;
    return paragraph.slice(0, i + 1);
  }
  return paragraph;
}
