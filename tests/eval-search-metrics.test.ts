import { describe, expect, it } from 'vitest';
import { meanScores, ndcgAt, precisionAt, reciprocalRank, scoreRanking } from '../eval/search-lib/metrics.js';

// Invented rankings: a, b, c... are article ids; grades 2 = about the topic, 1 = partly, absent = 0.
const judgements = { a: 2, b: 1, c: 0, d: 2, e: 1 };

describe('precision at k', () => {
  it('counts the places holding an article graded at least the threshold', () => {
    expect(precisionAt(['a', 'c', 'b', 'x', 'y'], judgements, 5)).toBe(2 / 5);
    expect(precisionAt(['a', 'c', 'b', 'x', 'y'], judgements, 5, 2)).toBe(1 / 5);
    expect(precisionAt(['a', 'b'], judgements, 2)).toBe(1);
  });

  it('does not forgive a ranking shorter than k, and counts unjudged ids as 0', () => {
    expect(precisionAt(['a'], judgements, 10)).toBe(1 / 10);
    expect(precisionAt(['unknown', 'other'], judgements, 2)).toBe(0);
    expect(() => precisionAt(['a'], judgements, 0)).toThrow();
  });
});

describe('reciprocal rank', () => {
  it('is 1 over the place of the first article graded 2', () => {
    expect(reciprocalRank(['a', 'b'], judgements)).toBe(1);
    expect(reciprocalRank(['b', 'c', 'd'], judgements)).toBe(1 / 3);
    expect(reciprocalRank(['b', 'e', 'c'], judgements)).toBe(0);
    expect(reciprocalRank(['c', 'b'], judgements, 1)).toBe(1 / 2);
  });
});

describe('nDCG at k', () => {
  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAt(['a', 'd', 'b', 'e'], judgements, 10)).toBeCloseTo(1, 12);
    const swapped = ndcgAt(['b', 'a', 'd', 'e'], judgements, 10);
    expect(swapped).toBeLessThan(1);
    expect(swapped).toBeGreaterThan(ndcgAt(['c', 'b', 'a', 'd', 'e'], judgements, 10));
  });

  it('computes gains over log2 discounts, normalised by the ideal DCG of all judged grades', () => {
    // Ranking b (1), a (2): DCG = 1/log2(2) + 2/log2(3); ideal a, d, b, e = 2 + 2/log2(3) + 1/2 + 1/log2(5).
    const dcg = 1 + 2 / Math.log2(3);
    const ideal = 2 + 2 / Math.log2(3) + 1 / 2 + 1 / Math.log2(5);
    expect(ndcgAt(['b', 'a'], judgements, 10)).toBeCloseTo(dcg / ideal, 12);
    // Only the first k places count, for the ranking and for the ideal.
    expect(ndcgAt(['c', 'a'], judgements, 1)).toBe(0);
    expect(ndcgAt(['a', 'c'], judgements, 1)).toBe(1);
  });

  it('is 0 when nothing is relevant', () => {
    expect(ndcgAt(['a'], { a: 0 }, 10)).toBe(0);
  });
});

describe('scores of a query and their means', () => {
  it('reports every metric and averages them per query', () => {
    const perfect = scoreRanking(['a', 'd', 'b', 'e', 'c'], judgements);
    expect(perfect).toMatchObject({ p5: 4 / 5, p5Strict: 2 / 5, mrr: 1 });
    expect(perfect.ndcg10).toBeCloseTo(1, 12);
    const empty = scoreRanking([], judgements);
    expect(empty).toEqual({ p5: 0, p10: 0, p5Strict: 0, p10Strict: 0, mrr: 0, ndcg10: 0 });
    const mean = meanScores([perfect, empty]);
    expect(mean.mrr).toBe(0.5);
    expect(mean.p5).toBeCloseTo(0.4, 12);
  });
});
