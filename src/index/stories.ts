import type { Article } from '../ingest/types.js';
import { analyzeText, IntList, TermDictionary } from './analyze-fields.js';
import { sameStoryGroups, SAME_STORY_DEFAULTS, storySignatureOfHashes, termHash } from './same-story.js';

/**
 * Same-story grouping wired into the build (the detection itself is
 * same-story.ts). Signatures are computed where the text is analysed (a
 * worker thread's ArticleAnalyzer, or this thread's), from the term ids of
 * each position the analysis already made, and travel to the merging
 * thread as a stream of integers: per article its signature's length (0
 * when the text is too short to compare) then its values. Groups are
 * computed over the whole build, every build, so that adding or removing
 * an article (an incremental run reuses articles, not groups) always gives
 * the groups of the corpus as it is.
 *
 * `storyOf[n]` is the number of the first article of n's story (n itself
 * when it stands alone); it is saved with the build (index.bin, section
 * storyOf).
 */
export class StorySignatures {
  /** Hash of each term id of one dictionary, computed once per term. */
  private hashes = new Uint32Array(1 << 14);
  private hashed = 0;
  private buffer = new Uint32Array(1 << 12);

  /** Appends the signature of a text, given the term ids of its positions (-1 for a stop word), to `out`. */
  write(sequence: IntList, terms: readonly string[], out: IntList): void {
    if (terms.length > this.hashes.length) {
      const grown = new Uint32Array(Math.max(terms.length, this.hashes.length * 2));
      grown.set(this.hashes.subarray(0, this.hashed));
      this.hashes = grown;
    }
    for (; this.hashed < terms.length; this.hashed++) this.hashes[this.hashed] = termHash(terms[this.hashed]);
    if (sequence.length > this.buffer.length) this.buffer = new Uint32Array(sequence.length * 2);
    let count = 0;
    for (let p = 0; p < sequence.length; p++) {
      const id = sequence.data[p];
      if (id >= 0) this.buffer[count++] = this.hashes[id];
    }
    const signature = storySignatureOfHashes(this.buffer, count);
    if (!signature) {
      out.push(0);
      return;
    }
    out.push(signature.length);
    for (let i = 0; i < signature.length; i++) out.push(signature[i] | 0);
  }
}

/** Reads the signatures of `count` articles from streams written by StorySignatures, in article order. */
export function readSignatures(streams: readonly Int32Array[], count: number): (Uint32Array | null)[] {
  const signatures: (Uint32Array | null)[] = [];
  for (const stream of streams) {
    for (let at = 0; at < stream.length; ) {
      const length = stream[at++];
      signatures.push(length === 0 ? null : new Uint32Array(stream.buffer, stream.byteOffset + at * 4, length));
      at += length;
    }
  }
  if (signatures.length !== count) throw new Error(`story signatures of ${signatures.length} articles for ${count}`);
  return signatures;
}

/** The story of each article of a build, from its signature streams (in article order) and its articles' urls. */
export function storyGroups(documents: readonly Article[], streams: readonly Int32Array[]): Int32Array {
  const signatures = readSignatures(streams, documents.length);
  return sameStoryGroups(signatures, documents.map((d) => d.url), SAME_STORY_DEFAULTS);
}

/** Throws when a loaded storyOf does not fit its build: each story is the number of its first article. */
export function checkStories(storyOf: Int32Array, count: number): void {
  if (storyOf.length !== count) throw new Error('index.bin stories do not fit the articles');
  for (let n = 0; n < count; n++) {
    const s = storyOf[n];
    if (!(s >= 0 && s <= n && storyOf[s] === s)) throw new Error('index.bin stories do not fit the articles');
  }
}

/**
 * The story of each of `articles` (in that order) computed in this thread,
 * from the same analysis and signatures as a build: what the PostgreSQL
 * ingest writes in its story column.
 */
export function storiesOfArticles(articles: readonly Article[]): Int32Array {
  const dictionary = new TermDictionary();
  const signatures = new StorySignatures();
  const sequence = new IntList(1 << 14);
  const stream = new IntList(1 << 16);
  const ignore = { push: () => {} };
  for (const article of articles) {
    sequence.length = 0;
    analyzeText(article.text, dictionary, ignore, sequence);
    signatures.write(sequence, dictionary.terms, stream);
  }
  return storyGroups(articles, [stream.toArray()]);
}
