import { describe, expect, it } from 'vitest';
import { lazyArray } from '../src/index/lazy-array.js';

describe('an array whose elements are made when read', () => {
  const TAG = Symbol('tag');
  const made: number[] = [];
  const array = lazyArray(
    10,
    (n) => {
      made.push(n);
      return { n };
    },
    4,
    TAG,
    'columns',
  );

  it('reads as an array of its elements, made only when read, the recent ones the same objects', () => {
    expect(made).toEqual([]);
    expect(array.length).toBe(10);
    expect(Array.isArray(array)).toBe(true);
    expect(array[3]).toEqual({ n: 3 });
    expect(array[3]).toBe(array[3]);
    expect(made).toEqual([3]);
    expect(array[10]).toBeUndefined();
    expect(array[-1 as number]).toBeUndefined();
    expect(array.map((e) => e.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...array].map((e) => e.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(array).toEqual(Array.from({ length: 10 }, (_, n) => ({ n })));
    expect(5 in array).toBe(true);
    expect(10 in array).toBe(false);
    expect((array as unknown as Record<symbol, unknown>)[TAG]).toBe('columns');
  });

  it('refuses to be written', () => {
    expect(() => (array[0] = { n: 1 })).toThrow(TypeError);
    expect(() => array.push({ n: 10 })).toThrow(TypeError);
    expect(array.length).toBe(10);
  });
});
