/**
 * Typed arrays reused from one search to the next, one per role.
 *
 * Why: a keystroke on 100 000 articles builds several arrays of up to a
 * number per article (the combined matches, their proximity-adjusted
 * scores, the positions passing the filters): megabytes per search. Their
 * memory lives outside the JavaScript heap, and V8 answers every 64 MB of
 * such memory with a full collection of the heap, which then cost 10 to
 * 60 ms of a search every 20 to 30 searches. Searches run one at a time
 * and to completion (they are synchronous), and what a search builds in
 * these arrays is read before it returns, never kept: so one array per
 * role is enough.
 *
 * Anything kept beyond the search (the clause cache) must not use them.
 */
type Role = 'query-docs' | 'query-scores' | 'proximity-scores' | 'exact-scores' | 'facet-passing';

const int32 = new Map<Role, Int32Array>();
const float64 = new Map<Role, Float64Array>();

/** A view of `length` Int32 slots of the role's array (contents undefined). */
export function scratchInt32(role: Role, length: number): Int32Array {
  let array = int32.get(role);
  if (!array || array.length < length) int32.set(role, (array = new Int32Array(Math.max(length, 1024))));
  return array.subarray(0, length);
}

/** A view of `length` Float64 slots of the role's array (contents undefined). */
export function scratchFloat64(role: Role, length: number): Float64Array {
  let array = float64.get(role);
  if (!array || array.length < length) float64.set(role, (array = new Float64Array(Math.max(length, 1024))));
  return array.subarray(0, length);
}
