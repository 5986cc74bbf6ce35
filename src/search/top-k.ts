/**
 * The first `count` of `items` that `keep` accepts, in the order `before`
 * (strict and total), in that order. `items` is a list of numbers, or a
 * length n for the numbers 0..n-1.
 *
 * A page of results, a facet's top values, the matches checked for
 * proximity and the related articles each keep a few of many (100 000
 * matches, thousands of names): a bounded sorted list, where most items are
 * turned away by one comparison with its last, costs far less than sorting
 * them all. When most items are wanted, sorting them is simpler and as fast.
 *
 * @example
 * firstInOrder(counts.length, 10, (a, b) => counts[a] > counts[b] || (counts[a] === counts[b] && a < b), (id) => counts[id] > 0)
 */
export function firstInOrder(items: ArrayLike<number> | number, count: number, before: (a: number, b: number) => boolean, keep?: (item: number) => boolean): number[] {
  const length = typeof items === 'number' ? items : items.length;
  const at = typeof items === 'number' ? (k: number) => k : (k: number) => items[k];
  if (count * 8 >= length) {
    const all: number[] = [];
    for (let k = 0; k < length; k++) if (!keep || keep(at(k))) all.push(at(k));
    return all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, count);
  }
  const best: number[] = [];
  for (let k = 0; k < length; k++) {
    const item = at(k);
    if ((best.length === count && !before(item, best[count - 1])) || (keep && !keep(item))) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(best[middle], item)) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
