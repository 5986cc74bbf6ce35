import { analyzeWord, splitWords } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { documentTokens } from './document-tokens.js';
import { typoBudget } from './match-options.js';
import { wordShape } from './query-plan.js';

/**
 * The nearest indexed word to a word the index does not know, as it is
 * written in an article ("Lavrof" -> "Lavrov"), or null.
 */
function correctWord(searcher: Searcher, word: string): string | null {
  const shape = wordShape(word, false);
  const term = shape && !shape.compound ? analyzeWord(shape.word) : null;
  if (!shape || term === null) return null;
  const view = searcher.postings;
  if (view.has(term)) return null;
  // The nearest term, then the one most articles share.
  // As many edits as a typo is forgiven in the word: none under five letters ("ß" is no "russe").
  const budget = typoBudget(shape.folded);
  if (budget === 0) return null;
  const near = view.termsNear(term, budget).map(([term, distance]) => ({ term, distance, frequency: view.documentFrequency(term) }));
  if (near.length === 0) return null;
  near.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency || a.term.localeCompare(b.term));
  return surfaceForm(searcher, near[0].term);
}

/** An indexed term as an article writes it: its form in the first article holding it, or null. */
export function surfaceForm(searcher: Searcher, term: string): string | null {
  const holder = searcher.postings.score([{ term, weight: 1 }]).docs[0];
  if (holder === undefined) return null;
  const tokens = documentTokens(searcher, holder);
  const article = searcher.documents[holder];
  for (const [text, list] of [[article.title, tokens.title], [article.text, tokens.text]] as const) {
    const token = list.find((t) => t.term === term);
    if (token) return text.slice(token.start, token.end);
  }
  return null;
}

/** A corrected version of a query that matched nothing, or null when no word can be corrected. */
export function suggestCorrection(searcher: Searcher, query: string): string | null {
  let corrected = query;
  let changed = false;
  for (const word of new Set(splitWords(query))) {
    const replacement = correctWord(searcher, word);
    if (replacement && replacement.toLowerCase() !== word.toLowerCase()) {
      corrected = corrected.split(word).join(replacement);
      changed = true;
    }
  }
  return changed ? corrected : null;
}
