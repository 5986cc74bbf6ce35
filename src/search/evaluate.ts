import { foldWord } from '../analysis/index.js';
import { compactOf, type SearchIndex } from '../index/index.js';
import { expandWord, lookupWord } from './match-terms.js';
import { hasPhrase, phrasePattern, type PhrasePattern } from './phrases.js';
import { postings, type Matches, type Postings } from './postings.js';
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
  /** Null when the query asks for nothing (empty, or only stop words): every article qualifies. */
  matches: Matches | null;
  /** Index terms the query matched, to highlight (compound wholes as their parts). */
  highlight: Set<string>;
  /** Set when the results hold only `matched` of the query's `of` words or phrases. */
  relaxed: { matched: number; of: number } | null;
}

const EMPTY: Matches = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * Recently computed clauses, per index. Typing "relations bil" after
 * "relations bi" reuses "relations"; readers share common words. Bounded by
 * the number of postings held, not entries, since one common word can hold
 * every article.
 */
const CACHE_POSTINGS = 4_000_000;
interface ClauseCache {
  entries: Map<string, { matches: Matches; terms: string[] }>;
  held: number;
}
const caches = new WeakMap<SearchIndex, ClauseCache>();

function cached(index: SearchIndex, key: string, compute: () => { matches: Matches; terms: string[] }): { matches: Matches; terms: string[] } {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { entries: new Map(), held: 0 }));
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit;
  }
  const value = compute();
  cache.entries.set(key, value);
  cache.held += value.matches.docs.length + 1;
  for (const [oldest, entry] of cache.entries) {
    if (cache.held <= CACHE_POSTINGS || oldest === key) break;
    cache.entries.delete(oldest);
    cache.held -= entry.matches.docs.length + 1;
  }
  return value;
}

/** Sums the scores of documents present in every list (`lists` non-empty). */
function intersect(lists: Matches[], size: number): Matches {
  return keepCount(combine(lists, size), lists.length);
}

/** Sums the scores of documents present in any list. */
function union(lists: Matches[], size: number): Matches {
  if (lists.length === 1) return lists[0];
  return keepCount(combine(lists, size), 1, true);
}

interface Combined {
  /** Documents in any list, in the first `touchedCount` slots. */
  touched: Int32Array;
  touchedCount: number;
  /** By document: the number of lists holding it and the sum of its scores. */
  counts: Uint16Array;
  sums: Float64Array;
}

/** Per-document count of lists and sum of scores, in arrays reused across queries (no allocation per document). */
let scratch = { counts: new Uint16Array(0), sums: new Float64Array(0), stamps: new Uint32Array(0), touched: new Int32Array(0), stamp: 0 };
function combine(lists: Matches[], size: number): Combined {
  if (scratch.counts.length < size) scratch = { counts: new Uint16Array(size), sums: new Float64Array(size), stamps: new Uint32Array(size), touched: new Int32Array(size), stamp: 0 };
  const { counts, sums, stamps, touched } = scratch;
  const stamp = ++scratch.stamp;
  let touchedCount = 0;
  for (const { docs, scores } of lists) {
    for (let k = 0; k < docs.length; k++) {
      const n = docs[k];
      if (stamps[n] !== stamp) {
        stamps[n] = stamp;
        counts[n] = 1;
        sums[n] = scores[k];
        touched[touchedCount++] = n;
      } else {
        counts[n]++;
        sums[n] += scores[k];
      }
    }
  }
  return { touched, touchedCount, counts, sums };
}

/** The documents held by exactly `count` lists (or at least, with `atLeast`), with their summed scores. */
function keepCount(combined: Combined, count: number, atLeast = false): Matches {
  const { touched, touchedCount, counts, sums } = combined;
  let kept = 0;
  for (let k = 0; k < touchedCount; k++) if (atLeast ? counts[touched[k]] >= count : counts[touched[k]] === count) kept++;
  const docs = new Int32Array(kept);
  const scores = new Float64Array(kept);
  kept = 0;
  for (let k = 0; k < touchedCount; k++) {
    const n = touched[k];
    if (atLeast ? counts[n] >= count : counts[n] === count) {
      docs[kept] = n;
      scores[kept++] = sums[n];
    }
  }
  return { docs, scores };
}

function withoutDocs(matches: Matches, excluded: Set<number>): Matches {
  if (excluded.size === 0) return matches;
  const keep: number[] = [];
  for (let k = 0; k < matches.docs.length; k++) if (!excluded.has(matches.docs[k])) keep.push(k);
  return { docs: Int32Array.from(keep, (k) => matches.docs[k]), scores: Float64Array.from(keep, (k) => matches.scores[k]) };
}

