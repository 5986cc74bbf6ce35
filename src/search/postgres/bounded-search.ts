/**
 * The PostgreSQL search statement of a keystroke with many matches, whose
 * cost follows the page, not the matches (as the embedded engine's keystroke
 * budgets, src/search/keystroke-options.ts).
 *
 * The exact statement (./search-sql.ts) materialises every matching row to
 * count the total and the dates: a beginning of one or two letters matches
 * 90 % of the archive, and finding, counting and sorting 90 000 rows was
 * most of a keystroke at 100 000 articles, whatever the page. Here:
 *
 *   - the matches are first found in the fixed sample of stories
 *     (src/index/postgres/search-sample.ts, one in 32, with its own partial
 *     GIN index): when the sample's rows passing every filter, scaled, are
 *     more than `limit` (BOUNDED_LIMIT, 5 000), the total, the date
 *     counts and the facet counts are the sample's scaled, each marked
 *     approximate ("environ" on the page); otherwise the statement stops
 *     there (`bounded` false) and the exact statement runs;
 *   - the page is ranked as the exact statement ranks a broad query: ts_rank
 *     over the RANK_WINDOW newest matches passing the filters, read here in
 *     the order of the date index (search_rows_date), which stops once it
 *     has them (a broad query finds 1 000 matches in about as many rows),
 *     or, when fewer rows match (DATE_ORDER_SHARE), found by the GIN index
 *     and sorted; so the hits are the exact statement's.
 *
 * Its parameters are the exact statement's (searchParameters), so that one
 * request is answered by either.
 */
import { FACETS } from '../../analysis/index.js';
import { FACET_COLUMNS, inSearchSample, SAMPLE_BUCKET_COUNT, SEARCH_SAMPLE_BUCKETS } from '../../index/postgres/index.js';
import { FACET_FETCH, roundedCount } from './facet-counts.js';
import { bestOfStories, filterConditions, hitsSql, othersPass, passes, PASSES_ALL, QUOTED_MATCH, QUOTED_WORDS, RANK_WINDOW, rankSql, STORY_PARAMETER, type SearchRow } from './search-sql.js';
import type { FacetValue } from '../types.js';

/** The sorts the bounded statement pages in the date index's order; the others always take the exact statement. */
export type BoundedSort = 'relevance' | 'date';

/** Sample buckets and row limit of the bounded statement (tests lower them to cross them on a small archive). */
export interface BoundedOptions {
  /** Buckets of 1 024 in the sample (default SEARCH_SAMPLE_BUCKETS: the one with a partial index). */
  buckets?: number;
  /** Estimated rows passing the filters above which the counts are the sample's (default BOUNDED_LIMIT). */
  limit?: number;
}

/** The statement's row: the exact statement's, and whether it answered (`bounded`) or the exact one must. */
export type BoundedRow = SearchRow & { bounded: boolean };

/** Estimated rows passing the filters above which a keystroke is answered from the sample (its total, dates and facets). */
export const BOUNDED_LIMIT = 5_000;

/**
 * Share of the archive a query must match for its newest matches to be read
 * in date order: about 1 000 / share rows then come from the date index,
 * and every one is tested against the query (its tsvector read); fewer
 * matches are found cheaper by the GIN index and sorted.
 */
export const DATE_ORDER_SHARE = 0.3;

/** The sample's matching rows (CTE). */
const SAMPLED = 'sampled';
/** Whether the counts are the sample's (CTE with one row, column `bounded`). */
const PROBE = 'probe';
const GATE = `(SELECT bounded FROM ${PROBE})`;

