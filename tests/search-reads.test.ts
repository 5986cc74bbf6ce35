/**
 * How often a search reads an article's text: a loaded index reads it from
 * disk and parses it on each access, so a hit's snippet must read it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../src/index/index.js';
import { search, type Searcher } from '../src/search/index.js';
import { buildSampleIndex, request } from './helpers/sample-index.js';

let index: SearchIndex;
let searcher: Searcher;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ index, searcher, cleanup } = await buildSampleIndex()));
afterAll(() => cleanup());

describe('text reads per hit', () => {
  it('reads each hit’s text once for its snippet', () => {
    const reads = new Map<string, number>();
    // Count reads on the real loaded articles (their `text` getter reads documents.jsonl), in place: this file's index only.
    index.documents.forEach((article, n) => {
      index.documents[n] = new Proxy(article, {
        get(target, key) {
          if (key === 'text') reads.set(target.id, (reads.get(target.id) ?? 0) + 1);
          return Reflect.get(target, key, target);
        },
      });
    });
    const response = search(searcher, request({ q: 'Lavrov coopération', perPage: 5 }));
    expect(response.hits.length).toBeGreaterThan(1);
    expect(response.hits.every((h) => h.snippet.includes('<mark>'))).toBe(true);
    for (const hit of response.hits) expect(reads.get(hit.id)).toBe(1);
  });
});
