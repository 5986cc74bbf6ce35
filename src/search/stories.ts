import type { Searcher } from './searcher.js';

/**
 * Same story, once, in results: the index gives each article its story
 * (`storyOf`, src/index/stories.ts); a result list shows each story once,
 * by its member that ranks first, with the others' sources ("Aussi publié
 * par"). `versions=all` lists every article; `story=ID` lists the members
 * of one article's story. Facet counts always count articles.
 */

/** The members of each story, in article order: members of story s are ids[start[s] .. start[s + 1]) (empty for an article not first of its story). */
export interface StoryMembers {
  start: Int32Array;
  ids: Int32Array;
  /** By article: 1 when its story has other members (most articles stand alone, and a result list counts stories over every match). */
  grouped: Uint8Array;
}

/** The members of each story of `storyOf` (kept by the build's Searcher). */
export function buildStoryMembers(storyOf: Int32Array): StoryMembers {
  const count = storyOf.length;
  const start = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) start[storyOf[n] + 1]++;
  for (let s = 0; s < count; s++) start[s + 1] += start[s];
  const fill = start.slice(0, count);
  const ids = new Int32Array(count);
  for (let n = 0; n < count; n++) ids[fill[storyOf[n]]++] = n;
  const grouped = new Uint8Array(count);
  for (let n = 0; n < count; n++) grouped[n] = start[storyOf[n] + 1] - start[storyOf[n]] > 1 ? 1 : 0;
  return { start, ids, grouped };
}

/** The article numbers of n's story, n's own first, then the others in article order. */
export function storyOfArticle(searcher: Searcher, n: number): number[] {
  const { start, ids } = searcher.stories;
  const s = searcher.storyOf[n];
  const others = Array.from(ids.subarray(start[s], start[s + 1])).filter((m) => m !== n);
  return [n, ...others];
}

/** The positions k of `docs` whose article is in the story of article `n`. */
export function inStory(searcher: Searcher, docs: Int32Array, n: number): Int32Array {
  const story = searcher.storyOf[n];
  const kept: number[] = [];
  for (let k = 0; k < docs.length; k++) if (searcher.storyOf[docs[k]] === story) kept.push(k);
  return Int32Array.from(kept);
}

/**
 * The page of a grouped result list: among `passing` (positions in `docs`),
 * the first member in the result order of each story (`pick(items, count)`:
 * the first `count` of `items` in that order, top-k.ts), stories `first` to
 * `first + count`; and the number of stories. Top-k is asked for more
 * articles until it has enough stories (a story of m members takes up to m
 * places), at most doubling each round.
 */
export function storyPage(
  searcher: Searcher,
  docs: Int32Array,
  passing: Int32Array,
  first: number,
  count: number,
  pick: (items: Int32Array, count: number) => number[],
): { page: number[]; stories: number } {
  const { storyOf } = searcher;
  const { grouped } = searcher.stories;
  // A byte per story, the build's (a new array per keystroke would be external memory V8 collects the heap for: scratch.ts).
  const seen = searcher.scratch.zeroedBytes('stories-seen', storyOf.length);
  // Most articles stand alone: only members of stories of two or more can repeat one.
  let stories = passing.length;
  for (let i = 0; i < passing.length; i++) {
    const n = docs[passing[i]];
    if (grouped[n] === 0) continue;
    const s = storyOf[n];
    if (seen[s]) stories--;
    else seen[s] = 1;
  }
  const wanted = first + count;
  for (let asked = Math.min(passing.length, wanted + 8); ; asked = Math.min(passing.length, asked * 2)) {
    const top = pick(passing, asked);
    seen.fill(0);
    const heads: number[] = [];
    for (const k of top) {
      const s = storyOf[docs[k]];
      if (seen[s]) continue;
      seen[s] = 1;
      heads.push(k);
    }
    if (heads.length >= wanted || asked >= passing.length) return { page: heads.slice(first, wanted), stories };
  }
}
