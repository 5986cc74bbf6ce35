/** Time of the product's extraction (readCorpus) over a corpus. */
import { readCorpus } from '../../src/ingest/index.js';

export interface SpeedResult {
  articles: number;
  /** Characters of the raw texts, per article on average. */
  meanChars: number;
  /** Median wall time of one readCorpus over the corpus. */
  msPerRun: number;
  msPerArticle: number;
  msPer4kB: number;
  runs: number;
}

/**
 * Median of `runs` timed readCorpus calls after one warm-up: the machine is
 * shared, single runs vary. Reading the files and decoding is included; it
 * is what an indexing run pays per article.
 */
export async function measureSpeed(corpus: string, rawChars: number, runs = 5): Promise<SpeedResult> {
  const { articles } = await readCorpus(corpus);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await readCorpus(corpus);
    times.push(performance.now() - start);
  }
  const msPerRun = times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  const n = Math.max(1, articles.length);
  return {
    articles: articles.length,
    meanChars: rawChars / n,
    msPerRun,
    msPerArticle: msPerRun / n,
    msPer4kB: rawChars === 0 ? 0 : msPerRun / (rawChars / 4096),
    runs,
  };
}
