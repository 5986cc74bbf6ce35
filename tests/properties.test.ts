import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, tokenize } from '../src/analysis/index.js';
import { compileQuery, escapeHtml, highlightRange, parseQuery, snippet } from '../src/search/index.js';

/** Strings rich in what breaks parsers: quotes, minus, parentheses, accents, apostrophes, markup. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '«', '»', '-', '(', ')', '*', ':', "'", '’', ' ', 'OR', 'speaker:', '<', '>', '&', 'é', 'Œ', '\u0000', '\uD800'),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 60,
});

describe('properties', () => {
  it('any string parses and compiles without throwing', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const parsed = parseQuery(q);
        compileQuery(parsed);
        expect(parsed.raw).toBe(q);
      }),
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
    );
  });
});
