import type { SearchIndex } from '../index/index.js';

/**
 * Texts of the articles searches read lately, per index. A loaded index
 * reads a text from documents.jsonl on each access (a read, a checksum and
 * a JSON parse: tens of microseconds at random places of the file), and
 * the exactness rule reads the best candidates' texts on each keystroke,
 * while consecutive keystrokes rank mostly the same articles first.
 *
 * The page's snippets read each hit's text once per search, from the file
 * (so that a damaged file is found on the next page shown: each read is
 * checked, src/index/documents.ts), or from what this same search already
 * read from the file.
 */
const CACHED_TEXTS = 512;
/** Longer texts are read each time: a few huge articles must not hold the cache's memory. */
const CACHED_TEXT_LENGTH = 32_768;
const caches = new WeakMap<SearchIndex, Map<number, string>>();
/** Texts read from the file during the current search (searches run one at a time, synchronously). */
let readThisSearch: { index: SearchIndex | null; texts: Map<number, string> } = { index: null, texts: new Map() };

/** Starts a search: what it reads from the file is remembered until the next one. */
export function beginTextReads(index: SearchIndex): void {
  readThisSearch = { index, texts: new Map() };
}

function readFromFile(index: SearchIndex, n: number): string {
  const text = index.documents[n].text;
  if (readThisSearch.index === index) readThisSearch.texts.set(n, text);
  return text;
}

/** Article n's text, from the cache when a recent search read it. */
export function articleText(index: SearchIndex, n: number): string {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  let text = cache.get(n);
  if (text !== undefined) {
    // Re-inserted: the Map stays in least-recently-used order.
    cache.delete(n);
    cache.set(n, text);
    return text;
  }
  text = readFromFile(index, n);
  if (text.length <= CACHED_TEXT_LENGTH) {
    if (cache.size >= CACHED_TEXTS) cache.delete(cache.keys().next().value!);
    cache.set(n, text);
  }
  return text;
}

/** A hit's text for its snippet: read from the file, once per search. */
export function pageText(index: SearchIndex, n: number): string {
  if (readThisSearch.index === index) {
    const text = readThisSearch.texts.get(n);
    if (text !== undefined) return text;
  }
  return readFromFile(index, n);
}
