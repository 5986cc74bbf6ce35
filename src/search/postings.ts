import { BOOSTS } from '../analysis/index.js';
import { FIELDS, QUOTED_BITS, type CompactIndex } from '../index/index.js';
import { firstNotBefore } from '../ingest/index.js';
import { termsWithin } from './fuzzy-terms.js';
import { quotationPostings } from './quotation-postings.js';
import type { TypoAnswer } from './term-dictionary.js';
import type { QueryField } from './types.js';

/**
 * The inverted index as the search reads it: the sorted term list and the
 * flat (document, frequency) postings of the index stage (compact.ts).
 *
 * Why not `miniSearch.search`: it allocates a result object (score, terms,
 * per-field matches) for every matching document and merges them in Maps, so
 * a common word over 100 000 articles costs tens of milliseconds, on every
 * keystroke. Here a term's postings are scored straight into a dense array,
 * with MiniSearch's own BM25+ formula and parameters, and the query logic
 * (AND of words, OR, NOT, relaxation) works on those arrays. Typo lookups
 * walk the sorted terms as MiniSearch's radix tree would (fuzzy-terms.ts),
 * with no tree of their own in each thread.
 */

/** MiniSearch's defaults (BM25+ with k = 1.2, b = 0.7, d = 0.5), kept so scores match its ranking. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Postings per article past which a scoring reads no stamps and gathers its documents in order (see `score`). */
const DENSE_SHARE = 0.25;

/** Field boosts of a plain word (src/analysis/fields.ts) as [field id, boost] pairs, in the index's field order; a field of boost 0 is searched only by its prefix. */
const WORD_FIELDS: [number, number][] = FIELDS.map((name, id): [number, number] => [id, BOOSTS[name]]).filter(([, boost]) => boost > 0);

/** Documents matched by part of a query, with their scores (parallel arrays, documents unique). */
export interface Matches {
  docs: Int32Array;
  scores: Float64Array;
}

/** A copy of matches that outlives the arrays they are a view of. */
export function copyMatches(matches: Matches): Matches {
  return { docs: matches.docs.slice(), scores: matches.scores.slice() };
}

/** A term to score and how much it counts (1 for the word itself, less for completions and typo variants). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface Postings {
  documentCount: number;
  /** Number of articles holding the term, in the field holding it most. */
  documentFrequency(term: string): number;
  has(term: string): boolean;
  /** Indexed terms starting with `prefix` (the prefix itself included when indexed), with their document frequency. */
  termsWithPrefix(prefix: string): Iterable<[string, number]>;
  /** Indexed terms within `distance` edits of `term`, with their distance. */
  termsNear(term: string, distance: number): [string, number][];
  /**
   * Scores the documents holding any of the terms (in `field` only, when
   * given). The result is a view of arrays the next call overwrites: copy
   * it (`copyMatches`, or a ClauseCache) to keep it.
   */
  score(terms: WeightedTerm[], field?: QueryField): Matches;
  /** Most frequent completions of beginnings, filled and bounded by match-terms.ts (a typed beginning recurs across keystrokes and readers). */
  readonly completionCache: Map<string, [string, number][]>;
  /** Typo answers of unknown words, filled and bounded by match-terms.ts. */
  readonly typoCache: Map<string, TypoAnswer>;
}


