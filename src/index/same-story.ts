/**
 * Same story, once: articles that carry one dispatch (an agency story
 * reprinted by several papers with small edits, a repost, a corrected
 * version) are grouped at index time, so that results can show the story
 * once with "Aussi publié par".
 *
 * Each article gets a MinHash signature of the word 3-shingles of its
 * analyzed text (folded, stemmed: "a déclaré" and "a declare" agree);
 * locality-sensitive hashing over bands of the signature finds candidate
 * pairs without comparing every article with every other; a candidate pair
 * is the same story when the share of equal signature values (an estimate
 * of the shingles' Jaccard similarity) reaches the threshold. Groups are the
 * connected pairs (union-find).
 */

/** The tuning of same-story detection, with its defaults. */
export interface SameStoryOptions {
  /** Words per shingle. */
  shingle: number;
  /** LSH bands; `bands × rows` is the signature's length. */
  bands: number;
  /** Signature values per band: more rows, fewer candidates of low similarity. */
  rows: number;
  /** Estimated Jaccard similarity of shingles from which two articles are the same story. */
  threshold: number;
  /**
   * Signature values the similarity of a candidate pair is estimated on (at
   * least bands × rows; LSH reads the first bands × rows). 60 values let
   * pairs of true similarity 0.3 (articles sharing one long passage) pass
   * 0.5 now and then among the many candidates of a large archive; 128
   * halve the estimate's spread.
   */
  estimate: number;
  /** Articles with fewer shingles than this (a headline, a caption) are never grouped: too little text to tell. */
  minShingles: number;
  /** A bucket holding more articles than this is boilerplate shared by many (a footer), not a story: skipped. */
  maxBucket: number;
}

export const SAME_STORY_DEFAULTS: SameStoryOptions = {
  shingle: 3,
  bands: 20,
  rows: 3,
  threshold: 0.45,
  estimate: 128,
  minShingles: 25,
  maxBucket: 50,
};

/** 32-bit FNV-1a of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser: a good 32-bit mix. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of one analyzed term, as signatures read it (storySignatureOfHashes). */
export const termHash = hashString;

/**
 * The MinHash signature of a text's analyzed terms (in order), or null when
 * the text is too short to be compared. Cost: a few integer operations
 * per shingle.
 */
export function storySignature(terms: readonly string[], options: SameStoryOptions = SAME_STORY_DEFAULTS): Uint32Array | null {
  return storySignatureOfHashes(Uint32Array.from(terms, hashString), terms.length, options);
}

/**
 * The signature of a text given the hashes (`termHash`) of its first
 * `count` analyzed terms: what the indexer computes from the term ids it
 * already has, without making strings again.
 *
 * One permutation hashing with optimal densification (Shrivastava, ICML
 * 2017): each shingle is hashed once and falls in one of the signature's
 * bins, which keeps its smallest value; an empty bin borrows the value of
 * the first non-empty bin of its own fixed sequence of donors, the same
 * for every text. Two signatures then agree in a bin with probability the
 * Jaccard similarity of their shingles, as with one hash function per
 * value, at the cost of one hash per shingle instead of one per shingle and
 * value (128 here): about 30 times less work per article.
 */
export function storySignatureOfHashes(termHashes: ArrayLike<number>, count: number, options: SameStoryOptions = SAME_STORY_DEFAULTS): Uint32Array | null {
  const shingles = count - options.shingle + 1;
  if (shingles < options.minShingles) return null;
  const length = Math.max(options.bands * options.rows, options.estimate);
  const signature = new Uint32Array(length).fill(EMPTY);
  for (let s = 0; s < shingles; s++) {
    let h = 0;
    for (let k = 0; k < options.shingle; k++) h = mix(h ^ termHashes[s + k]) + k;
    const v = mix(h);
    const bin = v % length;
    // The value must not depend on the bin: fresh bits from a second mix, never EMPTY.
    const value = mix(v ^ 0x5bd1e995) >>> 1;
    if (value < signature[bin]) signature[bin] = value;
  }
  const filled = signature.slice();
  for (let bin = 0; bin < length; bin++) {
    if (filled[bin] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const donor = mix(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) % length;
      if (filled[donor] !== EMPTY) {
        signature[bin] = filled[donor];
        break;
      }
    }
  }
  return signature;
}

