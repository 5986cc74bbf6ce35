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
 *     approximate ("environ" on the page);
 *   - the narrow case: when the sample's matches, scaled, are more than
 *     NARROW_MATCHES but the rows passing the facet filters are not (a
 *     broad beginning with a speaker selected), only those rows are read
 *     (from the GIN index, materialised): the total, the dates and the
 *     counts of the facets without a selection are exact, those of a facet
 *     with values selected (which count the matches passing the other
 *     filters) are the sample's, marked approximate, as the exact statement
 *     would sample them;
 *   - otherwise the statement stops there (`bounded` and `narrow` false)
 *     and the exact statement runs;
 *   - the page is ranked as the exact statement ranks a broad query: ts_rank
 *     over the RANK_WINDOW newest matches passing the filters, read here in
 *     the order of the date index (search_rows_date), which stops once it
 *     has them (a broad query finds 1 000 matches in about as many rows),
 *     or, when fewer rows match and pass the filters (DATE_ORDER_SHARE),
 *     found by the GIN index of the tsvector and the facet keys
 *     (search_rows_match) and sorted; so the hits are the exact statement's.
 *
 * Its parameters are the exact statement's (searchParameters), so that one
 * request is answered by either.
 */
import { FACETS } from '../../analysis/index.js';
import { FACET_COLUMNS, inSearchSample, SAMPLE_BUCKET_COUNT, SEARCH_SAMPLE_BUCKETS } from '../../index/postgres/index.js';
import { FACET_FETCH, roundedCount } from './facet-counts.js';
import { bestOfStories, FACET_PARAMETER, filterConditions, hitsSql, MONTH_SQL, othersPass, passes, PASSES_ALL, QUOTED_MATCH, QUOTED_WORDS, RANK_WINDOW, rankSql, STORY_PARAMETER, type SearchRow } from './search-sql.js';
import type { FacetValue } from '../types.js';

/** The sorts the bounded statement pages in the date index's order; the others always take the exact statement. */
export type BoundedSort = 'relevance' | 'date';

/** Sample buckets and row limit of the bounded statement (tests lower them to cross them on a small archive). */
export interface BoundedOptions {
  /** Buckets of 1 024 in the sample (default SEARCH_SAMPLE_BUCKETS: the one with a partial index). */
  buckets?: number;
  /** Estimated rows passing the filters above which the counts are the sample's (default BOUNDED_LIMIT). */
  limit?: number;
  /** Estimated matches above which, with at most as many rows passing the facet filters, the passing rows alone are counted (the narrow case; default NARROW_MATCHES). */
  manyAbove?: number;
}

/** The statement's row: the exact statement's, and whether it answered (`bounded`) or the exact one must. */
export type BoundedRow = SearchRow & { bounded: boolean; narrow: boolean };

/** Estimated rows passing the filters above which a keystroke is answered from the sample (its total, dates and facets). */
export const BOUNDED_LIMIT = 5_000;

/** Estimated matches above which, with at most as many rows passing the facet filters, a keystroke reads the passing rows alone (the narrow case). */
export const NARROW_MATCHES = 10_000;

/**
 * Share of the archive a query's matches passing the filters must be for
 * its newest ones to be read in date order: about 1 000 / share rows then
 * come from the date index, and every one passing the filters is tested
 * against the query (its tsvector read); fewer are found cheaper by the GIN
 * index and sorted. The share is of the passing rows, not of the matches: a
 * broad beginning (38 % of the archive) with the most quoted speaker
 * selected (6 % pass) read 16 000 rows of the date index and 2 600
 * tsvectors for its 1 000 newest (100 ms at 100 000 articles, load 12),
 * where the GIN index gives the 6 000 passing rows at once (about 40 ms).
 */
export const DATE_ORDER_SHARE = 0.3;

/** The sample's matching rows (CTE). */
const SAMPLED = 'sampled';
/** The matching rows passing every facet filter, in the narrow case (CTE). */
const PASSING = 'passing_rows';
/** Whether the counts are the sample's (`bounded`), or the narrow case's (`narrow`): CTE with one row. */
const PROBE = 'probe';
const GATE = `(SELECT bounded OR narrow FROM ${PROBE})`;
const NARROW = `(SELECT narrow FROM ${PROBE})`;

