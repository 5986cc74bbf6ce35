/**
 * Typed arrays reused from one search to the next, one per role, owned by
 * the Searcher of a build (searcher.ts) and dropped with it.
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
type ByteRole = 'stories-seen' | 'partial-lacking' | 'facet-candidates';
type Role = 'query-docs' | 'query-scores' | 'kept-docs' | 'kept-scores' | 'proximity-scores' | 'exact-scores' | 'facet-passing' | 'facet-fails' | 'facet-sample' | 'facet-outside' | 'coverage';

/** Per-document count of lists and sum of scores when combining clauses (evaluate.ts), stamped so they never need clearing. */
export interface CombineArrays {
  counts: Uint16Array;
  sums: Float64Array;
  stamps: Uint32Array;
  touched: Int32Array;
  stamp: number;
}

export class Scratch {
  private readonly int32 = new Map<Role, Int32Array>();
  private readonly float64 = new Map<Role, Float64Array>();
  private readonly bytes = new Map<ByteRole, Uint8Array>();
  private readonly tallies: Uint32Array[] = [];
  private combined: CombineArrays = { counts: new Uint16Array(0), sums: new Float64Array(0), stamps: new Uint32Array(0), touched: new Int32Array(0), stamp: 0 };

  /** A view of `length` Int32 slots of the role's array (contents undefined). */
  int32Array(role: Role, length: number): Int32Array {
    let array = this.int32.get(role);
    if (!array || array.length < length) this.int32.set(role, (array = new Int32Array(Math.max(length, 1024))));
    return array.subarray(0, length);
  }

  /** A view of `length` Float64 slots of the role's array (contents undefined). */
  float64Array(role: Role, length: number): Float64Array {
    let array = this.float64.get(role);
    if (!array || array.length < length) this.float64.set(role, (array = new Float64Array(Math.max(length, 1024))));
    return array.subarray(0, length);
  }

  /** A view of `length` bytes of the role's array, all zero. */
  zeroedBytes(role: ByteRole, length: number): Uint8Array {
    let array = this.bytes.get(role);
    if (!array || array.length < length) this.bytes.set(role, (array = new Uint8Array(Math.max(length, 1024))));
    const view = array.subarray(0, length);
    view.fill(0);
    return view;
  }

  /** Counting slots of facet number `facet` (facets.ts), `length` of them, all zero; valid until the next call for that facet. */
  facetTally(facet: number, length: number): Uint32Array {
    let array = this.tallies[facet];
    if (!array || array.length < length) this.tallies[facet] = array = new Uint32Array(Math.max(length, 1024));
    const view = array.subarray(0, length);
    view.fill(0);
    return view;
  }

  /** The combining arrays, for `size` documents at least. */
  combineArrays(size: number): CombineArrays {
    if (this.combined.counts.length < size) {
      this.combined = { counts: new Uint16Array(size), sums: new Float64Array(size), stamps: new Uint32Array(size), touched: new Int32Array(size), stamp: 0 };
    }
    return this.combined;
  }
}
