/** Where sentences and clauses end in French news copy, abbreviations aside. */

/** Words whose period does not end a sentence: titles, initials, "etc.", "J.-C.", "n°". */
const ABBREVIATION_BEFORE_PERIOD = /(?:^|[\s(«"])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Mgr|St|Ste|etc|av|J\.-C|n°|p|art|\p{Lu})$/u;

/** True when the period at `index` closes an abbreviation ("M. Wang") rather than a sentence. */
export function isAbbreviationPeriod(text: string, index: number): boolean {
  return ABBREVIATION_BEFORE_PERIOD.test(text.slice(Math.max(0, index - 6), index));
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
