/**
 * How often a search reads an article's text: a loaded index reads it from
 * disk and parses it on each access, so a hit's snippet must read it once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StoredArticle } from '../src/index/documents.js';
import { search, type Searcher } from '../src/search/index.js';
import { buildSampleIndex, request } from './helpers/sample-index.js';

let searcher: Searcher;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ searcher, cleanup } = await buildSampleIndex()));
afterAll(() => cleanup());

describe('text reads per hit', () => {
  it('reads each hit’s text once for its snippet', () => {
    // Count reads on the real loaded articles: every text getter goes through StoredArticle.textOf, which reads
    // documents.jsonl (a spy that calls it through, not a stand-in).
    const textOf = vi.spyOn(StoredArticle, 'textOf');
    const response = search(searcher, request({ q: 'Lavrov coopération', perPage: 5 }));
    expect(response.hits.length).toBeGreaterThan(1);
    expect(response.hits.every((h) => h.snippet.includes('<mark>'))).toBe(true);
    const reads = new Map<string, number>();
    for (const [article] of textOf.mock.calls) reads.set(article.id, (reads.get(article.id) ?? 0) + 1);
    textOf.mockRestore();
    for (const hit of response.hits) expect(reads.get(hit.id)).toBe(1);
  });
});
