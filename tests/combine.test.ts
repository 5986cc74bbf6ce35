/**
 * Combining the clauses' matches (src/search/combine.ts): the documents held
 * by every list, as kept by the two-pass path of two lists, are those of
 * counting every list (combineShared then keepCount), in the same order
 * with the same sums, on random lists, transient or copied, and the
 * scratch arrays reused from one combination to the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineShared, keepCount, keepShared } from '../src/search/combine.js';
import type { Matches } from '../src/search/postings.js';
import { Scratch } from '../src/search/scratch.js';
import { propertyOptions } from './helpers/trials.js';

const SIZE = 200;

/** A list of unique documents in any order, with scores like BM25's (fractions of any magnitude). */
const listArbitrary = fc
  .uniqueArray(fc.integer({ min: 0, max: SIZE - 1 }), { maxLength: SIZE })
  .chain((docs) => fc.tuple(fc.constant(docs), fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: docs.length, maxLength: docs.length })))
  .map(([docs, scores]): Matches => ({ docs: Int32Array.from(docs), scores: Float64Array.from(scores) }));

const plain = (m: Matches) => ({ docs: [...m.docs], scores: [...m.scores] });

describe('keepShared', () => {
  it('keeps the documents of every list, in the first list order, with the sums of counting them all', () => {
    const shared = new Scratch();
    fc.assert(
      fc.property(fc.array(listArbitrary, { minLength: 1, maxLength: 4 }), fc.boolean(), (lists, transient) => {
        const counted = new Scratch();
        const expected = plain(keepCount(counted, combineShared(counted, lists, SIZE), lists.length));
        expect(plain(keepShared(shared, lists, SIZE, { transient }))).toEqual(expected);
      }),
      propertyOptions(300),
    );
  });
});