function phraseMatches(index: SearchIndex, view: Postings, pattern: PhrasePattern): { matches: Matches; terms: string[] } {
  const key = `p|${pattern.field ?? ''}|${pattern.terms.join(' ')}|${pattern.offsets.join(',')}`;
  return cached(index, key, () => {
    const lists = [...new Set(pattern.terms)].map((term) => view.score([{ term, weight: 1 }], pattern.field));
    const all = intersect(lists, index.documents.length);
    if (pattern.terms.length < 2) return { matches: all, terms: pattern.terms };
    const keep: number[] = [];
    for (let k = 0; k < all.docs.length; k++) if (hasPhrase(index, all.docs[k], pattern)) keep.push(k);
    return { matches: { docs: Int32Array.from(keep, (k) => all.docs[k]), scores: Float64Array.from(keep, (k) => all.scores[k]) }, terms: pattern.terms };
  });
}

type Evaluated = { matches: Matches; terms: string[]; optional?: boolean } | null;

function evaluateClause(index: SearchIndex, view: Postings, clause: Clause): Evaluated {
  if (clause.kind === 'word') {
    // An excluded word is excluded as written: no completions, no typos.
    const lookup = lookupWord(clause.text, clause.prefix && !clause.negated);
    if (!lookup) return null;
    const key = `w|${clause.field ?? ''}|${clause.prefix && !clause.negated ? 1 : 0}|${foldWord(clause.text)}`;
    const evaluated = cached(index, key, () => {
      const terms = clause.negated ? [{ term: lookup.term, weight: 1 }] : expandWord(view, lookup);
      // A completion that is a compound whole ("chin" -> "chin-russ") matches through the part typed:
      // its other parts ("russ") are no match to show. A compound the reader typed shows all its parts.
      const shown = terms.map((t) => t.term).filter((t) => !t.includes('-') || t === lookup.term);
      return { matches: terms.length ? view.score(terms, clause.field) : EMPTY, terms: shown };
    });
    return { ...evaluated, optional: lookup.stopWord };
  }
  if (clause.kind === 'phrase') {
    const pattern = phrasePattern(clause.words, clause.field);
    return pattern ? phraseMatches(index, view, pattern) : null;
  }
  const sides = clause.clauses.map((c) => evaluateClause(index, view, c)).filter((e): e is NonNullable<Evaluated> => e !== null);
  if (sides.length === 0) return null;
  return { matches: union(sides.map((s) => s.matches), index.documents.length), terms: sides.flatMap((s) => s.terms) };
}

export function evaluateQuery(index: SearchIndex, parsed: ParsedQuery): QueryMatches {
  const view = postings(index);
  const size = index.documents.length;
  const highlight = new Set<string>();
  let positive: { matches: Matches; terms: string[]; optional?: boolean }[] = [];
  const excluded = new Set<number>();
  let anyExclusion = false;
  for (const clause of parsed.clauses) {
    const evaluated = evaluateClause(index, view, clause);
    if (!evaluated) continue;
    if (clause.kind !== 'any' && clause.negated) {
      anyExclusion = true;
      for (const n of evaluated.matches.docs) excluded.add(n);
    } else positive.push(evaluated);
  }
  // A stop word being typed ("conseil de") only counts when it is all there is.
  if (positive.some((p) => !p.optional)) positive = positive.filter((p) => !p.optional);
  for (const p of positive) for (const term of p.terms) for (const part of term.split('-')) highlight.add(part);

  if (positive.length === 0) {
    if (!anyExclusion) return { matches: null, highlight, relaxed: null };
    const docs: number[] = [];
    for (let n = 0; n < size; n++) if (!excluded.has(n)) docs.push(n);
    return { matches: { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) }, highlight, relaxed: null };
  }
  const lists = positive.map((p) => p.matches);
  if (lists.length === 1) return { matches: withoutDocs(lists[0], excluded), highlight, relaxed: null };
  const combined = combine(lists, size);
  const all = withoutDocs(keepCount(combined, lists.length), excluded);
  if (all.docs.length > 0) return { matches: rewardProximity(index, all, positive), highlight, relaxed: null };
  // Nobody holds every word: the documents holding the most of them.
  let most = 0;
  for (let k = 0; k < combined.touchedCount; k++) {
    const n = combined.touched[k];
    if (combined.counts[n] > most && !excluded.has(n)) most = combined.counts[n];
  }
  if (most === 0) return { matches: EMPTY, highlight, relaxed: null };
  const some = withoutDocs(keepCount(combined, most), excluded);
  return { matches: rewardProximity(index, some, positive), highlight, relaxed: { matched: most, of: lists.length } };
}

