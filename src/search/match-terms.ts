import { analyzeWord, compoundTerm, foldWord, JOINER } from '../analysis/index.js';
import { completionLimit, MATCH_OPTIONS } from './match-options.js';
import type { Postings } from './postings.js';
import type { HyphenatedForm, TermDictionary, TypoAnswer, TypoRequest, WordAnswer, WordRequest } from './term-dictionary.js';

/**
 * The embedded engine's term dictionary for the query plan (query-plan.ts):
 * it answers the plan's look-ups on the flat postings (is a term indexed,
 * its most frequent completions, the typo neighbours of a word) and decides
 * nothing: the rules are the plan's, the budgets match-options.ts's.
 */

const { shortPrefix: SHORT_PREFIX } = MATCH_OPTIONS.completions;

/** Most completions' lists kept in the postings' cache (`Postings.completionCache`, owned by the build's Searcher). */
const COMPLETION_CACHE_SIZE = 5000;

/** Keeps the `limit` most frequent terms of a stream, without sorting it all. */
function mostFrequent(entries: Iterable<[string, number]>, limit: number, skip: string): [string, number][] {
  const list: [string, number][] = [];
  let floor = 0;
  for (const entry of entries) {
    if (entry[0] === skip || (list.length === limit && entry[1] <= floor)) continue;
    list.push(entry);
    if (list.length > limit) {
      list.sort((a, b) => b[1] - a[1]);
      list.length = limit;
      floor = list[limit - 1][1];
    }
  }
  return list.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The completions of every beginning of one or two letters, in one pass over
 * the dictionary: each of them covers a large part of it, and a reader
 * starts every search with one.
 */
function shortCompletions(postings: Postings, cache: Map<string, [string, number][]>): void {
  const buckets = new Map<string, [string, number][]>();
  for (const entry of postings.termsWithPrefix('')) {
    for (let length = 1; length < SHORT_PREFIX && length <= entry[0].length; length++) {
      const prefix = entry[0].slice(0, length);
      let bucket = buckets.get(prefix);
      if (!bucket) buckets.set(prefix, (bucket = []));
      bucket.push(entry);
      // Trim now and then so that a bucket never holds a large part of the dictionary.
      if (bucket.length >= 256) buckets.set(prefix, mostFrequent(bucket, completionLimit(prefix), prefix));
    }
  }
  for (const [prefix, bucket] of buckets) cache.set(prefix, mostFrequent(bucket, completionLimit(prefix), prefix));
}

export function completions(postings: Postings, prefix: string): [string, number][] {
  const cache = postings.completionCache;
  if (prefix.length < SHORT_PREFIX && !cache.has('')) {
    shortCompletions(postings, cache);
    // Marks the short ones as done; they are never evicted (the eviction below starts after them).
    cache.set('', []);
  }
  let list = cache.get(prefix);
  if (list) return list;
  if (prefix.length < SHORT_PREFIX) return [];
  list = mostFrequent(postings.termsWithPrefix(prefix), completionLimit(prefix), prefix);
  if (cache.size >= COMPLETION_CACHE_SIZE) {
    for (const key of cache.keys()) {
      if (key.length >= SHORT_PREFIX) {
        cache.delete(key);
        break;
      }
    }
  }
  cache.set(prefix, list);
  return list;
}


/** The first indexed of a word's beginnings (longest first), or null. */
function firstIndexed(postings: Postings, beginnings: string[]): string | null {
  for (const term of beginnings) if (postings.has(term)) return term;
  return null;
}

/** A word's term by the embedded analysis: the folded stop word, the compound whole, or the stem. */
function termOf(request: WordRequest): string | null {
  if (request.shape === 'stop') return request.folded;
  if (request.shape === 'compound') return compoundTerm(request.text.split(JOINER).filter(Boolean));
  return analyzeWord(request.text);
}

/** Every way to cut a word's letters into 2 to `maxParts` non-empty parts: the places of the cuts. */
function* cutPlaces(length: number, maxParts: number): Generator<number[]> {
  for (let i = 1; i < length; i++) {
    yield [i];
    if (maxParts >= 3) for (let j = i + 1; j < length; j++) yield [i, j];
  }
}

/**
 * The compounds the index holds whose parts written together are the word
 * ("anticasseurs" -> "anti-casseur"), the most frequent first. The embedded
 * analysis stems a compound part by part (indexTerms), so the word's own
 * term cannot name them: each placement of the hyphens is analyzed as the
 * index analyzes a compound, and only a compound term the index holds is
 * kept. Nothing is searched that no article wrote hyphenated.
 */
function hyphenatedForms(postings: Postings, folded: string, maxParts: number): HyphenatedForm[] {
  const letters = Array.from(folded);
  const found = new Map<string, HyphenatedForm>();
  for (const cuts of cutPlaces(letters.length, maxParts)) {
    const parts = [0, ...cuts].map((from, k) => letters.slice(from, k < cuts.length ? cuts[k] : letters.length).join(''));
    // Indexed whole only when two parts or more are words (indexTerms).
    if (parts.filter((part) => analyzeWord(part) !== null).length < 2) continue;
    const term = compoundTerm(parts);
    if (!found.has(term) && postings.has(term)) found.set(term, { term, cuts });
  }
  return [...found.values()].sort((a, b) => postings.documentFrequency(b.term) - postings.documentFrequency(a.term) || (a.term < b.term ? -1 : 1));
}

function answerWord(postings: Postings, request: WordRequest): WordAnswer {
  const term = termOf(request);
  const prefixes: string[] = [];
  if (term !== null && request.completeTerm) prefixes.push(term);
  if (request.completeFolded && request.folded && request.folded !== term) prefixes.push(request.folded);
  const joined = request.joined !== undefined ? analyzeWord(request.joined) : null;
  return {
    term,
    known: term !== null && postings.has(term),
    completions: prefixes.map((prefix) => ({ prefix, known: postings.has(prefix), terms: completions(postings, prefix).map(([t]) => t) })),
    truncated: firstIndexed(postings, request.stems),
    ...(request.joined !== undefined ? { joined: joined !== null && postings.has(joined) ? joined : null } : {}),
    ...(request.hyphenatedParts ? { hyphenated: hyphenatedForms(postings, foldWord(request.text), request.hyphenatedParts) } : {}),
  };
}

/**
 * Typo answers are kept in the postings' cache (`Postings.typoCache`, owned
 * by the build's Searcher): analyzing the ~600 forms of a ten-letter word
 * takes a few milliseconds, and an unknown word stays in the query for every
 * keystroke after it.
 */
const TYPO_CACHE_SIZE = 2000;

function answerTypos(postings: Postings, request: TypoRequest): TypoAnswer {
  const cache = postings.typoCache;
  const key = `${request.budget}|${request.term}|${request.folded}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const formTerms = new Set<string>();
  for (const form of request.forms) {
    const term = analyzeWord(form);
    if (term && postings.has(term)) formTerms.add(term);
  }
  const answer: TypoAnswer = {
    foldedKnown: postings.has(request.folded),
    completions: completions(postings, request.folded).map(([t]) => t),
    truncated: firstIndexed(postings, request.beginnings),
    near: postings.termsNear(request.term, request.budget),
    formTerms: [...formTerms],
  };
  if (cache.size >= TYPO_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, answer);
  return answer;
}

/** The dictionary the query plan reads on the embedded index. */
export function embeddedDictionary(postings: Postings): TermDictionary {
  return {
    words: (requests) => requests.map((r) => answerWord(postings, r)),
    typos: (requests) => requests.map((r) => answerTypos(postings, r)),
  };
}
