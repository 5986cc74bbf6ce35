/**
 * The spellings of one compound word (issue 18), for the query plan
 * (query-plan.ts): the press writes "anti-casseurs" and "anticasseurs",
 * "vice-président" and "vice président". A hyphenated word of at most
 * `compounds.maxParts` parts is also asked written together, any
 * hyphenated word also apart (a phrase), and a plain word also as the
 * compounds the index holds whose parts written together are that word.
 * What is asked is written here once; each backend's term dictionary
 * answers it on its own terms (match-terms.ts, postgres/term-dictionary.ts),
 * and never with a split of the word it guessed.
 */
import type { MatchOptions } from './match-options.js';
import type { Alternative, WordShape } from './query-plan.js';
import type { WordAnswer, WordRequest } from './term-dictionary.js';

/** A hyphenated compound's parts written apart, searched as a phrase ("vice président" for "vice-président"). */
export interface ApartPhrase {
  words: string[];
  weight: number;
  /** A backend's own expression of the phrase (PostgreSQL: its phraseto_tsquery); not part of the shared plan. */
  expression?: string;
}

/** Hyphens of a compound (the hyphen-minus and the non-breaking hyphen); apostrophes join other compounds ("aujourd'hui"). */
const HYPHENS = /[-‑]/;
const APOSTROPHES = /['’]/;

/** The parts of a compound joined by hyphens only, as written; null for any other word. */
export function hyphenParts(word: string, parts: string[], compound: boolean): string[] | null {
  return compound && HYPHENS.test(word) && !APOSTROPHES.test(word) ? parts : null;
}

/** What a word asks its backend of its other spellings (nothing for an excluded word: it is excluded as written). */
export function spellingRequest(shape: WordShape, negated: boolean, options: MatchOptions): Pick<WordRequest, 'joined' | 'apart' | 'hyphenatedParts'> {
  const { maxParts, minJoinedLength, maxJoinedLength } = options.compounds;
  if (negated) return {};
  if (shape.hyphenParts) return { ...(shape.hyphenParts.length <= maxParts ? { joined: shape.hyphenParts.join('') } : {}), apart: shape.hyphenParts.join(' ') };
  const letters = Array.from(shape.folded).length;
  if (!shape.compound && !shape.stop && letters >= minJoinedLength && letters <= maxJoinedLength) return { hyphenatedParts: maxParts };
  return {};
}

/**
 * The word with hyphens at `cuts`, letters of its folded form from its start
 * ("anticasseurs", [4] -> "anti-casseurs"): the word as typed when folding
 * kept its length, else the folded word ("œ" folds to "oe").
 */
export function hyphenatedSpelling(word: string, folded: string, cuts: number[]): string {
  const typed = Array.from(word);
  const letters = typed.length === Array.from(folded).length ? typed : Array.from(folded);
  let out = '';
  letters.forEach((letter, k) => {
    if (cuts.includes(k)) out += '-';
    out += letter;
  });
  return out;
}

/** The alternatives and the phrase a backend's answer gives a word's other spellings. */
export function spellingAlternatives(
  word: { word: string; folded: string },
  request: WordRequest,
  answer: WordAnswer,
  options: MatchOptions,
): { alternatives: Alternative[]; apart: ApartPhrase | null } {
  const { spellingWeight: weight, apartWeight } = options.compounds;
  const alternatives: Alternative[] = [];
  if (request.joined && answer.joined) alternatives.push({ form: answer.joined, kind: 'joined', weight, written: request.joined });
  for (const { term, cuts, highlight } of answer.hyphenated ?? []) {
    alternatives.push({ form: term, kind: 'hyphenated', weight, written: hyphenatedSpelling(word.word, word.folded, cuts), ...(highlight ? { highlight } : {}) });
  }
  const apart = request.apart ? { words: request.apart.split(' '), weight: apartWeight, ...(answer.apartExpression ? { expression: answer.apartExpression } : {}) } : null;
  return { alternatives, apart };
}