/** The bounded search statement for `sort`, each story once when `grouped`. */
export function boundedSearchSql(sort: BoundedSort, grouped: boolean, options: BoundedOptions = {}): string {
  const buckets = options.buckets ?? SEARCH_SAMPLE_BUCKETS;
  const limit = options.limit ?? BOUNDED_LIMIT;
  const many = options.manyAbove ?? NARROW_MATCHES;
  // Rows per sampled row: the build's (its articles over the sample's), else the buckets' ratio (a build written before migration 9, or a test's sample).
  const ratio = SAMPLE_BUCKET_COUNT / buckets;
  const scaleSql = buckets === SEARCH_SAMPLE_BUCKETS ? `(SELECT coalesce(b.document_count::numeric / nullif(b.sampled_count, 0), ${ratio}) FROM depeches.build b)` : `${ratio}::numeric`;
  const scale = '(SELECT factor FROM scale)';
  const filters = filterConditions('d');
  const passing = filters.map(([, condition]) => condition).join(' AND ');
  const facetsPass = filters.filter(([flag]) => flag !== 'by_d').map(([, condition]) => condition).join(' AND ');
  const facetFlags = filters.filter(([flag]) => flag !== 'by_d').map(([flag]) => flag).join(' AND ');
  const key = (k: number) => `key_${k}`;
  const counts = (name: string) => othersPass(passes(name as (typeof FACETS)[number]));
  const windowSize = `greatest(${RANK_WINDOW}, $5::int + $6::int)`;
  // The newest matches passing the filters. When most rows match, from the date index, which stops once it has them (the CASE tests the
  // filters, in the row, before the tsvector, out of line, and keeps the GIN index, which would find every match first, out of this scan);
  // else from the GIN index, the passing rows sorted by date (`+ 0` keeps the date index out). The rows ranked carry their tsvector's
  // TOAST pointer (the sort copies the pointer, not the tsvector): ts_rank reads it once, without an index probe per row for it.
  const scanned = `SELECT d.id, d.date, d.story, ${sort === 'relevance' ? rankSql('d.tsv') : '0::real'} AS score
    FROM depeches.search_rows d
    WHERE (SELECT bounded AND by_date FROM ${PROBE}) AND CASE WHEN ${passing} THEN d.tsv @@ $1::tsquery ELSE false END
    ORDER BY d.date DESC NULLS LAST, d.id LIMIT ${windowSize}`;
  const found = `SELECT r.id, r.date, r.story, ${sort === 'relevance' ? rankSql('r.tsv') : '0::real'} AS score
    FROM (SELECT d.id, d.date, d.story, d.tsv FROM depeches.search_rows d
          WHERE (SELECT bounded AND NOT by_date FROM ${PROBE}) AND d.tsv @@ $1::tsquery AND ${passing}
          ORDER BY d.date + 0 DESC NULLS LAST, d.id LIMIT ${windowSize}) r`;
  // The narrow case: the passing rows are all there.
  const listed = `SELECT r.id, r.date, r.story, ${sort === 'relevance' ? rankSql('r.tsv') : '0::real'} AS score
    FROM (SELECT p.id, p.date, p.story, p.tsv FROM ${PASSING} p WHERE p.by_d ORDER BY p.date DESC NULLS LAST, p.id LIMIT ${windowSize}) r`;
  // `unselected`: only the facets without a value selected are counted (the narrow case's passing rows; the others are the sample's), their keys alone unnested.
  const keyCounts = (name: string, rows: string, where: (f: string) => string, unselected = false) => `${name} AS MATERIALIZED (
    SELECT ${FACET_COLUMNS.map((_c, k) => key(k)).join(', ')}, count(*)::int AS count FROM (
      SELECT ${FACET_COLUMNS.map((_c, k) => `CASE WHEN u.counts_${k} THEN u.${key(k)} END AS ${key(k)}`).join(', ')} FROM (
        SELECT ${FACET_COLUMNS.map((c, k) => `(${where(c.name)}) AS counts_${k}, unnest(${unselected ? `CASE WHEN cardinality($${FACET_PARAMETER + k}::text[]) = 0 THEN m.${c.keys} END` : `m.${c.keys}`}) AS ${key(k)}`).join(', ')}
        FROM ${rows}) u) k
    GROUP BY GROUPING SETS (${FACET_COLUMNS.map((_c, k) => `(${key(k)})`).join(', ')}))`;
  const facetJson = (k: number, keyCountsCte: string, factor: string, approximate: boolean) => `json_build_object('approximate', ${approximate}, 'values', coalesce((
       SELECT json_agg(json_build_object('value', n.value, 'count', round(c.count * ${factor})::int) ORDER BY c.count DESC, n.value)
       FROM (SELECT ${key(k)} AS key, count FROM ${keyCountsCte} WHERE ${key(k)} IS NOT NULL ORDER BY count DESC, ${key(k)} LIMIT ${FACET_FETCH}) c
       JOIN depeches.facet_names n ON n.facet = '${FACET_COLUMNS[k].pgKey}' AND n.key = c.key), '[]'::json))`;
  const dateJson = (rows: string, where: string, factor: string) => `(SELECT coalesce(json_agg(p ORDER BY p.value), '[]'::json) FROM (
       SELECT v.value, round(sum(months.count) * ${factor})::int AS count
       FROM (SELECT ${MONTH_SQL} AS month, count(*) AS count FROM ${rows} m WHERE ${where} AND m.date IS NOT NULL GROUP BY 1) months,
            LATERAL (VALUES (to_char(months.month, 'YYYY')), (to_char(months.month, 'YYYY-MM'))) AS v(value)
       GROUP BY v.value) p)`;
  const stories = (where: string) =>
    grouped ? `count(*) FILTER (WHERE ${where} AND NOT in_story) + count(DISTINCT story) FILTER (WHERE ${where} AND in_story)` : `count(*) FILTER (WHERE ${where})`;
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
    SELECT bounded, NOT bounded AND many AND few_pass AS narrow, by_date FROM (
      SELECT count(*) FILTER (WHERE ${PASSES_ALL}) * ${scale} > ${limit} AS bounded,
             count(*) * ${scale} > ${many} AS many,
             count(*) FILTER (WHERE ${facetFlags}) * ${scale} <= ${many} AS few_pass,
             count(*) FILTER (WHERE ${PASSES_ALL}) * ${scale} >= ${DATE_ORDER_SHARE} * (SELECT document_count FROM depeches.build) AS by_date
      FROM ${SAMPLED}) estimates),
  ${PASSING} AS MATERIALIZED (
    SELECT d.id, d.date, d.story, d.in_story, d.tsv, ${FACET_COLUMNS.map((c) => `d.${c.keys}`).join(', ')},
           ${filters.map(([flag, condition]) => `${flag === 'by_d' ? condition : 'true'} AS ${flag}`).join(',\n           ')}
    FROM depeches.search_rows d
    WHERE ${NARROW} AND d.tsv @@ $1::tsquery AND ${facetsPass}
  ),
  window_rows AS ((${scanned}) UNION ALL (${found}) UNION ALL (${listed})),
  page AS (SELECT id, date, score FROM ${bestOfStories('window_rows', 'id, date, score, story', sort, grouped)} p ORDER BY ${sort === 'relevance' ? 'score DESC, id' : 'date DESC NULLS LAST, id'} LIMIT $5 OFFSET $6),
  ${keyCounts('key_counts', `${SAMPLED} m WHERE ${GATE}`, counts)},
  ${keyCounts('passing_key_counts', `${PASSING} m WHERE m.by_d`, () => 'true', true)}
  SELECT (SELECT bounded FROM ${PROBE}) AS bounded, ${NARROW} AS narrow,
    CASE WHEN ${NARROW} THEN (SELECT ${stories('by_d')} FROM ${PASSING})
         ELSE (SELECT round((${stories(PASSES_ALL)}) * ${scale}) FROM ${SAMPLED}) END::int AS total,
    CASE WHEN ${NARROW} THEN (SELECT count(*) FILTER (WHERE by_d) FROM ${PASSING})
         ELSE (SELECT round(count(*) FILTER (WHERE ${PASSES_ALL}) * ${scale}) FROM ${SAMPLED}) END::int AS articles,
    (SELECT round(count(*) * ${scale}) FROM ${SAMPLED})::int AS matched,
    CASE WHEN ${GATE} THEN ${hitsSql(sort, grouped)} ELSE '[]'::json END AS hits,
    ${FACET_COLUMNS.map(
      // A facet with no value selected counts, in the narrow case, the passing rows (exact); one with values selected counts the matches passing the other filters (the sample's).
      (c, k) => `CASE WHEN ${NARROW} AND cardinality($${FACET_PARAMETER + k}::text[]) = 0 THEN ${facetJson(k, 'passing_key_counts', '1', false)}
         ELSE ${facetJson(k, 'key_counts', scale, true)} END AS ${c.name},`,
    ).join('\n    ')}
    CASE WHEN ${NARROW} THEN ${dateJson(PASSING, 'true', '1')}
         ELSE ${dateJson(SAMPLED, `${GATE} AND ${othersPass('by_d')}`, scale)} END AS dates`;
}

/** The estimated dates as shown: rounded to two significant digits and flagged. */
export function approximateDates(dates: FacetValue[]): FacetValue[] {
  return dates.map((d) => ({ value: d.value, count: roundedCount(d.count), approximate: true }));
}
