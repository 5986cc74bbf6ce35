import { foldWord } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { embeddedDictionary } from './match-terms.js';
import { planQuery, type ClausePlan, type QueryPlan } from './query-plan.js';
import { hasPhrase, phrasePattern, type PhrasePattern } from './phrases.js';
import { holdsNear, nearPattern } from './near.js';
import type { CachedClause } from './clause-cache.js';
import { copyMatches, type Matches, type Postings } from './postings.js';
import { rewardProximity } from './proximity.js';
import { exactForms, exactPattern, RANK_STEP, rewardExactness } from './exactness.js';
import { RANKING } from './ranking-options.js';
import type { Scratch } from './scratch.js';
import { combine, keepCount, keepShared, type Combined } from './combine.js';
import { parseQuery } from './parse-query.js';
import type { Clause, ParsedQuery } from './types.js';

/**
 * Runs a parsed query on the postings: each clause gives the documents it
 * matches with their scores, positive clauses combine with AND, excluded
 * ones are removed. When no document holds every word, the documents that
 * hold the most of them are returned instead (and said to be), as a reader
 * who mistyped or inflected one word still expects to find the article.
 */
export interface QueryMatches {
  /**
   * Null when the query asks for nothing (empty, or only stop words): every
   * article qualifies. Views of arrays the next search reuses (clause-cache.ts,
   * scratch.ts): read them before searching again.
   */
  matches: Matches | null;
  /** Index terms the query matched, to highlight (compound wholes as their parts). */
  highlight: Set<string>;
  /** Set when the results hold only `matched` of the query's `of` words or phrases. */
  relaxed: { matched: number; of: number } | null;
  /**
   * Set when few articles hold every word: the results are followed by
   * `count` articles holding `matched` of the `of` words, ranked after
   * them; `docs` are those articles' numbers. `lacking` names, for some
   * of them, the clause each lacks (its place in the parsed query; -1
   * when not told): read before searching again, like `matches`.
   */
  partial: { count: number; matched: number; of: number; docs: Set<number>; lacking: (docs: ArrayLike<number>) => number[] } | null;
  /** By clause of the parsed query: the articles it matches alone (null when dropped or excluded). */
  clauseMatches: (number | null)[];
  /** Each word's alternatives, as searched (query-plan.ts). */
  plan: QueryPlan;
}

/** Fewer full matches than a page are followed by the articles missing one word (src/search/ranking-options.ts). */
export const PARTIAL_FILL = RANKING.partialFill;
const PARTIAL_MIN_WORDS = RANKING.partialMinWords;
/** Ranks of a full match over the partial ones (above any number of exact forms). */
export const FULL_RANK = 100 * RANK_STEP;

const EMPTY: Matches = { docs: new Int32Array(0), scores: new Float64Array(0) };

/** The clause under `key`, computed (into arrays it may reuse) when the cache does not hold it. */
function cached(searcher: Searcher, key: string, compute: () => CachedClause): CachedClause {
  const cache = searcher.clauses;
  const hit = cache.get(key);
  if (hit) return hit;
  const { matches, terms } = compute();
  return cache.put(key, matches, terms);
}

/** Sums the scores of documents present in every list (`lists` non-empty). */
function intersect(scratch: Scratch, lists: Matches[], size: number): Matches {
  return keepShared(scratch, lists, size);
}

/** Sums the scores of documents present in any list. */
function union(scratch: Scratch, lists: Matches[], size: number): Matches {
  if (lists.length === 1) return lists[0];
  return keepCount(scratch, combine(scratch, lists, size), 1, { atLeast: true });
}

/**
 * Scales the scores of articles holding only some of the clauses by the
 * share of the query's information they hold: the sum of the inverse
 * document frequencies of the clauses they hold over that of all clauses.
 * Of two articles missing one word, the one missing the commoner word
 * ("vote" in "Brexit vote Parlement") holds more of what the reader asked
 * than the one missing the rarer ("Brexit"), whatever their lengths.
 * Writes into `matches.scores` (arrays of this query, not cached ones).
 */
