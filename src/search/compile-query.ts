import MiniSearch, { type Query } from 'minisearch';
import { tokenize } from '../analysis/index.js';
import { lookupWord } from './match-terms.js';
import type { ParsedQuery, QueryField } from './types.js';

/**
 * A phrase as analyzed terms with their distances from the first word, so
 * that stop words inside it ("Conseil de sécurité") still count as a gap.
 */
export interface PhrasePattern {
  terms: string[];
  offsets: number[];
  field?: QueryField;
}

/** A parsed query turned into a MiniSearch query and the checks MiniSearch cannot do. */
export interface CompiledQuery {
  /** Null when the query has no positive word: every document is a candidate. */
  miniSearchQuery: Query | null;
  /** Phrases every hit must contain (checked on positions after MiniSearch). */
  requiredPhrases: PhrasePattern[];
  /** Phrase alternatives of OR clauses: a hit matched only through such a clause must contain one. */
  alternativePhrases: { clause: CompiledAlternative[] }[];
  /** Phrases no hit may contain. */
  excludedPhrases: PhrasePattern[];
  /** Analyzed terms to highlight in snippets besides those MiniSearch reports. */
  highlightTerms: string[];
}

/** One side of an OR: a set of terms (a word) or a phrase. */
export type CompiledAlternative = { kind: 'terms'; terms: Set<string> } | { kind: 'phrase'; phrase: PhrasePattern };

export function phrasePattern(words: string[], field?: PhrasePattern['field']): PhrasePattern | null {
  const tokens = tokenize(words.join(' '));
  if (tokens.length === 0) return null;
  const first = tokens[0].position;
  return { terms: tokens.map((t) => t.term), offsets: tokens.map((t) => t.position - first), ...(field ? { field } : {}) };
}

function wordQuery(text: string, prefix: boolean, exact: boolean): { query: Query; terms: string[] } | null {
  const lookup = lookupWord(text, prefix);
  if (!lookup) return null;
  if (exact) return { query: { queries: [lookup.term], fuzzy: false, prefix: false }, terms: [lookup.term] };
  const queries: Query[] = [{ queries: [lookup.term], fuzzy: lookup.fuzzy || false, prefix: false }];
  for (const p of lookup.prefixes) queries.push({ queries: [p], prefix: true, fuzzy: false });
  for (const s of lookup.swaps) queries.push({ queries: [s], prefix: false, fuzzy: false });
  return { query: queries.length === 1 ? queries[0] : { combineWith: 'OR', queries }, terms: [lookup.term] };
}

function phraseQuery(pattern: PhrasePattern): Query {
  return { combineWith: 'AND', queries: pattern.terms.map((t) => ({ queries: [t], fuzzy: false, prefix: false })) };
}

function withField(query: Query, field: string | undefined): Query {
  return field && typeof query === 'object' ? { ...query, fields: [field] } : query;
}

export function compileQuery(parsed: ParsedQuery): CompiledQuery {
  const positive: Query[] = [];
  const negative: Query[] = [];
  const compiled: CompiledQuery = { miniSearchQuery: null, requiredPhrases: [], alternativePhrases: [], excludedPhrases: [], highlightTerms: [] };

  for (const clause of parsed.clauses) {
    if (clause.kind === 'word') {
      const word = wordQuery(clause.text, clause.prefix, clause.negated);
      if (!word) continue;
      (clause.negated ? negative : positive).push(withField(word.query, clause.field));
      // The text holds a compound ("Chine-Russie") as its parts: highlight those of a typed compound.
      if (!clause.negated) for (const term of word.terms) if (term.includes('-')) compiled.highlightTerms.push(...term.split('-'));
    } else if (clause.kind === 'phrase') {
      const pattern = phrasePattern(clause.words, clause.field);
      if (!pattern) continue;
      if (clause.negated) compiled.excludedPhrases.push(pattern);
      else {
        positive.push(withField(phraseQuery(pattern), clause.field));
        if (pattern.terms.length > 1) compiled.requiredPhrases.push(pattern);
        compiled.highlightTerms.push(...pattern.terms);
      }
    } else {
      const sides: Query[] = [];
      const alternatives: CompiledAlternative[] = [];
      for (const alternative of clause.clauses) {
        if (alternative.kind === 'word') {
          const word = wordQuery(alternative.text, alternative.prefix, false);
          if (!word) continue;
          sides.push(withField(word.query, alternative.field));
          alternatives.push({ kind: 'terms', terms: new Set(word.terms) });
        } else if (alternative.kind === 'phrase') {
          const pattern = phrasePattern(alternative.words, alternative.field);
          if (!pattern) continue;
          sides.push(withField(phraseQuery(pattern), alternative.field));
          alternatives.push({ kind: 'phrase', phrase: pattern });
          compiled.highlightTerms.push(...pattern.terms);
        }
      }
      if (sides.length === 0) continue;
      positive.push(sides.length === 1 ? sides[0] : { combineWith: 'OR', queries: sides });
      if (alternatives.some((a) => a.kind === 'phrase' && a.phrase.terms.length > 1)) compiled.alternativePhrases.push({ clause: alternatives });
    }
  }

  if (positive.length === 0 && negative.length === 0) return compiled;
  const must: Query = positive.length === 0 ? MiniSearch.wildcard : positive.length === 1 ? positive[0] : { combineWith: 'AND', queries: positive };
  compiled.miniSearchQuery = negative.length === 0 ? must : { combineWith: 'AND_NOT', queries: [must, ...negative] };
  return compiled;
}

/** True when the query asks for nothing at all (empty, or only stop words and punctuation). */
export function isEmptyQuery(compiled: CompiledQuery): boolean {
  return compiled.miniSearchQuery === null && compiled.excludedPhrases.length === 0;
}
