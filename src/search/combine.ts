import type { Matches } from './postings.js';
import type { Scratch } from './scratch.js';

/**
 * Combining the matches of a query's clauses (evaluate.ts): per document,
 * how many clauses hold it and the sum of its scores, in the build's
 * arrays reused across searches (scratch.ts), and the documents held by
 * some number of them.
 */
export interface Combined {
  /** Documents in any list, in the first `touchedCount` slots. */
  touched: Int32Array;
  touchedCount: number;
  /** By document: the number of lists holding it and the sum of its scores. */
  counts: Uint16Array;
  sums: Float64Array;
}

/** Per-document count of lists and sum of scores, in the build's arrays reused across queries (no allocation per document). */
export function combine(scratch: Scratch, lists: Matches[], size: number): Combined {
  const arrays = scratch.combineArrays(size);
  const { counts, sums, stamps, touched } = arrays;
  const stamp = ++arrays.stamp;
  let touchedCount = 0;
  for (const { docs, scores } of lists) {
    for (let k = 0; k < docs.length; k++) {
      const n = docs[k];
      if (stamps[n] !== stamp) {
        stamps[n] = stamp;
        counts[n] = 1;
        sums[n] = scores[k];
        touched[touchedCount++] = n;
      } else {
        counts[n]++;
        sums[n] += scores[k];
      }
    }
  }
  return { touched, touchedCount, counts, sums };
}

/**
 * As combine, but for the documents of the first list only (those that can
 * be in every list): the others' documents are only counted, never added.
 * Most keystrokes want the documents holding every word, and a word being
 * typed ("r", "re") may match most of the archive: it is then read once,
 * without a write per document. The documents come in the first list's
 * order with the same sums as combine's, so the matches are the same.
 */
export function combineShared(scratch: Scratch, lists: Matches[], size: number): Combined {
  const arrays = scratch.combineArrays(size);
  const { counts, sums, stamps } = arrays;
  const stamp = ++arrays.stamp;
  const first = lists[0];
  for (let k = 0; k < first.docs.length; k++) {
    const n = first.docs[k];
    stamps[n] = stamp;
    counts[n] = 1;
    sums[n] = first.scores[k];
  }
  for (let l = 1; l < lists.length; l++) {
    const { docs, scores } = lists[l];
    for (let k = 0; k < docs.length; k++) {
      const n = docs[k];
      if (stamps[n] !== stamp || counts[n] !== l) continue;
      counts[n]++;
      sums[n] += scores[k];
    }
  }
  // The documents touched are the first list's own.
  return { touched: first.docs, touchedCount: first.docs.length, counts, sums };
}

/**
 * The documents held by exactly `count` lists (or at least, with `atLeast`),
 * with their summed scores; in the search's scratch arrays when `transient`
 * (the final matches of a query, read before the search returns).
 */
export function keepCount(scratch: Scratch, combined: Combined, count: number, { atLeast = false, transient = false } = {}): Matches {
  const { touched, touchedCount, counts, sums } = combined;
  // One pass into scratch arrays (as many slots as documents touched): the query's own when transient,
  // else arrays copied out at once (the query's may hold a view this search still reads).
  const docs = scratch.int32Array(transient ? 'query-docs' : 'kept-docs', touchedCount);
  const scores = scratch.float64Array(transient ? 'query-scores' : 'kept-scores', touchedCount);
  let kept = 0;
  if (atLeast) {
    for (let k = 0; k < touchedCount; k++) {
      const n = touched[k];
      if (counts[n] < count) continue;
      docs[kept] = n;
      scores[kept++] = sums[n];
    }
  } else {
    for (let k = 0; k < touchedCount; k++) {
      const n = touched[k];
      if (counts[n] !== count) continue;
      docs[kept] = n;
      scores[kept++] = sums[n];
    }
  }
  if (transient) return { docs: docs.subarray(0, kept), scores: scores.subarray(0, kept) };
  return { docs: docs.slice(0, kept), scores: scores.slice(0, kept) };
}


/**
 * The documents held by every list (`lists` non-empty), with their summed
 * scores, in the first list's order: keepCount(combineShared(...),
 * lists.length), the same matches. Of two lists (most queries of several
 * words), the second is marked and the first read, in two passes rather
 * than three, without a write per document of the first: the word typed
 * after another ("relations b") may match most of the archive. Their sums
 * are the same numbers (adding two scores does not depend on their order).
 */
export function keepShared(scratch: Scratch, lists: Matches[], size: number, { transient = false } = {}): Matches {
  if (lists.length !== 2) return keepCount(scratch, combineShared(scratch, lists, size), lists.length, { transient });
  const [first, second] = lists;
  const arrays = scratch.combineArrays(size);
  const { sums, stamps } = arrays;
  const stamp = ++arrays.stamp;
  for (let k = 0; k < second.docs.length; k++) {
    stamps[second.docs[k]] = stamp;
    sums[second.docs[k]] = second.scores[k];
  }
  const length = Math.min(first.docs.length, second.docs.length);
  const docs = scratch.int32Array(transient ? 'query-docs' : 'kept-docs', length);
  const scores = scratch.float64Array(transient ? 'query-scores' : 'kept-scores', length);
  const kept = keepMarked(first, stamps, stamp, sums, docs, scores);
  if (transient) return { docs: docs.subarray(0, kept), scores: scores.subarray(0, kept) };
  return { docs: docs.slice(0, kept), scores: scores.slice(0, kept) };
}

/** The documents of `list` stamped `stamp`, with their score plus `sums`' into `docs` and `scores`; returns how many. Kept apart, on typed arrays only, so that the engine compiles this loop once. */
function keepMarked(list: Matches, stamps: Uint32Array, stamp: number, sums: Float64Array, docs: Int32Array, scores: Float64Array): number {
  let kept = 0;
  for (let k = 0; k < list.docs.length; k++) {
    const n = list.docs[k];
    if (stamps[n] !== stamp) continue;
    docs[kept] = n;
    scores[kept++] = list.scores[k] + sums[n];
  }
  return kept;
}