function scaleByCoverage(scratch: Scratch, matches: Matches, lists: Matches[], size: number): Matches {
  const informations = lists.map((list) => Math.log(1 + (size - list.docs.length + 0.5) / (list.docs.length + 0.5)));
  const total = informations.reduce((a, b) => a + b, 0);
  if (total <= 0) return matches;
  // Zero between uses: new arrays are, and every slot written here is cleared below.
  const held = scratch.float64Array('coverage', size);
  lists.forEach((list, k) => {
    for (const n of list.docs) held[n] += informations[k];
  });
  for (let k = 0; k < matches.docs.length; k++) matches.scores[k] *= held[matches.docs[k]] / total;
  for (const list of lists) for (const n of list.docs) held[n] = 0;
  return matches;
}

/** The documents of `list` held by exactly `count` lists of `combined`, with their scores in `list` (new arrays). */
function alsoHolding(list: Matches, combined: Combined, count: number): Matches {
  const keep: number[] = [];
  for (let k = 0; k < list.docs.length; k++) if (combined.counts[list.docs[k]] === count) keep.push(k);
  return { docs: Int32Array.from(keep, (k) => list.docs[k]), scores: Float64Array.from(keep, (k) => list.scores[k]) };
}

/**
 * For each document missing one list, which list it misses (by position in
 * `lists`; -1 past 7 lists): one pass over the lists, each document's held
 * lists as bits of a byte array of the build.
 */
function lackedLists(scratch: Scratch, lists: readonly Matches[], docs: ArrayLike<number>, size: number): Int8Array {
  const lacked = new Int8Array(docs.length).fill(-1);
  if (lists.length === 2) {
    // Two words: the fill holds the rarer (below), so it lacks the commoner.
    return lacked.fill(lists[0].docs.length <= lists[1].docs.length ? 1 : 0);
  }
  if (lists.length > 7) return lacked;
  const held = scratch.zeroedBytes('partial-lacking', size);
  for (let k = 0; k < docs.length; k++) held[docs[k]] = 1;
  lists.forEach((list, l) => {
    for (const n of list.docs) if (held[n] !== 0) held[n] |= 2 << l;
  });
  for (let k = 0; k < docs.length; k++) {
    const bits = held[docs[k]] >> 1;
    let l = 0;
    while (l < lists.length && bits & (1 << l)) l++;
    lacked[k] = l < lists.length ? l : -1;
  }
  return lacked;
}

function withoutDocs(matches: Matches, excluded: Set<number>): Matches {
  if (excluded.size === 0) return matches;
  const keep: number[] = [];
  for (let k = 0; k < matches.docs.length; k++) if (!excluded.has(matches.docs[k])) keep.push(k);
  return { docs: Int32Array.from(keep, (k) => matches.docs[k]), scores: Float64Array.from(keep, (k) => matches.scores[k]) };
}

function phraseMatches(searcher: Searcher, view: Postings, pattern: PhrasePattern): CachedClause {
  const key = `p|${pattern.field ?? ''}|${pattern.terms.join(' ')}|${pattern.offsets.join(',')}`;
  return cached(searcher, key, () => {
    const lists = [...new Set(pattern.terms)].map((term) => copyMatches(view.score([{ term, weight: 1 }], pattern.field)));
    const all = intersect(searcher.scratch, lists, searcher.documents.length);
    if (pattern.terms.length < 2) return { matches: all, terms: pattern.terms };
    const keep: number[] = [];
    for (let k = 0; k < all.docs.length; k++) if (hasPhrase(searcher, all.docs[k], pattern)) keep.push(k);
    return { matches: { docs: Int32Array.from(keep, (k) => all.docs[k]), scores: Float64Array.from(keep, (k) => all.scores[k]) }, terms: pattern.terms };
  });
}

/**
 * A compound's matches and those of its parts written apart, as a phrase
 * ("vice président" for "vice-président"), scaled by `weight`: the phrase
 * also holds where the compound is written hyphenated (its parts stand at
 * consecutive positions), which then counts a little more.
 */
function withApart(searcher: Searcher, view: Postings, own: Matches, apart: PhrasePattern, weight: number): Matches {
  const phrase = phraseMatches(searcher, view, apart).matches;
  const scaled = { docs: phrase.docs, scores: Float64Array.from(phrase.scores, (score) => score * weight) };
  return union(searcher.scratch, own.docs.length > 0 ? [own, scaled] : [scaled], searcher.documents.length);
}

type Evaluated = { matches: Matches; terms: string[]; optional?: boolean; exact?: RegExp | null } | null;

