/**
 * Facet counts of the PostgreSQL search statement, bounded by a sample when
 * the rows to count are many.
 *
 * Counting a facet unnests the keys of every row it counts (an article
 * holds a few speakers and organisations) and groups them: at 100 000
 * articles a one-letter keystroke matches 90 % of them, ~260 000 keys, and
 * that grouping was more than half of the keystroke. So:
 *
 *   - up to FACET_EXACT_LIMIT rows to count, every row is counted: exact;
 *   - above, only the rows of a fixed hash sample of the articles are (the
 *     buckets of `hashtext(id) & 1023` below a cut-off chosen to keep about
 *     FACET_EXACT_LIMIT of them), and each count is scaled by how many rows
 *     there are per row sampled. The counts are then approximate and say so
 *     (`approximate`, shown "environ" on the page); the values listed are the
 *     most frequent in the sample, which are the most frequent overall but
 *     for values whose counts are close.
 *
 * The sample is the same for every query (a hash of the id, not a random
 * draw), so that typing one more letter does not reshuffle the counts.
 */
import { FACET_LIMIT } from '../facets.js';
import type { FacetValue } from '../types.js';

/** Most rows a facet count reads before it counts a sample instead (exact up to this many matches). */
export const FACET_EXACT_LIMIT = 10_000;

/** Sample buckets: an article is in bucket `hashtext(id) & (FACET_BUCKETS - 1)`. */
export const FACET_BUCKETS = 1024;

/** The SQL of an article's sample bucket, from its id. */
export const bucketSql = (id: string) => `(hashtext(${id}) & ${FACET_BUCKETS - 1})`;

/** Facet values fetched before the final ordering in JavaScript (French collation, as the embedded engine). */
const FACET_FETCH = FACET_LIMIT * 2;

/**
 * One facet's counts over the rows of `rows` (a CTE with a `bucket` column)
 * that satisfy `where`, as one JSON object {approximate, values: [{value,
 * count}]}: `keys` is the column of folded keys, `kind` the facet's
 * "char" in depeches.facet_names (which gives each key its name);
 * `exactLimit` the most rows counted exactly.
 */
export function facetCountsSql(rows: string, kind: string, keys: string, where: string, exactLimit = FACET_EXACT_LIMIT): string {
  return `(SELECT json_build_object('approximate', s.rows > ${exactLimit}, 'values', coalesce((
       SELECT json_agg(json_build_object('value', n.value, 'count',
                CASE WHEN s.rows > ${exactLimit} THEN round(c.count::numeric * s.rows / greatest(s.sampled, 1))::int ELSE c.count END)
              ORDER BY c.count DESC, n.value)
       FROM (SELECT u.key, count(*)::int AS count FROM ${rows}, unnest(${rows}.${keys}) AS u(key)
             WHERE ${where} AND ${rows}.bucket < s.buckets
             GROUP BY u.key ORDER BY count(*) DESC, u.key LIMIT ${FACET_FETCH}) c
       JOIN depeches.facet_names n ON n.facet = '${kind}' AND n.key = c.key), '[]'::json))
     FROM (SELECT t.rows, t.buckets, (SELECT count(*) FROM ${rows} WHERE ${where} AND ${rows}.bucket < t.buckets) AS sampled
           FROM (SELECT count(*) AS rows,
                        CASE WHEN count(*) <= ${exactLimit} THEN ${FACET_BUCKETS}
                             ELSE ceil(${FACET_BUCKETS}.0 * ${exactLimit} / count(*))::int END AS buckets
                 FROM ${rows} WHERE ${where}) t) s)`;
}

/** A facet's counts as the statement returns them. */
export interface FacetCountsRow {
  approximate: boolean;
  values: FacetValue[];
}

/**
 * An approximate count as shown: two significant digits (12 345 -> 12 000),
 * since the sample cannot tell more; exact counts are kept as they are.
 */
export function roundedCount(count: number): number {
  if (count < 100) return count;
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}

/** The facet values of a statement's row, approximate counts rounded and flagged. */
export function facetValues(row: FacetCountsRow): FacetValue[] {
  return row.approximate ? row.values.map((v) => ({ value: v.value, count: roundedCount(v.count), approximate: true })) : row.values;
}
