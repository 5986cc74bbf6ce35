import { analyzeWord, compoundTerm, foldWord, JOINER, withoutElision } from '../analysis/index.js';
import type { Postings, WeightedTerm } from './postings.js';

/**
 * Which index terms a typed word matches, and how much each counts: the
 * word's own analyzed term, then, for the word still being typed, the most
 * common terms it is the beginning of, and, when the index does not know
 * the word, the terms within its typo budget.
 */

/** The analysis of one typed word. */
export interface WordLookup {
  /** The analyzed term (stem), or the whole-compound term ("chin-russ"). */
  term: string;
  /** The word folded (lowercase, no accents), for prefixes and typos. */
  folded: string;
  /** Maximum edit distance forgiven for this word (0 for short words). */
  fuzzy: number;
  /** Terms to extend as prefixes when the word is being typed (the stem and the folded word). */
  prefixes: string[];
  /** A stop word being typed: it may begin a real word ("de" -> "démocratie"), or be just "de". */
  stopWord?: boolean;
}

/** How much a prefix completion and a corrected typo count against the word itself (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const TYPO_WEIGHT = 0.45;
/** A completion counts less the more letters it adds to what was typed. */
const completionWeight = (term: string, prefix: string) => (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length));

/**
 * Most completions a word being typed expands to, the most frequent first.
 * A short beginning ("co") fits thousands of terms: scoring all of them on
 * each keystroke would be slow and would rank by noise, so only the common
 * ones count, as in Algolia's or Meilisearch's prefix search.
 */
export const MAX_COMPLETIONS = 24;
/** Completions kept for a beginning of one and of two letters. */
export const SHORT_COMPLETIONS = [0, 4, 8];
export const SHORT_PREFIX = 3;

/** Typos forgiven by word length, as people expect: none under 5 letters, one up to 8, two beyond. */
export function typoBudget(folded: string): number {
  if (/\d/.test(folded) || folded.length < 5 || folded.length > MAX_TYPO_WORD) return 0;
  return folded.length <= 8 ? 1 : 2;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Longest word whose one-typo forms are looked for ("anticonstitutionnellement" has 25 letters). */
const MAX_TYPO_WORD = 25;

/**
 * The words one typo away from a folded word: a letter left out, added,
 * replaced, or two neighbours swapped (a swap is one typo for a reader, two
 * edits for Levenshtein). About 600 for a ten-letter word, none beyond
 * MAX_TYPO_WORD letters.
 */
export function oneTypoForms(folded: string): string[] {
  const forms = new Set<string>();
  // No word is that long: a pasted string of letters would cost ~50 stems per letter on each keystroke.
  if (folded.length > MAX_TYPO_WORD) return [];
  for (let k = 0; k <= folded.length; k++) {
    const before = folded.slice(0, k);
    const after = folded.slice(k);
    if (k < folded.length) forms.add(before + after.slice(1));
    if (k + 1 < folded.length && folded[k] !== folded[k + 1]) forms.add(before + folded[k + 1] + folded[k] + folded.slice(k + 2));
    for (const letter of LETTERS) {
      forms.add(before + letter + after);
      if (k < folded.length && letter !== folded[k]) forms.add(before + letter + after.slice(1));
    }
  }
  forms.delete(folded);
  return [...forms];
}

/**
 * The indexed terms of the words one typo away from a folded word.
 *
 * Why on the word and not on its term: a typo in an ending changes what the
 * stemmer cuts. "pécherezs" stems to itself, nowhere near "pech" (the term
 * of "pécherez"), while the word without its last letter stems to "pech".
 * Analyzing the ~600 forms of a ten-letter word takes a few milliseconds;
 * it runs only for words the index does not know, and its result is cached
 * with the word's clause.
 *
 * @example
 * oneTypoTerms(view, 'pecherezs') // ['pech', ...]
 */
export function oneTypoTerms(postings: Postings, folded: string): string[] {
  const terms = new Set<string>();
  for (const form of oneTypoForms(folded)) {
    const term = analyzeWord(form);
    if (term && postings.has(term)) terms.add(term);
  }
  return [...terms];
}

/** The lookup of a word as typed ("l'OTAN", "Chine-Russie", "multilat"), or null when it is a stop word. */
export function lookupWord(typed: string, prefix: boolean): WordLookup | null {
  const word = withoutElision(typed);
  const parts = word.split(JOINER).filter(Boolean);
  if (parts.length > 1) {
    // Indexed whole only when two of its parts or more are words (indexTerms): "au-delà" is "delà" alone.
    const words = parts.filter((part) => analyzeWord(part) !== null);
    if (words.length === 1) return lookupWord(words[0], prefix);
    if (words.length === 0) return prefix ? lookupWord(parts[parts.length - 1], true) : null;
    const term = compoundTerm(parts);
    return { term, folded: term, fuzzy: 0, prefixes: prefix ? [term] : [] };
  }
  const folded = foldWord(word);
  const term = analyzeWord(word);
  // A stop word still being typed may be the beginning of a real word ("de" -> "démocratie").
  if (term === null) return prefix && folded ? { term: folded, folded, fuzzy: 0, prefixes: [folded], stopWord: true } : null;
  // A word still being typed is incomplete: one typo at most.
  const fuzzy = prefix ? Math.min(1, typoBudget(folded)) : typoBudget(folded);
  return { term, folded, fuzzy, prefixes: prefix ? [...new Set([term, folded])] : [] };
}

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
      if (bucket.length >= 256) buckets.set(prefix, mostFrequent(bucket, SHORT_COMPLETIONS[length], prefix));
    }
  }
  for (const [prefix, bucket] of buckets) cache.set(prefix, mostFrequent(bucket, SHORT_COMPLETIONS[prefix.length], prefix));
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
  list = mostFrequent(postings.termsWithPrefix(prefix), MAX_COMPLETIONS, prefix);
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

