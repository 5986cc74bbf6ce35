/**
 * Suggestions under the search box, on the embedded index: completions of
 * the word being typed (as articles write them, accents and all) and the
 * people and organisations of the archive that the typed letters name, with
 * the number of articles that name them.
 */
import { splitWords, type FacetName } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { facetKey } from './facet-table.js';
import { completions } from './match-terms.js';
import { wordShape } from './query-plan.js';
import { nameMatcher } from './name-match.js';
import { surfaceForm } from './suggest.js';

/** Facets whose values are suggested: people and organisations. */
export const SUGGESTED_FACETS = ['speakers', 'organisations'] as const satisfies readonly FacetName[];

export interface NameSuggestion {
  facet: (typeof SUGGESTED_FACETS)[number];
  value: string;
  /** Articles of the archive naming it. */
  count: number;
  /** What the name matched: the whole query, or only its last word. */
  matched: 'query' | 'last-word';
}

export interface Suggestions {
  /** Completions of the last word, as written in the articles. */
  words: string[];
  names: NameSuggestion[];
}

export const WORD_SUGGESTIONS = 5;
export const NAME_SUGGESTIONS = 6;
/** Fewer letters name too many people to be of use. */
export const NAME_MIN_LETTERS = 2;

/** The word being typed: the last one, when the query does not end in a space or a quote. */
export function wordBeingTyped(q: string): string | null {
  if (!q || /[\s"»)]$/.test(q)) return null;
  const words = splitWords(q);
  const last = words[words.length - 1];
  return last && q.endsWith(last) ? last : null;
}

function wordCompletions(searcher: Searcher, word: string): string[] {
  const shape = wordShape(word, true);
  if (!shape || shape.folded.length < 2) return [];
  const seen = new Set<string>();
  const words: string[] = [];
  for (const [term] of completions(searcher.postings, shape.folded)) {
    if (words.length >= WORD_SUGGESTIONS) break;
    const written = surfaceForm(searcher, term);
    if (!written || written.length <= word.length && facetKey(written) === facetKey(word)) continue;
    const key = written.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(written);
  }
  return words;
}

function matchingNames(searcher: Searcher, text: string, matched: NameSuggestion['matched']): NameSuggestion[] {
  const test = nameMatcher(text);
  if (!test || facetKey(text).replace(/\s/g, '').length < NAME_MIN_LETTERS) return [];
  const table = searcher.facets;
  const found: NameSuggestion[] = [];
  for (const facet of SUGGESTED_FACETS) {
    const column = table.facets[facet];
    const { totals: counts, keys } = column;
    column.names.forEach((value, id) => {
      if (counts[id] > 0 && test(keys[id])) found.push({ facet, value, count: counts[id], matched });
    });
  }
  return found.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr')).slice(0, NAME_SUGGESTIONS);
}

export function suggestions(searcher: Searcher, q: string): Suggestions {
  const text = q.trim();
  const word = wordBeingTyped(q);
  let names = matchingNames(searcher, text, 'query');
  if (names.length === 0 && word && word !== text) names = matchingNames(searcher, word, 'last-word');
  return { words: word ? wordCompletions(searcher, word) : [], names };
}