/** How many of the best-scored matches are checked for words standing together. */
const PROXIMITY_CANDIDATES = 100;
/** Words at most this many positions apart count as standing together ("Asie centrale", "Asie, en centrale"...). */
const PROXIMITY_WINDOW = 3;
/** Score bonus of a match whose query words all stand together, in its title or text. */
const PROXIMITY_BONUS = 0.5;

/**
 * Ranks higher the matches where the query's words stand next to each
 * other, in the query's order, as a reader who types "coopération
 * stratégique" means the phrase more than two distant words (Meilisearch's
 * proximity rule). Only the best-scored matches are checked, on the term
 * positions saved with the index; their score grows by up to half.
 */
function rewardProximity(index: SearchIndex, matches: Matches, clauses: { terms: string[] }[]): Matches {
  const pairs = Math.min(clauses.length, 31) - 1;
  if (pairs < 1 || matches.docs.length === 0) return matches;
  // Which clauses each term belongs to, as bits, in an array by term id kept per index and cleared after use.
  let clauseBits = clauseBitsByIndex.get(index);
  if (!clauseBits) clauseBitsByIndex.set(index, (clauseBits = new Int32Array(compactOf(index).terms.length)));
  const marked: number[] = [];
  clauses.slice(0, pairs + 1).forEach((clause, c) => {
    for (const term of clause.terms) {
      for (const part of term.split('-')) {
        const id = index.positions.termId(part);
        if (id < 0) continue;
        if (clauseBits[id] === 0) marked.push(id);
        clauseBits[id] |= 1 << c;
      }
    }
  });
  const scores = Float64Array.from(matches.scores);
  for (const k of bestPositions(matches.scores, PROXIMITY_CANDIDATES)) {
    const n = matches.docs[k];
    const together = adjacentPairs(index.positions.sequence(n, 0), clauseBits, pairs) | adjacentPairs(index.positions.sequence(n, 1), clauseBits, pairs);
    scores[k] *= 1 + (PROXIMITY_BONUS * bitCount(together)) / pairs;
  }
  for (const id of marked) clauseBits[id] = 0;
  return { docs: matches.docs, scores };
}

const clauseBitsByIndex = new WeakMap<SearchIndex, Int32Array>();

/**
 * The pairs of consecutive clauses (bit c for clauses c - 1 and c) whose
 * terms stand in order within PROXIMITY_WINDOW positions somewhere in the
 * sequence, in one pass over it.
 */
function adjacentPairs(sequence: Int32Array, clauseBits: Int32Array, pairs: number): number {
  const lastSeen = new Array<number>(pairs + 1).fill(-Infinity);
  let found = 0;
  for (let p = 0; p < sequence.length; p++) {
    const id = sequence[p];
    const bits = id >= 0 ? clauseBits[id] : 0;
    if (bits === 0) continue;
    for (let c = 0; c <= pairs; c++) {
      if ((bits & (1 << c)) === 0) continue;
      if (c > 0 && p - lastSeen[c - 1] <= PROXIMITY_WINDOW) found |= 1 << c;
      lastSeen[c] = p;
    }
  }
  return found;
}

function bitCount(bits: number): number {
  let count = 0;
  for (; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** Positions of the `count` highest scores (any order), by a bounded min-heap rather than a sort of every match. */
function bestPositions(scores: Float64Array, count: number): number[] {
  if (scores.length <= count) return Array.from(scores.keys());
  const heap: number[] = [];
  const below = (a: number, b: number) => scores[heap[a]] < scores[heap[b]];
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b], heap[a]]);
  for (let k = 0; k < scores.length; k++) {
    if (heap.length === count) {
      if (scores[k] <= scores[heap[0]]) continue;
      heap[0] = k;
    } else {
      heap.push(k);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!below(child, parent)) break;
        swap(child, parent);
        child = parent;
      }
      continue;
    }
    for (let parent = 0; ; ) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let least = parent;
      if (left < heap.length && below(left, least)) least = left;
      if (right < heap.length && below(right, least)) least = right;
      if (least === parent) break;
      swap(least, parent);
      parent = least;
    }
  }
  return heap;
}

/** True when a term of `first` is followed, within PROXIMITY_WINDOW positions, by a term of `second`. */
function adjacent(sequence: Int32Array, first: Set<number>, second: Set<number>): boolean {
  let last = -Infinity;
  for (let p = 0; p < sequence.length; p++) {
    if (second.has(sequence[p]) && p - last <= PROXIMITY_WINDOW) return true;
    if (first.has(sequence[p])) last = p;
  }
  return false;
}

/** The index terms a query matches (for highlighting an article the query led to). */
export function queryTerms(index: SearchIndex, q: string): Set<string> {
  return evaluateQuery(index, parseQuery(q)).highlight;
}
