import type MiniSearch from 'minisearch';
import type { IndexedFields, SearchIndex } from '../index/index.js';
import type { QueryField } from './types.js';

/**
 * Direct, allocation-free reads of the inverted index that MiniSearch built.
 *
 * Why not `miniSearch.search`: it allocates a result object (score, terms,
 * per-field matches) for every matching document and merges them in Maps, so
 * a common word over 100 000 articles costs tens of milliseconds, on every
 * keystroke. Here a term's postings are scored straight into a dense array of
 * scores, with MiniSearch's own BM25+ formula and parameters, and the query
 * logic (AND of words, OR, NOT, relaxation) works on those arrays. The term
 * dictionary (a radix tree) still comes from MiniSearch, with its public
 * `get`, `atPrefix` and `fuzzyGet`.
 */

/** The protected fields of a MiniSearch instance that hold the index (stable across MiniSearch 7). */
interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    atPrefix(prefix: string): Iterable<[string, Map<number, Map<number, number>>]>;
    fuzzyGet(term: string, distance: number): Map<string, [Map<number, Map<number, number>>, number]>;
  };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/** MiniSearch's defaults (BM25+ with k = 1.2, b = 0.7, d = 0.5), kept so scores match its ranking. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Field boosts of a plain word: the title counts most, then names. */
const WORD_BOOSTS: Record<string, number> = { title: 2.5, text: 1, speakers: 1.5, organisations: 1.5, source: 1 };

/** Documents matched by part of a query, with their scores (parallel arrays, documents unique). */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
}

/** A term to score and how much it counts (1 for the word itself, less for prefix and typo variants). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface Postings {
  documentCount: number;
  /** Number of articles holding the term, in any field. */
  documentFrequency(term: string): number;
  has(term: string): boolean;
  /** Indexed terms starting with `prefix`, the prefix itself included when indexed. */
  termsWithPrefix(prefix: string): Iterable<[string, number]>;
  /** Indexed terms within `distance` edits of `term`, with their distance. */
  termsNear(term: string, distance: number): [string, number][];
  /** Scores the documents holding any of the terms (in `field` only, when given). */
  score(terms: WeightedTerm[], field?: QueryField): Matches;
}

const postingsByIndex = new WeakMap<SearchIndex, Postings>();

/** The postings view of an index, made once per loaded index. */
export function postings(index: SearchIndex): Postings {
  let view = postingsByIndex.get(index);
  if (!view) postingsByIndex.set(index, (view = createPostings(index.miniSearch)));
  return view;
}

function createPostings(miniSearch: MiniSearch<IndexedFields>): Postings {
  const ms = miniSearch as unknown as MiniSearchInternals;
  const fieldIds = ms._fieldIds;
  const fieldCount = Object.keys(fieldIds).length;
  // MiniSearch numbers documents with short ids; ours are the `n` of each article.
  let maxShortId = 0;
  for (const shortId of ms._documentIds.keys()) maxShortId = Math.max(maxShortId, shortId);
  const numberOf = new Int32Array(maxShortId + 1).fill(-1);
  const lengths = new Float32Array((maxShortId + 1) * fieldCount);
  for (const [shortId, n] of ms._documentIds) numberOf[shortId] = n as number;
  for (const [shortId, fieldLengths] of ms._fieldLength) {
    for (let f = 0; f < fieldCount; f++) lengths[shortId * fieldCount + f] = fieldLengths[f] ?? 0;
  }
  const documentCount = ms._documentCount;
  // Scratch arrays reused by every scoring: a score per document and the
  // stamp of the last scoring that touched it (so they never need clearing).
  const size = Math.max(0, ...numberOf) + 1;
  const scratch = new Float64Array(size);
  const stamps = new Uint32Array(size);
  let stamp = 0;

  const frequency = (data: Map<number, Map<number, number>> | undefined): number => {
    if (!data) return 0;
    let most = 0;
    for (const docs of data.values()) most = Math.max(most, docs.size);
    return most;
  };

  return {
    documentCount,
    documentFrequency: (term) => frequency(ms._index.get(term)),
    has: (term) => ms._index.get(term) !== undefined,
    *termsWithPrefix(prefix) {
      for (const [term, data] of ms._index.atPrefix(prefix)) yield [term, frequency(data)];
    },
    termsNear(term, distance) {
      return [...ms._index.fuzzyGet(term, distance)].map(([t, [, d]]) => [t, d]);
    },
    score(terms, field) {
      stamp++;
      const touched: number[] = [];
      const boosts = field ? { [field]: 1 } : WORD_BOOSTS;
      for (const { term, weight } of terms) {
        const data = ms._index.get(term);
        if (!data) continue;
        for (const name in boosts) {
          const fieldId = fieldIds[name];
          const docs: Map<number, number> | undefined = data.get(fieldId);
          if (!docs) continue;
          const matching = docs.size;
          const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
          const average = ms._avgFieldLength[fieldId] || 1;
          const factor = weight * boosts[name] * idf;
          for (const [shortId, tf] of docs as Map<number, number>) {
            const n = numberOf[shortId];
            if (n < 0) continue;
            const norm = BM25.k * (1 - BM25.b + (BM25.b * lengths[shortId * fieldCount + fieldId]) / average);
            const score = factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
            if (stamps[n] !== stamp) {
              stamps[n] = stamp;
              scratch[n] = score;
              touched.push(n);
            } else scratch[n] += score;
          }
        }
      }
      const docs = Int32Array.from(touched);
      const scores = new Float64Array(docs.length);
      for (let k = 0; k < docs.length; k++) scores[k] = scratch[docs[k]];
      return { docs, scores };
    },
  };
}
