import { foldWord, withoutElision } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import type { Matches } from './postings.js';
import { firstInOrder } from './top-k.js';

/**
 * Exactness as a ranking rule (Meilisearch's "exactness"): among matches, an
 * article holding a query word in the form typed ranks above one holding only
 * other words of the same stem. A stemmer merges unrelated words ("sort",
 * "sortie", "sorti" are one stem; "arme" and "armée"; "coopération" and
 * "coopèrent"): the article that has the word the reader typed is the one
 * meant. Checked on the best-scored candidates, on their folded title and
 * text, so the index stores no surface forms.
 */

/** How many of the best-scored matches are checked for the typed forms: a first page (each check may read a text; more cost typing speed and gained nothing on the labelled queries). */
export const EXACT_CANDIDATES = 10;
/**
 * Ranks are added to scores in steps of RANK_STEP, larger than any BM25
 * score, so that they order before BM25 does; `bm25Part` takes them off
 * for display.
 */
export const RANK_STEP = 1e6;

export function bm25Part(score: number): number {
  return score - Math.floor(score / RANK_STEP) * RANK_STEP;
}

/**
 * The forms of a typed word that count as typed: the word folded, without
 * its elision, and its number ("policier" / "policiers", "journal" is not
 * "journaux": that is another form). Null for a word too short to tell.
 */
export function exactForms(typed: string): string[] | null {
  const folded = foldWord(withoutElision(typed));
  if (folded.length < 2) return null;
  const forms = new Set([folded, `${folded}s`, `${folded}x`]);
  if (folded.length > 3 && /s$/.test(folded)) forms.add(folded.slice(0, -1));
  return [...forms];
}

/** Each folded letter as the lowercase letters it folds from, so that text is tested lowercased but not folded. */
const ACCENTED: Record<string, string> = { a: '[aàâäáãå]', e: '[eéèêë]', i: '[iîïíì]', o: '[oôöóòõ]', u: '[uùûüú]', c: '[cç]', y: '[yÿ]', n: '[nñ]' };
/** A letter or digit of French text, lowercased. */
const LETTER = '[a-z0-9à-öø-ÿœæ]';

/**
 * A test of a lowercased title and text for any of the forms as whole
 * words, accents ignored. The text is only lowercased (fast, native), never
 * folded: folding the candidates' texts on each keystroke would cost more
 * than the search.
 */
export function exactPattern(forms: string[]): RegExp {
  const alternatives = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/oe|ae|[aeiouycn]/g, (m) => (m === 'oe' ? '(?:o[eéèêë]|œ)' : m === 'ae' ? '(?:a[eéèêë]|æ)' : ACCENTED[m])));
  return new RegExp(`(?<!${LETTER})(?:${alternatives.join('|')})(?!${LETTER})`);
}

/**
 * Adds to each of the best candidates one RANK_STEP per clause whose typed
 * form it holds (title or text). Clauses without a pattern (phrases, the
 * word being typed, alternatives) count for nobody. Returns new scores in a
 * scratch array; `matches` is left as it is (it may be cached).
 */
export function rewardExactness(searcher: Searcher, matches: Matches, patterns: (RegExp | null)[]): Matches {
  const scores = searcher.scratch.float64Array('exact-scores', matches.scores.length);
  scores.set(matches.scores);
  const tests = patterns.filter((p): p is RegExp => p !== null);
  if (tests.length === 0 || matches.docs.length < 2) return { docs: matches.docs, scores };
  const best = (a: number, b: number) => matches.scores[a] > matches.scores[b] || (matches.scores[a] === matches.scores[b] && a < b);
  for (const k of firstInOrder(matches.scores.length, EXACT_CANDIDATES, best)) {
    const n = matches.docs[k];
    const title = searcher.documents[n].title.toLowerCase();
    let text: string | null = null;
    let held = 0;
    for (const test of tests) if (test.test(title) || test.test((text ??= searcher.texts.text(n).toLowerCase()))) held++;
    scores[k] += held * RANK_STEP;
  }
  return { docs: matches.docs, scores };
}
