import { splitWords } from '../analysis/index.js';
import type { SearchIndex } from '../index/index.js';
import { documentTokens } from './document-tokens.js';
import { lookupWord } from './match-terms.js';

/** Most edits a "vouliez-vous dire" correction may make to one word. */
const MAX_CORRECTION = 2;

/**
 * The nearest indexed word to a word the index does not know, as it is
 * written in an article ("Lavrof" -> "Lavrov"), or null.
 */
function correctWord(index: SearchIndex, word: string): string | null {
  const lookup = lookupWord(word, false);
  if (!lookup || lookup.term.includes('-')) return null;
  if (index.miniSearch.search({ queries: [lookup.term], fuzzy: false, prefix: false }).length > 0) return null;
  const results = index.miniSearch.search({ queries: [lookup.term], fuzzy: MAX_CORRECTION, prefix: false });
  if (results.length === 0) return null;
  // The corrected term shared by most articles, then by the best one.
  const frequency = new Map<string, number>();
  for (const r of results) for (const t of r.terms) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const term = [...frequency].sort((a, b) => b[1] - a[1])[0][0];
  const holder = results.find((r) => r.terms.includes(term))!;
  const n = holder.id as number;
  const tokens = documentTokens(index, n);
  const article = index.documents[n];
  for (const [text, list] of [[article.title, tokens.title], [article.text, tokens.text]] as const) {
    const token = list.find((t) => t.term === term);
    if (token) return text.slice(token.start, token.end);
  }
  return null;
}

/** A corrected version of a query that matched nothing, or null when no word can be corrected. */
export function suggestCorrection(index: SearchIndex, query: string): string | null {
  let corrected = query;
  let changed = false;
  for (const word of new Set(splitWords(query))) {
    const replacement = correctWord(index, word);
    if (replacement && replacement.toLowerCase() !== word.toLowerCase()) {
      corrected = corrected.split(word).join(replacement);
      changed = true;
    }
  }
  return changed ? corrected : null;
}
