import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldWord, tokenize } from '../src/analysis/index.js';
import { escapeHtml, highlightRange, parseQuery, search, snippet, type Searcher } from '../src/search/index.js';
import type { SearchIndex } from '../src/index/index.js';
import { buildSampleIndex, request } from './helpers/sample-index.js';
import { propertyOptions } from './helpers/trials.js';

/** Strings rich in what breaks parsers: quotes, minus, parentheses, accents, apostrophes, markup. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '«', '»', '-', '(', ')', '*', ':', "'", '’', ' ', 'OR', 'speaker:', '<', '>', '&', 'é', 'Œ', '\u0000', '\uD800'),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 60,
});

describe('properties', () => {
  let index: SearchIndex;
  let searcher: Searcher;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ index, searcher, cleanup } = await buildSampleIndex()));
  afterAll(() => cleanup());

  it('any string parses and runs on the sample index without throwing, and hits stay within the corpus', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const parsed = parseQuery(q);
        expect(parsed.raw).toBe(q);
        const response = search(searcher, request({ q }));
        expect(response.total).toBeGreaterThanOrEqual(0);
        expect(response.total).toBeLessThanOrEqual(index.documents.length);
        expect(new Set(response.hits.map((h) => h.id)).size).toBe(response.hits.length);
      }),
      propertyOptions(100),
    );
  });

  it('folding is idempotent and analysis of analyzed terms is stable', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(foldWord(foldWord(text))).toBe(foldWord(text));
        for (const token of tokenize(text)) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.term).toBe(foldWord(token.term));
        }
      }),
      propertyOptions(100),
    );
  });

  it('highlighting and snippets never let markup through but <mark>', () => {
    fc.assert(
      fc.property(hostile, hostile, (text, query) => {
        const tokens = tokenize(text);
        const terms = new Set(tokenize(query).map((t) => t.term));
        for (const html of [highlightRange(text, tokens, terms), snippet(text, tokens, terms)]) {
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
        }
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
      propertyOptions(100),
    );
  });
});
