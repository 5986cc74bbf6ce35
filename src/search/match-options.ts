/**
 * The word-matching rules of both backends in one documented object, each
 * budget with its default and why (as MiniSearch's single options object):
 * the query plan (query-plan.ts) reads them to write each word's
 * alternatives down once; the embedded engine and PostgreSQL only resolve
 * and score that plan. Nothing else decides completions, stems or typos.
 */
export interface MatchOptions {
  typos: {
    /** Words shorter than this get no typo forgiven: "ours" one edit away is "cours", "tours", "jours"... */
    minLength: number;
    /** Up to this many letters one typo is forgiven, beyond it two: people expect more slack in long words. */
    oneTypoUpTo: number;
    /** Longer words get none: no word is that long, and a pasted string of letters would cost ~50 stems per letter on each keystroke ("anticonstitutionnellement" has 25). */
    maxLength: number;
    /** A word still being typed is incomplete: one typo at most, the rest of it is still to come. */
    whileTyping: number;
    /** How much a corrected typo counts against the word itself (MiniSearch's default), less the more edits it took. */
    weight: number;
  };
  completions: {
    /**
     * Most completions a word being typed expands to, the most frequent
     * first. A short beginning ("co") fits thousands of terms: scoring all
     * of them on each keystroke would be slow and would rank by noise, so
     * only the common ones count, as in Algolia's or Meilisearch's prefix search.
     */
    max: number;
    /** Completions kept for a beginning of zero, one and two letters (a one-letter beginning is mostly noise). */
    short: readonly number[];
    /** Beginnings shorter than this use `short` (precomputed for the whole dictionary, see match-terms.ts and depeches.short_completions). */
    shortPrefix: number;
    /** How much a completion counts against the word itself (MiniSearch's prefix default)... */
    weight: number;
    /** ... and less the more letters it adds to what was typed. */
    lengthPenalty: number;
  };
  truncatedStem: {
    /**
     * The stem of a word can be longer than the stem of the word meant: a
     * word being typed ("coopérat" stems to "cooperat", "coopération" is
     * indexed as "cooper"), or a form the stemmer does not know
     * ("recompteron"). The longest indexed term that begins the folded word
     * stands for it: while typing, at most `typingSlack` letters shorter...
     */
    typingSlack: number;
    /** ... never shorter than this (four letters begin too many unrelated words)... */
    minLength: number;
    /** ... nor, for a finished word the index does not know, than this share of the word. */
    minShare: number;
    /** Words typed shorter than this are not truncated (their stem is the word). */
    minWordLength: number;
  };
  compounds: {
    /**
     * A hyphenated compound of at most this many parts is also searched
     * written as one word ("anti-casseurs" / "anticasseurs"), and a word is
     * also searched as the compounds of at most this many parts the index
     * holds that it is written together ("bidulemachin" / "Bidule-machin").
     * Longer chains ("Saint-Germain-des-Prés") are names, not spellings.
     */
    maxParts: number;
    /** Words shorter than this are not looked up as compounds written together ("cote" is not "co-te")... */
    minJoinedLength: number;
    /** ... nor longer than this: the embedded engine analyzes each placement of the hyphens, some 300 for 25 letters, and a pasted string of letters is no word. */
    maxJoinedLength: number;
    /** How much the other spelling (joined or hyphenated) counts against the word itself: the same word. */
    spellingWeight: number;
    /** How much a compound's parts written apart, as a phrase ("vice président"), count: the same words, perhaps not one word. */
    apartWeight: number;
  };
  stopWords: {
    /**
     * A stop word being typed ("conseil de") may be the beginning of a real
     * word ("démocratie"): it completes, but counts only when it is all the
     * query holds (it is optional beside other words).
     */
    completeWhileTyping: boolean;
  };
}

export const MATCH_OPTIONS: MatchOptions = Object.freeze({
  typos: Object.freeze({ minLength: 5, oneTypoUpTo: 8, maxLength: 25, whileTyping: 1, weight: 0.45 }),
  completions: Object.freeze({ max: 24, short: Object.freeze([0, 4, 8]), shortPrefix: 3, weight: 0.375, lengthPenalty: 0.3 }),
  truncatedStem: Object.freeze({ typingSlack: 4, minLength: 4, minShare: 0.5, minWordLength: 5 }),
  compounds: Object.freeze({ maxParts: 3, minJoinedLength: 5, maxJoinedLength: 25, spellingWeight: 1, apartWeight: 0.8 }),
  stopWords: Object.freeze({ completeWhileTyping: true }),
}) as MatchOptions;

/** Typos forgiven in a folded word by its length: none under 5 letters, one up to 8, two beyond; none with digits (a date or a number is meant as typed). */
export function typoBudget(folded: string, typing = false, options: MatchOptions = MATCH_OPTIONS): number {
  const { minLength, oneTypoUpTo, maxLength, whileTyping } = options.typos;
  if (/\d/.test(folded) || folded.length < minLength || folded.length > maxLength) return 0;
  const budget = folded.length <= oneTypoUpTo ? 1 : 2;
  return typing ? Math.min(whileTyping, budget) : budget;
}

/** How much a completion of `prefix` counts: less the more letters it adds. */
export function completionWeight(term: string, prefix: string, options: MatchOptions = MATCH_OPTIONS): number {
  const { weight, lengthPenalty } = options.completions;
  return (weight * term.length) / (term.length + lengthPenalty * (term.length - prefix.length));
}

/** How much a typo correction `distance` edits away counts. */
export function typoWeight(term: string, distance: number, options: MatchOptions = MATCH_OPTIONS): number {
  return (options.typos.weight * term.length) / (term.length + distance);
}

/** How many completions a beginning expands to. */
export function completionLimit(prefix: string, options: MatchOptions = MATCH_OPTIONS): number {
  const { max, short, shortPrefix } = options.completions;
  return prefix.length < shortPrefix ? short[prefix.length] ?? 0 : max;
}

/**
 * Beginnings of a folded word that may stand for it, longest first: while
 * typing, at most `typingSlack` letters shorter; for a finished unknown
 * word, down to `minShare` of it. Never under `minLength` letters.
 */
export function truncatedStemCandidates(folded: string, typing: boolean, options: MatchOptions = MATCH_OPTIONS): string[] {
  const { typingSlack, minLength, minShare, minWordLength } = options.truncatedStem;
  if (folded.length < minWordLength) return [];
  const shortest = Math.max(minLength, Math.ceil(folded.length * minShare), typing ? folded.length - typingSlack : 0);
  const out: string[] = [];
  for (let length = folded.length - 1; length >= shortest; length--) out.push(folded.slice(0, length));
  return out;
}
