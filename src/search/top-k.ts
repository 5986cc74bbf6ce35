/**
 * The first `count` of `items` that `keep` accepts, in the order `before`
 * (strict and total), in that order. `items` is a list of numbers, or a
 * length n for the numbers 0..n-1.
 *
 * A page of results, a facet's top values, the matches checked for
 * proximity and the related articles each keep a few of many (100 000
 * matches, thousands of names). A bounded heap whose root is the last item
 * kept turns most items away with one comparison, and costs log(count) for
 * the others, in whatever order the items come (oldest first over a list
 * kept newest first brings every item in). When most items are wanted,
 * sorting them is simpler and as fast.
 *
 * @example
 * firstInOrder(counts.length, 10, (a, b) => counts[a] > counts[b] || (counts[a] === counts[b] && a < b), (id) => counts[id] > 0)
 */
export function firstInOrder(items: ArrayLike<number> | number, count: number, before: (a: number, b: number) => boolean, keep?: (item: number) => boolean): number[] {
  const length = typeof items === 'number' ? items : items.length;
  const at = typeof items === 'number' ? (k: number) => k : (k: number) => items[k];
  const order = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  if (count <= 0) return [];
  if (count * 8 >= length) {
    const all: number[] = [];
    for (let k = 0; k < length; k++) if (!keep || keep(at(k))) all.push(at(k));
    return all.sort(order).slice(0, count);
  }
  // heap[0] is the last in order of the items kept; a parent never comes before its children.
  const heap: number[] = [];
  for (let k = 0; k < length; k++) {
    const item = at(k);
    if ((heap.length === count && !before(item, heap[0])) || (keep && !keep(item))) continue;
    let i: number;
    if (heap.length < count) {
      i = heap.push(item) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      continue;
    }
    heap[0] = item;
    i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const later = left + 1 < heap.length && before(heap[left], heap[left + 1]) ? left + 1 : left;
      if (!before(heap[i], heap[later])) break;
      [heap[i], heap[later]] = [heap[later], heap[i]];
      i = later;
    }
  }
  return heap.sort(order);
}

/**
 * firstInOrder for the relevance order, on typed arrays: the first `count`
 * of `items` (positions k, or 0..items-1 for a number) by `scores[k]`
 * descending, ties by `docs[k]` ascending (by k when `docs` is null), in
 * that order. Same answer as firstInOrder with that order
 * (tests/top-k.test.ts), without a call per item: a keystroke's page is
 * picked among up to every article, and most of them are turned away by
 * one comparison with the last score kept.
 */
export function firstByScore(items: Int32Array | number, count: number, scores: Float64Array, docs: Int32Array | null): number[] {
  const before = docs === null ? (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b) : (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]);
  const length = typeof items === 'number' ? items : items.length;
  if (count <= 0) return [];
  if (count * 8 >= length) return firstInOrder(items, count, before);
  const heap: number[] = [];
  // The score of the last item kept once the heap is full: an item scoring less cannot enter.
  let floor = -Infinity;
  for (let p = 0; p < length; p++) {
    const item = typeof items === 'number' ? p : items[p];
    const score = scores[item];
    if (score < floor) continue;
    if (heap.length === count) {
      if (!before(item, heap[0])) continue;
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= count) break;
        const later = left + 1 < count && before(heap[left], heap[left + 1]) ? left + 1 : left;
        if (!before(heap[i], heap[later])) break;
        const swap = heap[i];
        heap[i] = heap[later];
        heap[later] = swap;
        i = later;
      }
      floor = scores[heap[0]];
      continue;
    }
    let i = heap.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent], heap[i])) break;
      const swap = heap[i];
      heap[i] = heap[parent];
      heap[parent] = swap;
      i = parent;
    }
    if (heap.length === count) floor = scores[heap[0]];
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
