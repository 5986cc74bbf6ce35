/**
 * Lowercasing and accent folding, so that "Émeute", "émeute" and "emeute"
 * are one word. Ligatures are expanded because French archives use both
 * "œuvre" and "oeuvre".
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: most tokens are plain ASCII already.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}
