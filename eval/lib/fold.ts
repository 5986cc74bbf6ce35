/**
 * Folding used to compare a prediction with a label: accents, case,
 * ligatures and punctuation do not count ("Édouard Philippe", "edouard
 * philippe", "Edouard-Philippe" are one name). Written here rather than
 * taken from src/analysis so the evaluation does not share a bug with what
 * it measures.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a text, for soft comparisons. */
export function foldedTokens(text: string): string[] {
  const folded = foldLabel(text);
  return folded === '' ? [] : folded.split(' ');
}
