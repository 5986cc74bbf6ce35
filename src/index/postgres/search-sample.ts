/**
 * The fixed sample of depeches.search_rows that a keystroke with many
 * matches counts instead of every match (src/search/postgres/bounded-search.ts):
 * the stories whose id hashes into the first SEARCH_SAMPLE_BUCKETS of 1 024
 * buckets, about one article in 32, with their own partial GIN index
 * (schema.ts, migration 9), so that counting a query's matches in the sample
 * reads the sample's posting lists only, never the whole archive's.
 *
 * A story is sampled whole (the hash of its first article's id): the stories
 * of the sample, scaled, estimate the stories of the matches as its articles
 * estimate the articles. The sample is a hash, not a random draw, so that
 * typing one more letter does not reshuffle the estimates.
 */

/** Buckets of the sample among 1 024: one story in 32. */
export const SEARCH_SAMPLE_BUCKETS = 32;

/** All buckets: a row is in bucket `hashtext(coalesce(story, id)) & (SAMPLE_BUCKET_COUNT - 1)`. */
export const SAMPLE_BUCKET_COUNT = 1024;

/**
 * The condition of a row of `alias` being in a sample of `buckets` buckets.
 * Written exactly so for the default sample: PostgreSQL uses the partial
 * index only for a query repeating its predicate.
 */
export function inSearchSample(alias?: string, buckets = SEARCH_SAMPLE_BUCKETS): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `(hashtext(coalesce(${column('story')}, ${column('id')})) & ${SAMPLE_BUCKET_COUNT - 1}) < ${buckets}`;
}