function evaluateClause(searcher: Searcher, view: Postings, clause: Clause, plan: ClausePlan | null): Evaluated {
  if (clause.kind === 'word') {
    if (!plan || plan.kind !== 'word') return null;
    const key = `w|${plan.field ?? ''}|${plan.negated ? 'x' : plan.prefix ? 'p' : 'f'}|${foldWord(clause.text)}`;
    const evaluated = cached(searcher, key, () => {
      const terms = plan.alternatives.map((a) => ({ term: a.form, weight: a.weight }));
      // A completion that is a compound whole ("chin" -> "chin-russ") matches through the part typed:
      // its other parts ("russ") are no match to show. A compound the reader typed, or the compound
      // a word is written together ("anticasseurs" -> "anti-casseur"), shows all its parts.
      const shown = plan.alternatives.filter((a) => !a.form.includes('-') || a.form === plan.term || a.kind === 'hyphenated').map((a) => a.form);
      const own = terms.length ? view.score(terms, plan.field) : EMPTY;
      const apart = plan.apart ? phrasePattern(plan.apart.words, plan.field) : null;
      if (!plan.apart || !apart || apart.terms.length < 2) return { matches: own, terms: shown };
      // Its terms are the compound's parts, shown through the compound when indexed (highlighting splits it).
      const partTerms = plan.term !== null && shown.includes(plan.term) ? shown : [...shown, ...apart.terms];
      return { matches: withApart(searcher, view, copyMatches(own), apart, plan.apart.weight), terms: partTerms };
    });
    // The word being typed counts when it is already a whole word of the article ("coopération"
    // as typed is not held by "coopérer"); unfinished, it is held by nobody and orders nothing.
    // A beginning of three letters or fewer is rarely whole: not worth reading the candidates on each keystroke.
    const forms = plan.negated || plan.optional || (plan.prefix && plan.folded.length < 4) ? null : exactForms(clause.text);
    return { ...evaluated, optional: plan.optional, exact: forms && evaluated.matches.docs.length > 0 ? exactPattern(forms) : null };
  }
  if (clause.kind === 'near') {
    const near = nearPattern(clause.words, clause.distances);
    if (near.terms.length === 0) return null;
    const key = `n|${near.terms.join(' ')}|${near.distances.join(',')}`;
    return cached(searcher, key, () => {
      const lists = [...new Set(near.terms)].map((term) => copyMatches(view.score([{ term, weight: 1 }])));
      const all = intersect(searcher.scratch, lists, searcher.documents.length);
      if (near.terms.length < 2) return { matches: all, terms: near.terms };
      const keep: number[] = [];
      for (let k = 0; k < all.docs.length; k++) if (holdsNear(searcher, all.docs[k], near.terms, near.distances)) keep.push(k);
      return { matches: { docs: Int32Array.from(keep, (k) => all.docs[k]), scores: Float64Array.from(keep, (k) => all.scores[k]) }, terms: near.terms };
    });
  }
  if (clause.kind === 'phrase') {
    const pattern = phrasePattern(clause.words, clause.field);
    return pattern ? phraseMatches(searcher, view, pattern) : null;
  }
  const sidePlans = plan && plan.kind === 'any' ? plan.clauses : [];
  const sides = clause.clauses.map((c, k) => evaluateClause(searcher, view, c, sidePlans[k] ?? null)).filter((e): e is NonNullable<Evaluated> => e !== null);
  if (sides.length === 0) return null;
  return { matches: union(searcher.scratch, sides.map((s) => s.matches), searcher.documents.length), terms: sides.flatMap((s) => s.terms) };
}