/** The postings of one build, with their scoring arrays (made once, by the build's Searcher). */
export function createPostings(compact: CompactIndex): Postings {
  const { terms, termOffsets, postings: pairs, fieldLengths, averageFieldLengths, documentCount } = compact;
  const fieldCount = FIELDS.length;
  const fieldId = Object.fromEntries(FIELDS.map((f, id) => [f, id])) as Record<string, number>;
  // Scratch arrays reused by every scoring: a score per document, the
  // stamp of the last scoring that touched it (so they never need clearing),
  // and the result handed out.
  const scratch = new Float64Array(documentCount);
  const stamps = new Uint32Array(documentCount);
  const touched = new Int32Array(documentCount);
  const scoresOut = new Float64Array(documentCount);
  let stamp = 0;
  // BM25's length normalisation of each document in each field, computed once rather than per posting. One array
  // per field: a term's postings in a field come in document order, so that its scoring reads that field's array
  // forwards, a cache line serving sixteen documents (interleaved by document, one served two or three).
  const norms = FIELDS.map((_, f) => {
    const field = new Float32Array(documentCount);
    for (let n = 0; n < documentCount; n++) field[n] = BM25.k * (1 - BM25.b + (BM25.b * fieldLengths[n * fieldCount + f]) / (averageFieldLengths[f] || 1));
    return field;
  });

  /**
   * Adds the BM25+ scores of postings first..last (field f) into the scratch
   * scores; returns the new count of documents touched. Kept apart, with
   * numbers and typed arrays only, so that the engine compiles the hottest
   * loop of a search once and for all.
   */
  function accumulate(data: Int32Array, first: number, last: number, norm: Float32Array, factor: number, count: number, shift: number): number {
    for (let p = first; p < last; p++) count = add(data[2 * p], data[2 * p + 1] >> shift, norm, factor, count);
    return count;
  }

  /** Adds one posting's BM25+ score (document n, frequency tf, `norm` its field's norms) to the scratch scores; returns the count of documents touched. Small enough to be inlined in both loops. */
  function add(n: number, tf: number, norm: Float32Array, factor: number, count: number): number {
    const score = factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm[n]));
    if (stamps[n] !== stamp) {
      stamps[n] = stamp;
      scratch[n] = score;
      touched[count++] = n;
    } else scratch[n] += score;
    return count;
  }

  /**
   * accumulate without stamps, for a scoring touching a good share of the
   * archive (`score`): the scratch scores were zeroed, and a document's
   * score is the sum of its postings' (BM25+ scores are all above zero).
   */
  function accumulateDense(data: Int32Array, first: number, last: number, norm: Float32Array, factor: number, shift: number): void {
    for (let p = first; p < last; p++) {
      const n = data[2 * p];
      const tf = data[2 * p + 1] >> shift;
      scratch[n] += factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm[n]));
    }
  }

  /** accumulateDense on a list of (document, frequency) counted for the term (the quotations'). */
  function accumulateCountedDense(docs: Int32Array, frequencies: Int32Array, length: number, norm: Float32Array, factor: number): void {
    for (let p = 0; p < length; p++) {
      const n = docs[p];
      const tf = frequencies[p];
      scratch[n] += factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm[n]));
    }
  }

  /** The documents of a dense scoring (score above zero), in document order, with their scores, into `touched` and `scoresOut`; returns how many. */
  function gatherDense(): number {
    let count = 0;
    for (let n = 0; n < documentCount; n++) {
      const score = scratch[n];
      if (score === 0) continue;
      touched[count] = n;
      scoresOut[count++] = score;
    }
    return count;
  }

  /** The same on a list of (document, frequency) counted for the term (the quotations', quotation-postings.ts). */
  function accumulateCounted(docs: Int32Array, frequencies: Int32Array, length: number, norm: Float32Array, factor: number, count: number): number {
    for (let p = 0; p < length; p++) count = add(docs[p], frequencies[p], norm, factor, count);
    return count;
  }
  const quotations = quotationPostings(compact);
  const quotesField = fieldId.quotes;
  const textField = fieldId.text;

  const idOf = (term: string): number => {
    const at = firstNotBefore(terms.length, (k) => terms[k] < term);
    return at < terms.length && terms[at] === term ? at : -1;
  };
  const frequency = (id: number): number => {
    let most = 0;
    for (let f = 0; f < fieldCount; f++) most = Math.max(most, termOffsets[id * fieldCount + f + 1] - termOffsets[id * fieldCount + f]);
    return most;
  };

  return {
    documentCount,
    completionCache: new Map(),
    typoCache: new Map(),
    documentFrequency: (term) => {
      const id = idOf(term);
      return id < 0 ? 0 : frequency(id);
    },
    has: (term) => idOf(term) >= 0,
    *termsWithPrefix(prefix) {
      for (let id = firstNotBefore(terms.length, (k) => terms[k] < prefix); id < terms.length && terms[id].startsWith(prefix); id++) yield [terms[id], frequency(id)];
    },
    termsNear(term, distance) {
      return termsWithin(terms, term, distance);
    },
    score(weighted, field) {
      stamp++;
      let count = 0;
      const boosts = field ? [[fieldId[field], 1]] : WORD_FIELDS;
      // Several terms' postings merged, past a share of the archive (a beginning being typed: "rel" is two
      // dozen common words): scored without stamps into zeroed scores and gathered in document order (DENSE_SHARE).
      let postings = 0;
      let found = 0;
      let positive = true;
      for (const { term, weight } of weighted) {
        const id = idOf(term);
        if (id < 0) continue;
        found++;
        if (!(weight > 0)) positive = false;
        for (const [f] of boosts) postings += termOffsets[id * fieldCount + f + 1] - termOffsets[id * fieldCount + f];
      }
      const dense = positive && found > 1 && postings >= documentCount * DENSE_SHARE;
      if (dense) scratch.fill(0);
      for (const { term, weight } of weighted) {
        const id = idOf(term);
        if (id < 0) continue;
        for (const [f, boost] of boosts) {
          if (f === quotesField) {
            // Counted from the text's postings and sequence (the quotations are spans of it): the same BM25+ as postings of their own.
            const matching = quotations.collect(id);
            if (matching === 0) continue;
            const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
            if (dense) accumulateCountedDense(quotations.docs, quotations.frequencies, matching, norms[f], weight * boost * idf);
            else count = accumulateCounted(quotations.docs, quotations.frequencies, matching, norms[f], weight * boost * idf, count);
            continue;
          }
          const first = termOffsets[id * fieldCount + f];
          const last = termOffsets[id * fieldCount + f + 1];
          const matching = last - first;
          if (matching === 0) continue;
          const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
          // A text posting carries the quotations' count in its low bits (src/index/compact.ts, textPosting).
          const quotedBits = f === textField ? QUOTED_BITS : 0;
          if (dense) accumulateDense(pairs, first, last, norms[f], weight * boost * idf, quotedBits);
          else count = accumulate(pairs, first, last, norms[f], weight * boost * idf, count, quotedBits);
        }
      }
      if (dense) {
        // The next stamped scoring writes every slot it reads: the zeroes left here do not matter.
        const gathered = gatherDense();
        return { docs: touched.subarray(0, gathered), scores: scoresOut.subarray(0, gathered) };
      }
      const docs = touched.subarray(0, count);
      const scores = scoresOut.subarray(0, count);
      for (let k = 0; k < count; k++) scores[k] = scratch[docs[k]];
      return { docs, scores };
    },
  };
}
