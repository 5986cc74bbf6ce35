import type { Article } from '../ingest/types.js';

/**
 * Texts of the articles searches read lately, for one build (its Searcher
 * holds one). A loaded index reads a text from documents.jsonl on each
 * access (a read, a checksum and a JSON parse: tens of microseconds at
 * random places of the file), and the exactness rule reads the best
 * candidates' texts on each keystroke, while consecutive keystrokes rank
 * mostly the same articles first.
 *
 * The page's snippets read each hit's text once per search, from the file
 * (so that a damaged file is found on the next page shown: each read is
 * checked, src/index/documents.ts), or from what this same search already
 * read from the file.
 */
const CACHED_TEXTS = 512;
/** Longer texts are read each time: a few huge articles must not hold the cache's memory. */
const CACHED_TEXT_LENGTH = 32_768;

export class ArticleTexts {
  /** Recently read texts, in least-recently-used order. */
  private readonly recent = new Map<number, string>();
  /** Texts read from the file during the current search (searches run one at a time, synchronously). */
  private readThisSearch = new Map<number, string>();

  constructor(private readonly documents: readonly Article[]) {}

  /** Starts a search: what it reads from the file is remembered until the next one. */
  beginSearch(): void {
    this.readThisSearch = new Map();
  }

  private readFromFile(n: number): string {
    const text = this.documents[n].text;
    this.readThisSearch.set(n, text);
    return text;
  }

  /** Article n's text, from the cache when a recent search read it. */
  text(n: number): string {
    const cache = this.recent;
    let text = cache.get(n);
    if (text !== undefined) {
      // Re-inserted: the Map stays in least-recently-used order.
      cache.delete(n);
      cache.set(n, text);
      return text;
    }
    text = this.readFromFile(n);
    if (text.length <= CACHED_TEXT_LENGTH) {
      if (cache.size >= CACHED_TEXTS) cache.delete(cache.keys().next().value!);
      cache.set(n, text);
    }
    return text;
  }

  /** A hit's text for its snippet: read from the file, once per search. */
  pageText(n: number): string {
    return this.readThisSearch.get(n) ?? this.readFromFile(n);
  }
}
