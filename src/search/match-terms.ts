import { analyzeWord, compoundTerm, ELISION, foldWord, JOINER } from '../analysis/index.js';

/**
 * How one typed word is looked up in the index: its analyzed term, the
 * typos it forgives and, for the word being typed, the prefixes it extends.
 */
export interface WordLookup {
  /** The analyzed term (stem), or the whole-compound term ("chin-russ"). */
  term: string;
  /** Maximum edit distance forgiven for this word (0 for short words). */
  fuzzy: number;
  /** Terms to try as prefixes (the stem and the folded word as typed). */
  prefixes: string[];
  /** Index terms of the word with two neighbouring letters swapped: a swap is one typo. */
  swaps: string[];
}


/** Shortest word being typed that is expanded as a prefix. */
export const MIN_PREFIX = 3;

/** Typos forgiven by word length, as people expect: none under 5 letters, one up to 8, two beyond. */
export function typoBudget(folded: string): number {
  if (/\d/.test(folded) || folded.length < 5) return 0;
  return folded.length <= 8 ? 1 : 2;
}

function swappedForms(folded: string): string[] {
  const forms = new Set<string>();
  for (let k = 0; k + 1 < folded.length; k++) {
    if (folded[k] === folded[k + 1]) continue;
    const swapped = folded.slice(0, k) + folded[k + 1] + folded[k] + folded.slice(k + 2);
    const term = analyzeWord(swapped);
    if (term) forms.add(term);
  }
  return [...forms];
}

/** The lookup of a word as typed ("l'OTAN", "Chine-Russie", "multilat"), or null when it is a stop word. */
export function lookupWord(typed: string, prefix: boolean): WordLookup | null {
  const word = typed.replace(ELISION, '') || typed;
  const parts = word.split(JOINER).filter(Boolean);
  if (parts.length > 1) {
    const term = compoundTerm(parts);
    return { term, fuzzy: 0, prefixes: prefix ? [term] : [], swaps: [] };
  }
  const term = analyzeWord(word);
  if (term === null) return null;
  const folded = foldWord(word);
  // A word still being typed is incomplete: one typo at most, and no prefix
  // expansion under three letters ("r" would expand to a tenth of the dictionary).
  const fuzzy = prefix ? Math.min(1, typoBudget(folded)) : typoBudget(folded);
  return {
    term,
    fuzzy,
    prefixes: prefix && folded.length >= MIN_PREFIX ? [...new Set([term, folded])] : [],
    swaps: fuzzy > 0 && fuzzy < 2 ? swappedForms(folded).filter((t) => t !== term) : [],
  };
}