/** A bin no shingle fell in (values are 31-bit). */
const EMPTY = 0xffffffff;

/** Share of equal values of two signatures: an estimate of their shingles' Jaccard similarity. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Groups articles by story: `groupOf[n]` is the smallest index of the
 * articles in n's story (n itself when it stands alone). Articles with the
 * same url are one story whatever their text.
 */
export function sameStoryGroups(
  signatures: readonly (Uint32Array | null)[],
  urls: readonly (string | null)[] = [],
  options: SameStoryOptions = SAME_STORY_DEFAULTS,
): Int32Array {
  const count = signatures.length;
  const parent = Int32Array.from({ length: count }, (_, n) => n);
  const find = (n: number): number => {
    while (parent[n] !== n) n = parent[n] = parent[parent[n]];
    return n;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byUrl = new Map<string, number>();
  urls.forEach((url, n) => {
    if (!url) return;
    const first = byUrl.get(url);
    if (first === undefined) byUrl.set(url, n);
    else union(first, n);
  });
  // Per band, the articles sorted by a hash of their band's values (the high bits of a float64, the article's number
  // below): the articles of a bucket, those whose values are all equal, are neighbours in that order, in ascending order
  // of number, without a string key or an array per bucket.
  const numbered: number[] = [];
  for (let n = 0; n < count; n++) if (signatures[n]) numbered.push(n);
  const order = new Float64Array(numbered.length);
  // The hash keeps the bits the article numbers leave of 53.
  const numberSpan = 2 ** Math.max(21, Math.ceil(Math.log2(count + 1)));
  const hashShift = Math.max(0, Math.log2(numberSpan) - 21);
  const bucket: number[] = [];
  const runEnds: number[] = [];
  for (let band = 0; band < options.bands; band++) {
    const first = band * options.rows;
    for (let k = 0; k < numbered.length; k++) {
      const signature = signatures[numbered[k]]!;
      let h = 0;
      for (let r = 0; r < options.rows; r++) h = mix(h ^ signature[first + r]);
      order[k] = (h >>> hashShift) * numberSpan + numbered[k];
    }
    order.sort();
    for (let start = 0; start < order.length; ) {
      const hash = Math.floor(order[start] / numberSpan);
      let end = start + 1;
      while (end < order.length && Math.floor(order[end] / numberSpan) === hash) end++;
      // Articles of one hash: split into buckets of equal values (a hash shared by different values is rare).
      for (let k = start; k < end; k++) bucket.push(order[k] % numberSpan);
      runEnds.length = 0;
      for (let taken = 0; taken < bucket.length; ) {
        const head = signatures[bucket[taken]]!;
        let kept = taken + 1;
        for (let k = taken + 1; k < bucket.length; k++) {
          const other = signatures[bucket[k]]!;
          let same = true;
          for (let r = 0; r < options.rows && same; r++) same = other[first + r] === head[first + r];
          if (same) {
            const moved = bucket[k];
            bucket.splice(k, 1);
            bucket.splice(kept++, 0, moved);
          }
        }
        runEnds.push(kept);
        taken = kept;
      }
      let from = 0;
      for (const to of runEnds) {
        if (to - from >= 2 && to - from <= options.maxBucket) {
          for (let i = from; i < to; i++) {
            for (let j = i + 1; j < to; j++) {
              const a = bucket[i];
              const b = bucket[j];
              if (find(a) !== find(b) && signatureSimilarity(signatures[a]!, signatures[b]!) >= options.threshold) union(a, b);
            }
          }
        }
        from = to;
      }
      bucket.length = 0;
      start = end;
    }
  }
  const groupOf = new Int32Array(count);
  for (let n = 0; n < count; n++) groupOf[n] = find(n);
  return groupOf;
}
