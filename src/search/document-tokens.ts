import { tokenize, type Token } from '../analysis/index.js';
import type { SearchIndex } from '../index/index.js';

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
const caches = new WeakMap<SearchIndex, Map<number, DocumentTokens>>();

export function documentTokens(index: SearchIndex, n: number): DocumentTokens {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  let tokens = cache.get(n);
  if (tokens) {
    // Re-insert to keep the Map in least-recently-used order.
    cache.delete(n);
  } else {
    const article = index.documents[n];
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
