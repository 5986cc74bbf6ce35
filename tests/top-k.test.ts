import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstByScore, firstInOrder } from '../src/search/top-k.js';
import { propertyOptions } from './helpers/trials.js';

describe('firstInOrder', () => {
  it('gives the first `count` kept items in order, as sorting them all would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (values, count) => {
        // By value descending, ties by position: strict and total on positions.
        const before = (a: number, b: number) => values[a] > values[b] || (values[a] === values[b] && a < b);
        const keep = (k: number) => values[k] % 7 !== 0;
        const expected = values
          .map((_, k) => k)
          .filter(keep)
          .sort((a, b) => (before(a, b) ? -1 : 1))
          .slice(0, count);
        expect(firstInOrder(values.length, count, before, keep)).toEqual(expected);
        const listed = values.map((_, k) => values.length - 1 - k);
        expect(firstInOrder(listed, count, before, keep)).toEqual(expected);
      }),
      propertyOptions(300),
    );
  });

  it('keeps the first of many that come in the reverse order', () => {
    // Oldest first over a list kept newest first: every item is better than the last kept.
    const page = firstInOrder(100_000, 5_000, (a, b) => a > b);
    expect(page).toHaveLength(5_000);
    expect(page[0]).toBe(99_999);
    expect(page[4_999]).toBe(95_000);
  });

  it('picks by score on typed arrays as firstInOrder does with the relevance order (ties by document, or by position)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (values, count, byDocument) => {
        // Few distinct scores, so that ties are many; documents in reverse of the positions.
        const scores = Float64Array.from(values, (v) => v / 4);
        const docs = Int32Array.from(values, (_, k) => values.length - k);
        const before = byDocument ? (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]) : (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
        const items = Int32Array.from(values.map((_, k) => k).filter((k) => k % 3 !== 1));
        expect(firstByScore(items, count, scores, byDocument ? docs : null)).toEqual(firstInOrder(items, count, before));
        expect(firstByScore(values.length, count, scores, byDocument ? docs : null)).toEqual(firstInOrder(values.length, count, before));
      }),
      propertyOptions(300),
    );
  });
});
