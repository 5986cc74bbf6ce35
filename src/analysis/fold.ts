import { stripAccents } from '../ingest/text/fold.js';

/**
 * Lowercasing and accent folding, so that "Émeute", "émeute" and "emeute"
 * are one word. Accents are stripped by the ingest stage's stripAccents (one
 * rule for names and for words); ligatures are expanded on top, because
 * French archives use both "œuvre" and "oeuvre".
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: most tokens are plain ASCII already.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return stripAccents(lower).replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
}