/**
 * The stem of a word can be longer than the stem of the word meant: a word
 * being typed ("coopérat" stems to "cooperat", "coopération" is indexed as
 * "cooper"), or a form the stemmer does not know ("recompteron", a
 * mistyped "recompterons", stems to itself; "recomptées" is indexed as
 * "recompt"). The longest indexed term that begins the word, `slack`
 * letters shorter at most and never under half the word, stands for it.
 */
function truncatedStem(postings: Postings, folded: string, slack: number): string | null {
  for (let length = folded.length - 1; length >= Math.max(4, Math.ceil(folded.length / 2), folded.length - slack); length--) {
    const term = folded.slice(0, length);
    if (postings.has(term)) return term;
  }
  return null;
}

/**
 * The index terms a word matches, weighted: 1 for its own term; less for
 * completions of a word being typed, the longer the completion the less;
 * typo corrections, and for a finished word its completions, only when the
 * index knows neither the word nor any completion of it (a known word is
 * taken as meant).
 */
export function expandWord(postings: Postings, lookup: WordLookup): WeightedTerm[] {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weight, weights.get(term) ?? 0));
  if (postings.has(lookup.term)) add(lookup.term, 1);
  for (const prefix of lookup.prefixes) {
    if (prefix !== lookup.term && postings.has(prefix)) add(prefix, 1);
    for (const [term] of completions(postings, prefix)) {
      add(term, completionWeight(term, prefix));
    }
  }
  if (lookup.prefixes.length > 0 && lookup.folded.length >= 5 && !lookup.stopWord) {
    const stem = truncatedStem(postings, lookup.folded, 4);
    if (stem) add(stem, PREFIX_WEIGHT);
  }
  if (weights.size === 0 && lookup.fuzzy > 0) {
    // A word the index does not know may be a word left unfinished ("enflaie" for "enflaient"),
    // a form the stemmer does not know, or a typo in the word or in its ending.
    for (const [term] of completions(postings, lookup.folded)) add(term, completionWeight(term, lookup.folded));
    const stem = truncatedStem(postings, lookup.folded, lookup.folded.length);
    if (stem) add(stem, TYPO_WEIGHT);
    for (const [term, distance] of postings.termsNear(lookup.term, lookup.fuzzy)) {
      add(term, (TYPO_WEIGHT * term.length) / (term.length + distance));
    }
    for (const term of oneTypoTerms(postings, lookup.folded)) add(term, (TYPO_WEIGHT * term.length) / (term.length + 1));
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
