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
 *     FACET_SAMPLE_ROWS of them), and each count is scaled by how many rows
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

/**
 * Most rows a facet count reads before it counts a sample instead (exact up
 * to this many matches). The embedded engine counts up to 10 000 in memory;
 * here counting 8 000 rows' keys exactly was still more than half of a
 * keystroke at 100 000 articles, and a sample of FACET_SAMPLE_ROWS is as
 * good from there on.
 */
export const FACET_EXACT_LIMIT = 2_500;

/**
 * Rows a sample aims at (never more than the exact limit): at 100 000
 * articles a sample of 10 000 rows cost a keystroke more than finding the
 * matches did. 2 500 rows put a value held by 5 % of the matches at ~125
 * rows of the sample, within ±9 % (one standard deviation), shown to two
 * significant digits and marked "environ" anyway.
 */
export const FACET_SAMPLE_ROWS = 2_500;

/** Sample buckets: an article is in bucket `hashtext(id) & (FACET_BUCKETS - 1)`. */
export const FACET_BUCKETS = 1024;

/** The SQL of an article's sample bucket, from its id. */
export const bucketSql = (id: string) => `(hashtext(${id}) & ${FACET_BUCKETS - 1})`;

/** Facet values fetched before the final ordering in JavaScript (French collation, as the embedded engine). */
export const FACET_FETCH = FACET_LIMIT * 2;

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
           CASE WHEN count(*) <= ${exactLimit} THEN ${FACET_BUCKETS} ELSE ceil(${FACET_BUCKETS}.0 * ${Math.min(exactLimit, FACET_SAMPLE_ROWS)} / count(*))::int END AS buckets,
           ${facets.map((f) => `count(*) FILTER (WHERE ${f.where}) AS ${rowsColumn(f.name)}`).join(',\n           ')}
    FROM ${rows} m),
  ${FACET_SAMPLE} AS MATERIALIZED (
    SELECT * FROM ${rows} m WHERE (SELECT matched FROM ${FACET_STATS}) > ${exactLimit} AND m.bucket < (SELECT buckets FROM ${FACET_STATS}))`;
}

/** A facet the statement counts: its name (for FACET_STATS), its column of folded keys, the condition a row it counts meets (on alias `m`). */
export interface CountedFacet {
  name: string;
  keys: string;
  where: string;
}

/**
 * The column of the matching rows holding where each row is (its ctid in
 * depeches.search_rows, stable within the statement): the rows counted fetch
 * their keys by it (a TID scan each), so the matching rows carry no key
 * arrays (the materialised matches of a keystroke matching most of the
 * archive were 196 bytes a row, three quarters of them keys).
 */
export const ROW_AT = 'row_at';

/** The CTE holding every facet's key counts, counted in one pass (see facetKeyCountsCte). */
export const FACET_KEY_COUNTS = 'facet_key_counts';

/** The column of FACET_KEY_COUNTS holding the keys of the k-th facet counted. */
const keyColumn = (k: number) => `key_${k}`;

/**
 * The CTE counting the keys of every facet in one pass over the rows they
 * count (it was one pass each, and each unnest of a row's keys costs about as
 * much as the grouping): each row's key arrays are unnested together
 * (in step, the shorter padded with NULL), each facet's key kept
 * only where that facet counts the row, and grouped by GROUPING SETS, one set
 * per facet (the k-th facet's counts are the rows where `key_k` is not null).
 * A facet counts every row of `rows` meeting its `where` when they are at
 * most `exactLimit`, else those of FACET_SAMPLE (its counts are then scaled,
 * see facetCountsSql): the two halves of the pass, each gated facet by facet
 * by a one-time comparison on FACET_STATS.
 */
export function facetKeyCountsCte(rows: string, facets: CountedFacet[], exactLimit = FACET_EXACT_LIMIT): string {
  const exact = (f: CountedFacet) => `(SELECT ${rowsColumn(f.name)} FROM ${FACET_STATS}) <= ${exactLimit}`;
  // The key arrays unnested in the select list (a ProjectSet, the arrays in step, the shorter padded with NULL): a third cheaper than a LATERAL unnest per row.
  const half = (from: string, sampled: boolean) => {
    const counts = (f: CountedFacet) => `(${sampled ? 'NOT ' : ''}${exact(f)} AND ${f.where})`;
    return `SELECT ${facets.map((_f, k) => `CASE WHEN u.counts_${k} THEN u.${keyColumn(k)} END AS ${keyColumn(k)}`).join(', ')} FROM (
        SELECT ${facets.map((f, k) => `${counts(f)} AS counts_${k}, unnest(r.${f.keys}) AS ${keyColumn(k)}`).join(', ')}
        FROM ${from} m JOIN depeches.search_rows r ON r.ctid = m.${ROW_AT} WHERE ${facets.map(counts).join(' OR ')}) u`;
  };
  return `${FACET_KEY_COUNTS} AS MATERIALIZED (
    SELECT ${facets.map((_f, k) => keyColumn(k)).join(', ')}, count(*)::int AS count FROM (
      ${half(rows, false)}
      UNION ALL
      ${half(FACET_SAMPLE, true)}) k
    GROUP BY GROUPING SETS (${facets.map((_f, k) => `(${keyColumn(k)})`).join(', ')}))`;
}

/**
 * One facet's counts as one JSON object {approximate, values: [{value,
 * count}]}, from FACET_KEY_COUNTS (the facet is the k-th of those it
 * counts): exact when it counts at most `exactLimit` rows, else counted over
 * FACET_SAMPLE and scaled by rows per row sampled. `kind` is the facet's
 * "char" in depeches.facet_names (which gives each key its name).
 */
export function facetCountsSql(facet: CountedFacet, k: number, kind: string, exactLimit = FACET_EXACT_LIMIT): string {
  const counted = `(SELECT ${rowsColumn(facet.name)} FROM ${FACET_STATS})`;
  const key = keyColumn(k);
  return `(SELECT json_build_object('approximate', s.rows > ${exactLimit}, 'values', coalesce((
       SELECT json_agg(json_build_object('value', n.value, 'count',
                CASE WHEN s.rows > ${exactLimit} THEN round(c.count::numeric * s.rows / greatest(s.sampled, 1))::int ELSE c.count END)
              ORDER BY c.count DESC, n.value)
       FROM (SELECT ${key} AS key, count FROM ${FACET_KEY_COUNTS} WHERE ${key} IS NOT NULL ORDER BY count DESC, ${key} LIMIT ${FACET_FETCH}) c
       JOIN depeches.facet_names n ON n.facet = '${kind}' AND n.key = c.key), '[]'::json))
     FROM (SELECT ${counted} AS rows, CASE WHEN ${counted} > ${exactLimit} THEN (SELECT count(*) FROM ${FACET_SAMPLE} m WHERE ${facet.where}) ELSE 0 END AS sampled) s)`;
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
