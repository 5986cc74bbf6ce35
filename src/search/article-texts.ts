import type { SearchIndex } from '../index/index.js';

/**
 * Texts of the articles searches read lately, per index. A loaded index
 * reads a text from documents.jsonl on each access (a read, a checksum and
 * a JSON parse: tens of microseconds at random places of the file), and
 * the exactness rule reads the best candidates' texts on each keystroke,
 * while consecutive keystrokes rank mostly the same articles first. The
 * page's snippets still read from the file, so that a damaged file is
 * found on the next page shown (src/index/documents.ts checks each read).
 */
const CACHED_TEXTS = 512;
/** Longer texts are read each time: a few huge articles must not hold the cache's memory. */
const CACHED_TEXT_LENGTH = 32_768;
const caches = new WeakMap<SearchIndex, Map<number, string>>();

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
  text = index.documents[n].text;
  if (text.length <= CACHED_TEXT_LENGTH) {
    if (cache.size >= CACHED_TEXTS) cache.delete(cache.keys().next().value!);
    cache.set(n, text);
  }
  return text;
}
