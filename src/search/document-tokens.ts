import { positionSpans, tokenize, type Token } from '../analysis/index.js';
import type { Searcher } from './searcher.js';

/**
 * Analyzed tokens of an article's title and text, with offsets and
 * positions, for phrase checks and snippets. The inverted index keeps no
 * positions, so these are computed on demand for the few articles a query
 * needs, and the most recent ones are kept.
 */
export interface DocumentTokens {
  title: Token[];
  text: Token[];
}

const CACHE_SIZE = 2000;

/** Article n's tokens, from the build's cache of recent ones (Searcher.tokens). */
export function documentTokens(searcher: Searcher, n: number): DocumentTokens {
  const cache = searcher.tokens;
  let tokens = cache.get(n);
  if (tokens) {
    // Re-insert to keep the Map in least-recently-used order.
    cache.delete(n);
  } else {
    const article = searcher.documents[n];
    tokens = { title: tokenize(article.title), text: tokenize(article.text) };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(n, tokens);
  return tokens;
}

/** True when the tokens hold the phrase's terms at the phrase's relative positions. */
export function containsPhrase(tokens: Token[], terms: string[], offsets: number[]): boolean {
  if (terms.length === 0) return true;
  const byPosition = new Map<number, string>();
  for (const t of tokens) byPosition.set(t.position, t.term);
  for (const t of tokens) {
    if (t.term !== terms[0]) continue;
    let all = true;
    for (let k = 1; k < terms.length && all; k++) all = byPosition.get(t.position + offsets[k]) === terms[k];
    if (all) return true;
  }
  return false;
}

/** About how many words a snippet shows (SNIPPET_LENGTH characters of French). */
const SNIPPET_WORDS = 30;

/**
 * The tokens of article n's text whose term is in `terms`, around its best
 * passage: the span of SNIPPET_WORDS positions holding the most distinct
 * terms (then the most matches). Found through the term ids saved by
 * position with the index, so the text is only split into words up to that
 * passage, never analyzed: a page of snippets stays cheap. `text` is the
 * article's text when the caller already holds it (a loaded index reads it
 * from disk on each access).
 */
export function matchedTextTokens(searcher: Searcher, n: number, terms: ReadonlySet<string>, text?: string): Token[] {
  const wanted = new Map<number, string>();
  for (const term of terms) {
    const id = searcher.positions.termId(term);
    if (id >= 0) wanted.set(id, term);
  }
  if (wanted.size === 0) return [];
  const sequence = searcher.positions.sequence(n, 1);
  const hits: number[] = [];
  for (let position = 0; position < sequence.length; position++) if (wanted.has(sequence[position])) hits.push(position);
  if (hits.length === 0) return [];
  let best = { distinct: -1, count: -1, from: 0, to: 0 };
  let right = 0;
  for (let left = 0; left < hits.length; left++) {
    while (right < hits.length && hits[right] - hits[left] < SNIPPET_WORDS) right++;
    const distinct = new Set(hits.slice(left, right).map((p) => sequence[p])).size;
    if (distinct > best.distinct || (distinct === best.distinct && right - left > best.count)) best = { distinct, count: right - left, from: left, to: right };
  }
  let passage = hits.slice(best.from, best.to);
  const body = text ?? searcher.documents[n].text;
  let spans = positionSpans(body, passage[passage.length - 1]);
  // A huge article is read in a bounded window (TEXT_WINDOW): its passage is then the first words of that window that match.
  if (spans.start.length <= passage[passage.length - 1]) {
    spans = positionSpans(body);
    passage = hits.filter((position) => position < spans.start.length).slice(0, SNIPPET_WORDS);
  }
  return passage.map((position) => ({ term: wanted.get(sequence[position])!, start: spans.start[position], end: spans.end[position], position }));
}
