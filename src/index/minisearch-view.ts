import MiniSearch from 'minisearch';
import { FIELD_COUNT, type CompactIndex } from './compact.js';
import { MINISEARCH_OPTIONS } from './schema.js';
import type { IndexedFields } from './types.js';

/**
 * A real MiniSearch instance over a CompactIndex, made in a fraction of the
 * time `MiniSearch.loadJS` takes and with a fraction of its memory.
 *
 * MiniSearch keeps, for each term of its radix tree, a Map from field id to
 * a Map from document id to term frequency: tens of millions of Map entries
 * for a large archive. Here the radix tree is built directly from the sorted
 * term list (the same canonical tree MiniSearch's own inserts give), and
 * each term's value is a read-only Map-like view over the flat posting
 * array: `get`, `has`, `size`, `keys`, `values`, `entries`, iteration and
 * `forEach` behave as on MiniSearch's Maps, so MiniSearch's search (BM25+,
 * prefix, fuzzy, boosts, combinations) and code reading its internals work
 * unchanged. The view is read-only: adding to or removing from it is not
 * supported (an index is rebuilt, never edited in place).
 */

/** The (document, frequency) pairs of one term in one field, as a read-only Map from document to frequency. */
export class PostingList implements ReadonlyMap<number, number> {
  /** Pair index of the last key handed out, so that `get` right after `keys()` is O(1) (MiniSearch's scoring loop). */
  private hint = 0;
  constructor(
    private readonly data: Int32Array,
    /** First pair. */
    private readonly first: number,
    readonly size: number,
  ) {}

  private find(document: number): number {
    const { data, first } = this;
    if (this.hint < this.size && data[(first + this.hint) * 2] === document) return this.hint;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = data[(first + mid) * 2];
      if (d === document) return (this.hint = mid);
      if (d < document) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(document: number): number | undefined {
    const k = this.find(document);
    return k < 0 ? undefined : this.data[(this.first + k) * 2 + 1];
  }

  has(document: number): boolean {
    return this.find(document) >= 0;
  }

  *keys(): MapIterator<number> {
    for (let k = 0; k < this.size; k++) {
      this.hint = k;
      yield this.data[(this.first + k) * 2];
    }
  }

  *values(): MapIterator<number> {
    for (let k = 0; k < this.size; k++) yield this.data[(this.first + k) * 2 + 1];
  }

  *entries(): MapIterator<[number, number]> {
    for (let k = 0; k < this.size; k++) {
      const at = (this.first + k) * 2;
      yield [this.data[at], this.data[at + 1]];
    }
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: number, map: ReadonlyMap<number, number>) => void, thisArg?: unknown): void {
    for (let k = 0; k < this.size; k++) {
      const at = (this.first + k) * 2;
      callback.call(thisArg, this.data[at + 1], this.data[at], this);
    }
  }
}

/** The postings of one term, as a read-only Map from field id to PostingList (fields where the term occurs only). */
export class TermData implements ReadonlyMap<number, PostingList> {
  constructor(
    private readonly compact: CompactIndex,
    private readonly term: number,
  ) {}

  private count(field: number): number {
    const slot = this.term * FIELD_COUNT + field;
    return this.compact.termOffsets[slot + 1] - this.compact.termOffsets[slot];
  }

  get(field: number): PostingList | undefined {
    if (!(field >= 0 && field < FIELD_COUNT)) return undefined;
    const size = this.count(field);
    return size === 0 ? undefined : new PostingList(this.compact.postings, this.compact.termOffsets[this.term * FIELD_COUNT + field], size);
  }

  has(field: number): boolean {
    return field >= 0 && field < FIELD_COUNT && this.count(field) > 0;
  }

  get size(): number {
    let size = 0;
    for (let f = 0; f < FIELD_COUNT; f++) if (this.count(f) > 0) size++;
    return size;
  }

  *keys(): MapIterator<number> {
    for (let f = 0; f < FIELD_COUNT; f++) if (this.count(f) > 0) yield f;
  }

  *values(): MapIterator<PostingList> {
    for (const f of this.keys()) yield this.get(f)!;
  }

  *entries(): MapIterator<[number, PostingList]> {
    for (const f of this.keys()) yield [f, this.get(f)!];
  }

  [Symbol.iterator](): MapIterator<[number, PostingList]> {
    return this.entries();
  }

  forEach(callback: (value: PostingList, key: number, map: ReadonlyMap<number, PostingList>) => void, thisArg?: unknown): void {
    for (const f of this.keys()) callback.call(thisArg, this.get(f)!, f, this);
  }
}

type Node = Map<string, Node | TermData>;

/** The radix tree of sorted terms lo..hi, all sharing their first `depth` characters, in MiniSearch's node format. */
function radixTree(compact: CompactIndex, lo: number, hi: number, depth: number): Node {
  const { terms } = compact;
  const node: Node = new Map();
  let i = lo;
  if (i < hi && terms[i].length === depth) node.set('', new TermData(compact, i++));
  while (i < hi) {
    const first = terms[i];
    const c = first.charCodeAt(depth);
    let j = i + 1;
    while (j < hi && terms[j].charCodeAt(depth) === c) j++;
    // Sorted: the common prefix of the group is that of its first and last terms.
    const last = terms[j - 1];
    const max = Math.min(first.length, last.length);
    let end = depth + 1;
    while (end < max && first.charCodeAt(end) === last.charCodeAt(end)) end++;
    node.set(first.slice(depth, end), radixTree(compact, i, j, end));
    i = j;
  }
  return node;
}

interface MiniSearchInternals {
  _index: { constructor: new (tree: Node) => unknown };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

/** A MiniSearch instance (options of schema.ts) whose index is `compact`; document ids are article numbers. */
export function miniSearchView(compact: CompactIndex): MiniSearch<IndexedFields> {
  const miniSearch = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
  const internals = miniSearch as unknown as MiniSearchInternals;
  const count = compact.documentCount;
  const documentIds = new Map<number, number>();
  const fieldLength = new Map<number, number[]>();
  for (let n = 0; n < count; n++) {
    documentIds.set(n, n);
    const lengths = new Array<number>(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) lengths[f] = compact.fieldLengths[n * FIELD_COUNT + f];
    fieldLength.set(n, lengths);
  }
  internals._documentCount = count;
  internals._nextId = count;
  internals._documentIds = documentIds;
  internals._idToShortId = new Map(documentIds);
  internals._fieldLength = fieldLength;
  internals._avgFieldLength = Array.from(compact.averageFieldLengths);
  internals._storedFields = new Map();
  internals._dirtCount = 0;
  internals._index = new internals._index.constructor(radixTree(compact, 0, compact.terms.length, 0)) as MiniSearchInternals['_index'];
  return miniSearch;
}