export function evaluateQuery(searcher: Searcher, parsed: ParsedQuery): QueryMatches {
  const view = searcher.postings;
  searcher.beginSearch();
  const plan = planQuery(parsed, embeddedDictionary(view));
  const size = searcher.documents.length;
  const highlight = new Set<string>();
  let positive: NonNullable<Evaluated>[] = [];
  /** By positive clause: its place in the parsed query (what a partial hit lacks is said by it). */
  let positiveClause: number[] = [];
  const excluded = new Set<number>();
  let anyExclusion = false;
  const clauseMatches: (number | null)[] = [];
  for (const [k, clause] of parsed.clauses.entries()) {
    const evaluated = evaluateClause(searcher, view, clause, plan.clauses[k]);
    clauseMatches.push(evaluated && !(clause.kind !== 'any' && clause.negated) ? evaluated.matches.docs.length : null);
    if (!evaluated) continue;
    if (clause.kind !== 'any' && clause.negated) {
      anyExclusion = true;
      for (const n of evaluated.matches.docs) excluded.add(n);
    } else {
      positive.push(evaluated);
      positiveClause.push(k);
    }
  }
  // A stop word being typed ("conseil de") only counts when it is all there is.
  if (positive.some((p) => !p.optional)) {
    positiveClause = positiveClause.filter((_, k) => !positive[k].optional);
    positive = positive.filter((p) => !p.optional);
  }
  for (const p of positive) for (const term of p.terms) for (const part of term.split('-')) highlight.add(part);

  if (positive.length === 0) {
    if (!anyExclusion) return { matches: null, highlight, relaxed: null, partial: null, clauseMatches, plan };
    const docs: number[] = [];
    for (let n = 0; n < size; n++) if (!excluded.has(n)) docs.push(n);
    return { matches: { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) }, highlight, relaxed: null, partial: null, clauseMatches, plan };
  }
  const lists = positive.map((p) => p.matches);
  const patterns = positive.map((p) => p.exact ?? null);
  const rank = (matches: Matches) => rewardExactness(searcher, rewardProximity(searcher, matches, positive), patterns);
  if (lists.length === 1) return { matches: rank(withoutDocs(lists[0], excluded)), highlight, relaxed: null, partial: null, clauseMatches, plan };
  const all = withoutDocs(keepShared(searcher.scratch, lists, size, { transient: true }), excluded);
  if (all.docs.length >= PARTIAL_FILL || (all.docs.length > 0 && lists.length < PARTIAL_MIN_WORDS)) return { matches: rank(all), highlight, relaxed: null, partial: null, clauseMatches, plan };
  // Few or none hold every word: every document of every list, for those missing one word or the most words held.
  const combined = combine(searcher.scratch, lists, size);
  if (all.docs.length > 0) {
    // Few articles hold every word: the page goes on with those missing one, after them. Of two
    // words, with those holding the rarer one (the commoner alone says little, and may be held by most of the archive).
    const missingOne = lists.length === 2 ? alsoHolding(lists[lists[0].docs.length <= lists[1].docs.length ? 0 : 1], combined, 1) : keepCount(searcher.scratch, combined, lists.length - 1);
    const some = scaleByCoverage(searcher.scratch, withoutDocs(missingOne, excluded), lists, size);
    const full = rank(all);
    const docs = new Int32Array(full.docs.length + some.docs.length);
    const scores = new Float64Array(docs.length);
    docs.set(full.docs);
    for (let k = 0; k < full.docs.length; k++) scores[k] = full.scores[k] + FULL_RANK;
    const ranked = rank(some);
    docs.set(ranked.docs, full.docs.length);
    scores.set(ranked.scores, full.docs.length);
    const lacking = (docs: ArrayLike<number>) => Array.from(lackedLists(searcher.scratch, lists, docs, size), (l) => (l < 0 ? -1 : positiveClause[l]));
    const partial = some.docs.length > 0 ? { count: some.docs.length, matched: lists.length - 1, of: lists.length, docs: new Set(some.docs), lacking } : null;
    return { matches: { docs, scores }, highlight, relaxed: null, partial, clauseMatches, plan };
  }
  // Nobody holds every word: the documents holding the most of them.
  let most = 0;
  for (let k = 0; k < combined.touchedCount; k++) {
    const n = combined.touched[k];
    if (combined.counts[n] > most && !excluded.has(n)) most = combined.counts[n];
  }
  if (most === 0) return { matches: EMPTY, highlight, relaxed: null, partial: null, clauseMatches, plan };
  const some = scaleByCoverage(searcher.scratch, withoutDocs(keepCount(searcher.scratch, combined, most, { transient: true }), excluded), lists, size);
  return { matches: rank(some), highlight, relaxed: { matched: most, of: lists.length }, partial: null, clauseMatches, plan };
}

/** The index terms a query matches (for highlighting an article the query led to). */
export function queryTerms(searcher: Searcher, q: string): Set<string> {
  return evaluateQuery(searcher, parseQuery(q)).highlight;
}

/** The index terms a clause matches (its completions and typos included), for checks outside the postings (src/search/quotation-query.ts). */
export function clauseTerms(searcher: Searcher, clause: Clause): string[] {
  const view = searcher.postings;
  const plan = planQuery({ raw: '', clauses: [clause] }, embeddedDictionary(view));
  return evaluateClause(searcher, view, clause, plan.clauses[0])?.terms ?? [];
}