/** The bounded search statement for `sort`, each story once when `grouped`. */
export function boundedSearchSql(sort: BoundedSort, grouped: boolean, options: BoundedOptions = {}): string {
  const buckets = options.buckets ?? SEARCH_SAMPLE_BUCKETS;
  const limit = options.limit ?? BOUNDED_LIMIT;
  // Rows per sampled row: the build's (its articles over the sample's), else the buckets' ratio (a build written before migration 8, or a test's sample).
  const ratio = SAMPLE_BUCKET_COUNT / buckets;
  const scaleSql = buckets === SEARCH_SAMPLE_BUCKETS ? `(SELECT coalesce(b.document_count::numeric / nullif(b.sampled_count, 0), ${ratio}) FROM depeches.build b)` : `${ratio}::numeric`;
  const scale = '(SELECT factor FROM scale)';
  const filters = filterConditions('d');
  const passing = filters.map(([, condition]) => condition).join(' AND ');
  const key = (k: number) => `key_${k}`;
  const counts = (name: string) => othersPass(passes(name as (typeof FACETS)[number]));
  const windowSize = `greatest(${RANK_WINDOW}, $5::int + $6::int)`;
  // The newest matches passing the filters. When most rows match, from the date index, which stops once it has them (the CASE tests the
  // filters, in the row, before the tsvector, out of line, and keeps the GIN index, which would find every match first, out of this scan);
  // else from the GIN index, the passing rows sorted by date (`+ 0` keeps the date index out), each ranked row's tsvector read by its id.
  const scanned = `SELECT d.id, d.date, d.story, ${sort === 'relevance' ? rankSql('d.tsv') : '0::real'} AS score
    FROM depeches.search_rows d
    WHERE (SELECT bounded AND by_date FROM ${PROBE}) AND CASE WHEN ${passing} THEN d.tsv @@ $1::tsquery ELSE false END
    ORDER BY d.date DESC NULLS LAST, d.id LIMIT ${windowSize}`;
  const found = `SELECT r.id, r.date, r.story, ${sort === 'relevance' ? rankSql('(SELECT s.tsv FROM depeches.search_rows s WHERE s.id = r.id)') : '0::real'} AS score
    FROM (SELECT d.id, d.date, d.story FROM depeches.search_rows d
          WHERE (SELECT bounded AND NOT by_date FROM ${PROBE}) AND d.tsv @@ $1::tsquery AND ${passing}
          ORDER BY d.date + 0 DESC NULLS LAST, d.id LIMIT ${windowSize}) r`;
  return `
  WITH unused_parameters AS (SELECT $7::tsquery[] AS clauses, $8::int AS required, $${STORY_PARAMETER}::text AS story, $${QUOTED_WORDS}::text[] AS quoted_words, $${QUOTED_MATCH}::tsquery AS quoted_match),
  scale AS MATERIALIZED (SELECT coalesce(${scaleSql}, ${ratio}) AS factor),
  ${SAMPLED} AS MATERIALIZED (
    SELECT d.id, d.date, d.story, d.in_story, ${FACET_COLUMNS.map((c) => `d.${c.keys}`).join(', ')},
           ${filters.map(([flag, condition]) => `${condition} AS ${flag}`).join(',\n           ')}
    FROM depeches.search_rows d
    WHERE ${inSearchSample('d', buckets)} AND d.tsv @@ $1::tsquery
  ),
  ${PROBE} AS MATERIALIZED (
    SELECT count(*) FILTER (WHERE ${PASSES_ALL}) * ${scale} > ${limit} AS bounded,
           count(*) * ${scale} >= ${DATE_ORDER_SHARE} * (SELECT document_count FROM depeches.build) AS by_date
    FROM ${SAMPLED}),
  window_rows AS ((${scanned}) UNION ALL (${found})),
  page AS (SELECT id, date, score FROM ${bestOfStories('window_rows', 'id, date, score, story', sort, grouped)} p ORDER BY ${sort === 'relevance' ? 'score DESC, id' : 'date DESC NULLS LAST, id'} LIMIT $5 OFFSET $6),
  key_counts AS MATERIALIZED (
    SELECT ${FACET_COLUMNS.map((_c, k) => key(k)).join(', ')}, count(*)::int AS count FROM (
      SELECT ${FACET_COLUMNS.map((_c, k) => `CASE WHEN u.counts_${k} THEN u.${key(k)} END AS ${key(k)}`).join(', ')} FROM (
        SELECT ${FACET_COLUMNS.map((c, k) => `(${counts(c.name)}) AS counts_${k}, unnest(m.${c.keys}) AS ${key(k)}`).join(', ')}
        FROM ${SAMPLED} m WHERE ${GATE}) u) k
    GROUP BY GROUPING SETS (${FACET_COLUMNS.map((_c, k) => `(${key(k)})`).join(', ')}))
  SELECT ${GATE} AS bounded,
    (SELECT round((${grouped ? `count(*) FILTER (WHERE ${PASSES_ALL} AND NOT in_story) + count(DISTINCT story) FILTER (WHERE ${PASSES_ALL} AND in_story)` : `count(*) FILTER (WHERE ${PASSES_ALL})`}) * ${scale}) FROM ${SAMPLED})::int AS total,
    (SELECT round(count(*) FILTER (WHERE ${PASSES_ALL}) * ${scale}) FROM ${SAMPLED})::int AS articles,
    (SELECT round(count(*) * ${scale}) FROM ${SAMPLED})::int AS matched,
    CASE WHEN ${GATE} THEN ${hitsSql(sort, grouped)} ELSE '[]'::json END AS hits,
    ${FACET_COLUMNS.map(
      (c, k) => `json_build_object('approximate', true, 'values', coalesce((
       SELECT json_agg(json_build_object('value', n.value, 'count', round(c.count * ${scale})::int) ORDER BY c.count DESC, n.value)
       FROM (SELECT ${key(k)} AS key, count FROM key_counts WHERE ${key(k)} IS NOT NULL ORDER BY count DESC, ${key(k)} LIMIT ${FACET_FETCH}) c
       JOIN depeches.facet_names n ON n.facet = '${c.pgKey}' AND n.key = c.key), '[]'::json)) AS ${c.name},`,
    ).join('\n    ')}
    (SELECT coalesce(json_agg(p ORDER BY p.value), '[]'::json) FROM (
       SELECT v.value, round(sum(days.count) * ${scale})::int AS count
       FROM (SELECT m.date, count(*) AS count FROM ${SAMPLED} m WHERE ${GATE} AND ${othersPass('by_d')} AND m.date IS NOT NULL GROUP BY m.date) days,
            LATERAL (VALUES (to_char(days.date, 'YYYY')), (to_char(days.date, 'YYYY-MM'))) AS v(value)
       GROUP BY v.value) p) AS dates`;
}

/** The estimated dates as shown: rounded to two significant digits and flagged. */
export function approximateDates(dates: FacetValue[]): FacetValue[] {
  return dates.map((d) => ({ value: d.value, count: roundedCount(d.count), approximate: true }));
}
