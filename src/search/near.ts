import { analyzeWord } from '../analysis/index.js';
import type { Searcher } from './searcher.js';

/**
 * The proximity operator (`a NEAR/5 b`, `"a b"~5`): words at most so many
 * positions apart, in either order, as Datashare's and Aleph's `"a b"~5` or
 * Factiva's `w/5`. Positions count every word, stop words included ("arme
 * de service" puts "service" 2 after "arme"). Checked on the term ids saved
 * by position with the index, in the title and in the text (never across).
 */

/** The analyzed terms of the words of a NEAR group, and the distances between those kept (a stop word is dropped, its distance added to the next). */
export function nearPattern(words: string[], distances: number[]): { terms: string[]; distances: number[] } {
  const terms: string[] = [];
  const kept: number[] = [];
  let carried = 0;
  words.forEach((word, k) => {
    const term = analyzeWord(word);
    if (term === null) {
      if (k > 0) carried += distances[k - 1];
      return;
    }
    if (terms.length > 0) kept.push(carried + distances[k - 1]);
    carried = 0;
    terms.push(term);
  });
  return { terms, distances: kept };
}

/** True when article `n` holds the terms, each within its distance of the one before, in its title or its text. */
export function holdsNear(searcher: Searcher, n: number, terms: string[], distances: number[]): boolean {
  const ids = terms.map((t) => searcher.positions.termId(t));
  if (ids.includes(-1)) return false;
  return sequenceHoldsNear(searcher.positions.sequence(n, 0), ids, distances) || sequenceHoldsNear(searcher.positions.sequence(n, 1), ids, distances);
}

/**
 * Whether a chain of positions exists, one per term, each at most its
 * distance from the previous one (either side, never the same position).
 */
export function sequenceHoldsNear(sequence: ArrayLike<number>, ids: number[], distances: number[]): boolean {
  const positions = ids.map((): number[] => []);
  for (let p = 0; p < sequence.length; p++) {
    for (let k = 0; k < ids.length; k++) if (sequence[p] === ids[k]) positions[k].push(p);
  }
  let reachable = positions[0];
  for (let k = 1; k < ids.length && reachable.length > 0; k++) {
    const next: number[] = [];
    const d = distances[k - 1];
    let from = 0;
    for (const q of positions[k]) {
      // Both lists are in order: skip the reachable positions too far before q.
      while (from < reachable.length && reachable[from] < q - d) from++;
      for (let r = from; r < reachable.length && reachable[r] <= q + d; r++) {
        if (reachable[r] !== q) {
          next.push(q);
          break;
        }
      }
    }
    reachable = next;
  }
  return reachable.length > 0;
}
