/**
 * The embedded engine's budgets that keep a keystroke's cost bounded by the
 * page rather than by its matches, in one documented object (as
 * match-options.ts and ranking-options.ts): a one-letter beginning matches
 * most of an archive, and what the reader sees of it is ten hits and the
 * facet boxes. Each budget says what it trades. A Searcher takes them at
 * construction (searcher.ts), so that a test can compare the bounded engine
 * with an exhaustive one on the same build.
 */
export interface KeystrokeOptions {
  /**
   * Most matches a facet counts one by one. Above, it counts the matches of
   * a fixed sample of the articles (those whose `sampleBucket`, a hash of
   * the article number, is below a cut-off chosen to keep about this many)
   * and scales each count by the matches per match sampled: the counts are
   * then approximate and say so (`approximate: true`, shown "environ",
   * rounded to two significant digits), as PostgreSQL's facet counts do
   * above the same limit (src/search/postgres/facet-counts.ts). The sample
   * is the same for every query of a build, so that typing one more letter
   * does not reshuffle the counts. Totals, the page and the date histogram
   * stay exact. A search matching all but at most this many articles (a
   * beginning being typed: "co" matches 99.8 % of the archive) counts
   * exactly instead, as the whole archive's counts (made once per build)
   * less those of the articles it leaves out: unfiltered, every facet; under
   * one facet's filter alone, that facet's own (facets.ts).
   */
  facetExactLimit: number;
  /**
   * A search whose query is one beginning of this many letters or fewer
   * ("c", "co") matches most of the archive and recurs in every reader's
   * session: its whole response (page, totals, facets) is kept by the
   * build's Searcher once computed, and the one-letter ones are computed
   * when the build is warmed (warm-up.ts).
   */
  shortPrefixLength: number;
  /** Most responses of short beginnings kept (a few kilobytes each); 0 keeps none. */
  shortPrefixResponses: number;
  /**
   * The clause cache (clause-cache.ts) holds this many whole-archive
   * clauses' worth of (document, score) pairs, 12 bytes each...
   */
  clauseCacheArchives: number;
  /** ... at least this many pairs (a small archive's clauses are many and small)... */
  clauseCacheMinPairs: number;
  /** ... and at most this many (192 MB): at a million articles, sixteen common words. */
  clauseCacheMaxPairs: number;
  /**
   * Selections of filters whose per-article codes (the filter each article
   * fails: a byte an article, 1 MB at a million) the facet table keeps
   * (facets.ts `filterFailures`): a reader types keystroke after keystroke
   * under the same filters, and reading a code costs a candidate one byte
   * where testing its values costs a scan of each filtered facet's. 0 keeps none.
   */
  filterCodesKept: number;
  /**
   * A selection's codes are made (a pass over the whole archive, as long as
   * testing that many candidates) when the candidates are at least this
   * share of the archive: making them costs at most four times testing the
   * candidates of the keystroke that makes them, and a reader's first
   * keystrokes under new filters (a beginning) match most of the archive.
   * Fewer candidates are tested one by one, unless the codes are kept.
   */
  filterCodesShare: number;
}

export const KEYSTROKE_OPTIONS: KeystrokeOptions = Object.freeze({
  facetExactLimit: 10_000,
  shortPrefixLength: 2,
  shortPrefixResponses: 2_000,
  clauseCacheArchives: 40,
  clauseCacheMinPairs: 65_536,
  clauseCacheMaxPairs: 16_000_000,
  filterCodesKept: 8,
  filterCodesShare: 1 / 4,
});

/** Buckets of the facet sample: an article is in bucket `sampleBucket[n]` (facet-table.ts), 0 to SAMPLE_BUCKETS - 1. */
export const SAMPLE_BUCKETS = 1024;

/** The clause cache's capacity in pairs for an archive of `documents` articles. */
export function clauseCachePairs(documents: number, options: KeystrokeOptions = KEYSTROKE_OPTIONS): number {
  return Math.min(options.clauseCacheMaxPairs, Math.max(options.clauseCacheMinPairs, options.clauseCacheArchives * documents));
}

/**
 * An approximate count as shown: two significant digits (12 345 -> 12 000),
 * since the sample cannot tell more (as PostgreSQL's `roundedCount`).
 */
export function roundedCount(count: number): number {
  if (count < 100) return count;
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}
