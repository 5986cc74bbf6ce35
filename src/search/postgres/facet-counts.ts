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

/** The CTE of the statement counting, in one pass over the matching rows, how many rows each facet counts. */
export const FACET_STATS = 'facet_stats';
/** The CTE of the sampled matching rows (empty unless the matches are over the limit). */
export const FACET_SAMPLE = 'facet_sample';

/** The column of FACET_STATS holding how many rows facet `name` counts. */
const rowsColumn = (name: string) => `rows_${name}`;

/**
 * The two CTEs the facet counts read, after `rows` (the matching rows, with
 * a `bucket` column): FACET_STATS, one pass over `rows` counting what each
 * facet counts (`where` of each facet, written on alias `m`) and the sample's
 * bucket cut-off, and FACET_SAMPLE, the rows of the buckets under it,
 * materialised only when the matches are over `exactLimit`. The cut-off is
 * set by all the matches, so a facet counting fewer rows samples fewer.
 */
export function facetCtes(rows: string, facets: { name: string; where: string }[], exactLimit = FACET_EXACT_LIMIT): string {
  return `${FACET_STATS} AS MATERIALIZED (
    SELECT count(*) AS matched,
           CASE WHEN count(*) <= ${exactLimit} THEN ${FACET_BUCKETS} ELSE ceil(${FACET_BUCKETS}.0 * ${exactLimit} / count(*))::int END AS buckets,
           ${facets.map((f) => `count(*) FILTER (WHERE ${f.where}) AS ${rowsColumn(f.name)}`).join(',\n           ')}
    FROM ${rows} m),
  ${FACET_SAMPLE} AS MATERIALIZED (
    SELECT * FROM ${rows} m WHERE (SELECT matched FROM ${FACET_STATS}) > ${exactLimit} AND m.bucket < (SELECT buckets FROM ${FACET_STATS}))`;
}

/**
 * One facet's counts as one JSON object {approximate, values: [{value,
 * count}]}: over every row of `rows` satisfying `where` when they are at most
 * `exactLimit`, else over those of FACET_SAMPLE, scaled. `keys` is the column
 * of folded keys, `kind` the facet's "char" in depeches.facet_names (which
 * gives each key its name). Each branch is gated by a one-time filter on
 * FACET_STATS: the one not taken reads no row.
 */
export function facetCountsSql(rows: string, name: string, kind: string, keys: string, where: string, exactLimit = FACET_EXACT_LIMIT): string {
  const counted = `(SELECT ${rowsColumn(name)} FROM ${FACET_STATS})`;
  return `(SELECT json_build_object('approximate', s.rows > ${exactLimit}, 'values', coalesce((
       SELECT json_agg(json_build_object('value', n.value, 'count',
                CASE WHEN s.rows > ${exactLimit} THEN round(c.count::numeric * s.rows / greatest(s.sampled, 1))::int ELSE c.count END)
              ORDER BY c.count DESC, n.value)
       FROM (SELECT k.key, count(*)::int AS count FROM (
               SELECT u.key FROM ${rows} m, unnest(m.${keys}) AS u(key) WHERE ${counted} <= ${exactLimit} AND ${where}
               UNION ALL
               SELECT u.key FROM ${FACET_SAMPLE} m, unnest(m.${keys}) AS u(key) WHERE ${counted} > ${exactLimit} AND ${where}) k
             GROUP BY k.key ORDER BY count(*) DESC, k.key LIMIT ${FACET_FETCH}) c
       JOIN depeches.facet_names n ON n.facet = '${kind}' AND n.key = c.key), '[]'::json))
     FROM (SELECT ${counted} AS rows, (SELECT count(*) FROM ${FACET_SAMPLE} m WHERE ${where}) AS sampled) s)`;
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
