import { foldWord, withoutElision } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import type { Matches } from './postings.js';
import { firstByScore } from './top-k.js';
import { RANKING } from './ranking-options.js';

/**
 * Exactness as a ranking rule (Meilisearch's "exactness"): among matches, an
 * article holding a query word in the form typed ranks above one holding only
 * other words of the same stem. A stemmer merges unrelated words ("sort",
 * "sortie", "sorti" are one stem; "arme" and "armée"; "coopération" and
 * "coopèrent"): the article that has the word the reader typed is the one
 * meant. A word typed that stands in the title or the lead (the first
 * sentences) grows the score: there it is what the article is about, not a
 * passing mention. Checked on the best-scored candidates, on their
 * lowercased title and text, so the index stores no surface forms.
 */
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

/** The lead of a text: its first RANKING.leadCharacters, to the end of the word there. */
export function leadOf(text: string): string {
  if (text.length <= RANKING.leadCharacters) return text;
  const space = text.indexOf(' ', RANKING.leadCharacters);
  return space < 0 ? text : text.slice(0, space);
}

/**
 * Adds to each of the best candidates, per clause whose typed form it
 * holds, RANKING.exactStep RANK_STEPs, and grows its score by
 * RANKING.titleOrLeadBonus times the share of clauses whose typed form is
 * in the title or the lead. Clauses without a pattern (phrases,
 * a beginning being typed, alternatives) count for nobody. Returns new
 * scores in a scratch array; `matches` is left as it is (it may be cached).
 */
export function rewardExactness(searcher: Searcher, matches: Matches, patterns: (RegExp | null)[]): Matches {
  const tests = patterns.filter((p): p is RegExp => p !== null);
  if (tests.length === 0 || matches.docs.length < 2) return matches;
  const scores = searcher.scratch.float64Array('exact-scores', matches.scores.length);
  scores.set(matches.scores);
  const found = tests.map((test) => foundForms(searcher, test));
  for (const k of firstByScore(matches.scores.length, RANKING.exactCandidates, matches.scores, null)) {
    const n = matches.docs[k];
    let text: string | null = null;
    let title: string | null = null;
    let lead: string | null = null;
    let lowered: string | null = null;
    let steps = 0;
    let inTitleOrLead = 0;
    for (let t = 0; t < tests.length; t++) {
      let where = found[t].get(n);
      if (where === undefined) {
        const test = tests[t];
        if (test.test((title ??= searcher.documents[n].title.toLowerCase())) || test.test((lead ??= leadOf((text ??= searcher.texts.text(n))).toLowerCase()))) where = IN_TITLE_OR_LEAD;
        else where = test.test((lowered ??= (text ??= searcher.texts.text(n)).toLowerCase())) ? IN_TEXT : ABSENT;
        found[t].set(n, where);
      }
      if (where !== ABSENT) steps += RANKING.exactStep;
      if (where === IN_TITLE_OR_LEAD) inTitleOrLead++;
    }
    scores[k] = scores[k] * (1 + (RANKING.titleOrLeadBonus * inTitleOrLead) / tests.length) + steps * RANK_STEP;
  }
  return { docs: matches.docs, scores };
}

/** Where an article holds a typed form: nowhere, in its text, in its title or lead. */
const ABSENT = 0;
const IN_TEXT = 1;
const IN_TITLE_OR_LEAD = 2;
/** Typed forms whose findings are kept (a typing session's finished words), and articles per form. */
const KEPT_FORMS = 256;
const KEPT_ARTICLES = 1024;

/**
 * Where the articles already tested hold the forms of `test`, kept by the
 * build's Searcher: the words already typed are tested again on each
 * keystroke after them, on mostly the same best candidates, and a test
 * lowercases and scans the whole text. Least recently used forms leave
 * first; a form's findings are dropped when they pass KEPT_ARTICLES.
 */
function foundForms(searcher: Searcher, test: RegExp): Map<number, number> {
  const kept = searcher.exactForms;
  let found = kept.get(test.source);
  if (found) kept.delete(test.source);
  else if (kept.size >= KEPT_FORMS) kept.delete(kept.keys().next().value!);
  if (!found || found.size > KEPT_ARTICLES) found = new Map();
  kept.set(test.source, found);
  return found;
}
