import { describe, expect, it } from 'vitest';
import { ClauseCache } from '../src/search/clause-cache.js';
import type { Matches } from '../src/search/postings.js';
import { eachTrial, trialCount } from './helpers/trials.js';

/** `length` matches whose documents and scores are derived from `seed`, so that any mix-up shows. */
function matchesOf(seed: number, length: number): Matches {
  return {
    docs: Int32Array.from({ length }, (_, k) => seed * 1000 + k),
    scores: Float64Array.from({ length }, (_, k) => seed + k / 10),
  };
}

const same = (a: Matches, b: Matches) => {
  expect(Array.from(a.docs)).toEqual(Array.from(b.docs));
  expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
};

describe('ClauseCache', () => {
  it('returns what was put, as a copy of the caller’s arrays', () => {
    const cache = new ClauseCache(100);
    cache.beginSearch();
    const source = matchesOf(1, 10);
    const put = cache.put('a', source, ['a']);
    source.docs.fill(-1);
    same(put.matches, matchesOf(1, 10));
    cache.beginSearch();
    const got = cache.get('a')!;
    same(got.matches, matchesOf(1, 10));
    expect(got.terms).toEqual(['a']);
  });

  it('forgets the oldest clauses when the ring comes round', () => {
    const cache = new ClauseCache(100);
    for (let k = 0; k < 5; k++) {
      cache.beginSearch();
      cache.put(`k${k}`, matchesOf(k, 25), []);
    }
    cache.beginSearch();
    // 125 pairs written in a ring of 100: the first clause was overwritten, the last four are whole.
    expect(cache.get('k0')).toBeUndefined();
    for (let k = 1; k < 5; k++) same(cache.get(`k${k}`)!.matches, matchesOf(k, 25));
  });

  it('never overwrites a clause the current search holds', () => {
    const cache = new ClauseCache(100);
    cache.beginSearch();
    for (let k = 0; k < 4; k++) cache.put(`k${k}`, matchesOf(k, 25), []);
    cache.beginSearch();
    const held = cache.get('k0')!; // the oldest: moved to the front, the others are now next to go
    const others = [1, 2, 3].map((k) => cache.get(`k${k}`)!);
    // The ring is full of clauses this search holds: a new one is handed out but not kept.
    const extra = cache.put('extra', matchesOf(9, 25), []);
    same(extra.matches, matchesOf(9, 25));
    same(held.matches, matchesOf(0, 25));
    others.forEach((o, k) => same(o.matches, matchesOf(k + 1, 25)));
    cache.beginSearch();
    expect(cache.get('extra')).toBeUndefined();
  });

  it('keeps a clause read often: reading it when old moves it to the front', () => {
    const cache = new ClauseCache(100);
    cache.beginSearch();
    cache.put('common', matchesOf(7, 20), []);
    for (let k = 0; k < 12; k++) {
      cache.beginSearch();
      same(cache.get('common')!.matches, matchesOf(7, 20));
      cache.put(`rare${k}`, matchesOf(k, 20), []);
    }
    cache.beginSearch();
    same(cache.get('common')!.matches, matchesOf(7, 20));
    expect(cache.get('rare0')).toBeUndefined();
  });

  it('does not keep a clause larger than a quarter of the ring', () => {
    const cache = new ClauseCache(100);
    cache.beginSearch();
    same(cache.put('big', matchesOf(3, 30), []).matches, matchesOf(3, 30));
    expect(cache.get('big')).toBeUndefined();
  });
});

describe('ClauseCache under random searches', () => {
  it('always hands out what was put under a key, and never overwrites what the current search holds', () => {
    const check = (m: Matches, seed: number, length: number) => {
      expect(m.docs.length).toBe(length);
      same(m, matchesOf(seed, length));
    };
    eachTrial(trialCount(150), (seed) => {
      let state = seed + 1;
      const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const capacity = 20 + Math.floor(random() * 80);
      const cache = new ClauseCache(capacity);
      const truth = new Map<string, { seed: number; length: number }>();
      let seeds = 0;
      for (let s = 0; s < 30; s++) {
        cache.beginSearch();
        const held: { matches: Matches; seed: number; length: number }[] = [];
        for (let o = 1 + Math.floor(random() * 5); o > 0; o--) {
          const key = `k${Math.floor(random() * 8)}`;
          const got = cache.get(key);
          if (got) {
            const { seed, length } = truth.get(key)!;
            check(got.matches, seed, length);
            held.push({ matches: got.matches, seed, length });
          } else {
            const length = Math.floor((random() * capacity) / 4) + (random() < 0.1 ? capacity : 0);
            const seed = ++seeds;
            truth.set(key, { seed, length });
            held.push({ matches: cache.put(key, matchesOf(seed, length), []).matches, seed, length });
          }
        }
        for (const h of held) check(h.matches, h.seed, h.length);
      }
    });
  });
});
