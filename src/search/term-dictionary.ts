/**
 * What the query plan (query-plan.ts) asks of a backend's term dictionary,
 * and what it answers: two batches, each one look-up per word (one
 * statement on PostgreSQL). The embedded engine answers on its flat term
 * dictionary (match-terms.ts), PostgreSQL on depeches.terms
 * (postgres/term-dictionary.ts); neither decides which look-ups to make.
 */

/** What a backend is asked of one word first. */
export interface WordRequest {
  /** The word to analyze (elision removed); a compound with its joiners. */
  text: string;
  /** `stop`: its term is `folded`, not analyzed; `compound`: its term is the whole compound's. */
  shape: 'simple' | 'compound' | 'stop';
  folded: string;
  /** Complete the word's term, and the folded word (each: is it indexed, its most frequent completions). */
  completeTerm: boolean;
  completeFolded: boolean;
  /** Beginnings of the folded word, longest first: which is the first indexed. */
  stems: string[];
  /** A hyphenated compound's parts written together ("anticasseurs"): its term, when indexed. */
  joined?: string;
  /** A hyphenated compound's parts written apart ("anti casseurs"): searched as a phrase. */
  apart?: string;
  /** A plain word: the compounds of 2 to this many parts the index holds whose parts written together are this word. */
  hyphenatedParts?: number;
}

/** A compound the index holds that a word is the joined spelling of. */
export interface HyphenatedForm {
  /** Its index term ("anti-casseur"). */
  term: string;
  /** Where its hyphens cut the word, in letters from its start ([4] for "anti-casseurs" as "anticasseurs"). */
  cuts: number[];
  /** A backend's own expression of the compound's parts, for highlighting (PostgreSQL: ts_headline marks no compound lexeme). */
  highlight?: string;
}

export interface WordAnswer {
  term: string | null;
  /** The index holds `term`. */
  known: boolean;
  /** For each beginning asked (the term first): is it indexed, and its completions, the most frequent first (itself excluded). */
  completions: { prefix: string; known: boolean; terms: string[] }[];
  truncated: string | null;
  expression?: string;
  /** The term of `joined`, when indexed. */
  joined?: string | null;
  /** A backend's own expression of the `apart` phrase (PostgreSQL: its phraseto_tsquery). */
  apartExpression?: string;
  /** The compounds asked by `hyphenatedParts`, the most frequent first. */
  hyphenated?: HyphenatedForm[];
}

/** What is asked, only for a word whose term and completions the index does not hold. */
export interface TypoRequest {
  term: string;
  folded: string;
  budget: number;
  /** The words one typo away as written (oneTypoForms): their terms, when indexed. */
  forms: string[];
  /** Beginnings of the folded word, longest first (it may be unfinished). */
  beginnings: string[];
}

export interface TypoAnswer {
  foldedKnown: boolean;
  /** Completions of the folded word (it may be unfinished: "Tachke"). */
  completions: string[];
  truncated: string | null;
  /** Terms within the budget of the word's term, with their distance. */
  near: [string, number][];
  formTerms: string[];
}

export interface TermDictionary {
  words(requests: WordRequest[]): WordAnswer[];
  typos(requests: TypoRequest[]): TypoAnswer[];
}
export interface AsyncTermDictionary {
  words(requests: WordRequest[]): Promise<WordAnswer[]>;
  typos(requests: TypoRequest[]): Promise<TypoAnswer[]>;
}
