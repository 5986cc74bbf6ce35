/**
 * The search statement of the PostgreSQL backend and its parameters, one
 * place for their numbering: the facet filters, flags and counts come from
 * the field declaration (src/analysis/fields.ts, columns in
 * src/index/postgres/fields.ts).
 */
import { FACETS, facetKey, type FacetName } from '../../analysis/index.js';
import { FACET_COLUMNS, parsable, TS_CONFIG } from '../../index/postgres/index.js';
import type { FacetValue, SearchHit, SearchRequest } from '../types.js';
import { bucketSql, FACET_EXACT_LIMIT, FACET_STATS, facetCountsSql, facetCtes, facetKeyCountsCte, ROW_AT, type CountedFacet, type FacetCountsRow } from './facet-counts.js';

/** Placeholders ts_headline puts around matches; the text is escaped, then they become <mark>. */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const MARKS = `StartSel=${OPEN}, StopSel=${CLOSE}`;
export const SNIPPET_OPTIONS = `${MARKS}, MaxFragments=1, MaxWords=32, MinWords=16, ShortWord=2, FragmentDelimiter=" … "`;
export const ALL_OPTIONS = `${MARKS}, HighlightAll=true`;

/** Ranks: ts_rank weights {D, C, B, A} in the ratios of the embedded boosts (text 1, organisations and speakers 1.5, title 2.5). */
const RANK_WEIGHTS = '{0.4, 0.6, 0.6, 1.0}';

/**
 * Most matching articles ranked by ts_rank, which reads each one's whole
 * tsvector: for a broad query (a beginning of one letter completes to words
 * most articles hold) the most relevant among the RANK_WINDOW newest matches.
 * Fewer matches than that (any selective query) are all ranked.
 */
export const RANK_WINDOW = 1000;

/** Memory for one search's sorts and its matching rows (they would otherwise spill to disk past a few tens of thousands). */
export const SEARCH_WORK_MEM = '32MB';

export const ORDER_BY: Record<'relevance' | 'date' | 'date-asc', string> = {
  relevance: 'score DESC, id',
  date: 'date DESC NULLS LAST, id',
  'date-asc': 'date ASC NULLS LAST, id DESC',
};

/**
 * The search statement. `m` holds the matching rows, narrow (id, date, story,
 * sample bucket, whether each filter passes, where the row is; not the facet
 * keys, which only the rows counted read, and of the tsvector, which only the
 * rows ranked read, its TOAST pointer): the GIN index of depeches.search_rows finds them and, for plain
 * lexemes, needs no recheck of their tsvector (the statement runs with
 * sequential scans off: a seq scan would decompress every tsvector to test
 * it). Only rows passing every filter are ranked, and only when the order is
 * by relevance; the page is a top-N
 * of them (see RANK_WINDOW), and ts_headline (which parses the whole text) runs for the page
 * alone. Facet counts group the keys of `m` (each article holds a key once),
 * over a sample when the rows are many (./facet-counts.ts), and name the top
 * ones from depeches.facet_names.
 */
/** The statement's parameters before the facet filters ($1 to $8); facet f's selected keys are $${FACET_PARAMETER + f}. */
export const FACET_PARAMETER = 9;
/** Each facet's filter flag in `m`, and the flags of all filters (facets and dates). */
export const passes = (name: FacetName) => `by_${name}`;
export const PASSES_ALL = [...FACETS.map(passes), 'by_d'].join(' AND ');
const PASSES_ALL_M = [...FACETS.map(passes), 'by_d'].map((flag) => `m.${flag}`).join(' AND ');
/** Every filter flag but one's own: what a facet's (or the date's) disjunctive counts require. */
export const othersPass = (own: string) => [...FACETS.map(passes), 'by_d'].filter((flag) => flag !== own).map((flag) => `m.${flag}`).join(' AND ');

/** The parameter of `story=ID` (null when not given), after the facets'. */
export const STORY_PARAMETER = FACET_PARAMETER + FACETS.length;
/** An article's story; an article written before stories were (NULL) stands alone. */
export const STORY = 'coalesce(story, id)';

/** Parameters after the story's: the folded words a quotation's speaker must hold, and the tsquery its words must match (cite:, citation:). */
export const QUOTED_WORDS = STORY_PARAMETER + 1;
export const QUOTED_MATCH = QUOTED_WORDS + 1;
/** One quotation of the article (depeches.quotations) by that speaker holding those words, when the query asks so (src/search/quotation-query.ts). */
const QUOTED = `($${QUOTED_WORDS}::text[] IS NULL OR EXISTS (
        SELECT 1 FROM depeches.quotations q WHERE q.document_id = d.id
          AND (cardinality($${QUOTED_WORDS}::text[]) = 0 OR string_to_array(q.speaker_key, ' ') @> $${QUOTED_WORDS}::text[])
          AND ($${QUOTED_MATCH}::tsquery IS NULL OR q.tsv @@ $${QUOTED_MATCH}::tsquery)))`;

/**
 * Each filter's flag and its condition on a search row of `alias`: one per
 * facet (no key selected, or one of them held), then the dates' (`by_d`).
 */
export function filterConditions(alias: string): [flag: string, condition: string][] {
  return [
    ...FACET_COLUMNS.map((c, f): [string, string] => [passes(c.name), `(cardinality($${FACET_PARAMETER + f}::text[]) = 0 OR ${alias}.${c.keys} && $${FACET_PARAMETER + f}::text[])`]),
    ['by_d', `(($3::date IS NULL AND $4::date IS NULL) OR (${alias}.date IS NOT NULL AND ($3::date IS NULL OR ${alias}.date >= $3::date) AND ($4::date IS NULL OR ${alias}.date <= $4::date)))`],
  ];
}

/**
 * The month of a row `m`'s date, what the date counts group the rows by
 * before naming each month and year with to_char: by month, not by day,
 * so that to_char runs for the hundred-odd months rather than the
 * thousands of days a few thousand matches span. A timestamp without time
 * zone, so that the session's TimeZone cannot move a date to another month.
 */
export const MONTH_SQL = "date_trunc('month', m.date::timestamp)";

/** Each story once: the first of each story in the list's order (`rows` has id, story and the order's columns). */
export function bestOfStories(rows: string, columns: string, sort: keyof typeof ORDER_BY, grouped: boolean): string {
  return grouped ? `(SELECT * FROM (SELECT DISTINCT ON (${STORY}) ${columns} FROM ${rows} r0 ORDER BY ${STORY}, ${ORDER_BY[sort]}) b)` : rows;
}

/** The ts_rank of a search row's tsvector `tsv` against the query ($1). */
export const rankSql = (tsv: string) => `ts_rank('${RANK_WEIGHTS}', ${tsv}, $1::tsquery, 1)`;

/**
 * The page's hits as one JSON array, from the CTE `page` (id, date, score):
 * each article's fields from depeches.documents, and ts_headline (which
 * parses the whole text) for these rows alone.
 */
export function hitsSql(sort: keyof typeof ORDER_BY, grouped: boolean): string {
  const order = ORDER_BY[sort];
  return `(SELECT coalesce(json_agg(h ORDER BY h.rank), '[]'::json) FROM (
       SELECT row_number() OVER (ORDER BY ${order.replace(/\b(score|date|id)\b/g, 'p.$1')}) AS rank, d.id, d.title, d.date, ${FACETS.map((name) => `d.${name}`).join(', ')}, p.score,
              hl.headline, $2::tsquery IS NULL AS plain,
              strpos(ltrim(${parsable('d.text')}), ltrim(translate(hl.headline, '${OPEN}${CLOSE}', ''))) AS at, length(rtrim(ltrim(d.text))) AS length,
              ${grouped ? `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'source', o.source) ORDER BY o.id), '[]'::json) FROM depeches.documents o WHERE d.story IS NOT NULL AND o.story = d.story AND o.id <> d.id)` : `'[]'::json`} AS others
       FROM page p JOIN depeches.documents d USING (id)
       CROSS JOIN LATERAL (SELECT CASE WHEN $2::tsquery IS NULL THEN left(d.text, 400)
                                       ELSE ts_headline('${TS_CONFIG}', ${parsable('d.text')}, $2::tsquery, '${SNIPPET_OPTIONS}') END AS headline) hl) h)`;
}

/**
 * `grouped`: each story once (src/search/stories.ts), by its first member
 * in the list's order (DISTINCT ON the story, ordered by the list's order
 * within it); the total counts stories, `articles` the rows, and each hit
 * lists the other articles of its story (the stories are counted without
 * grouping every match: an article whose story holds no other (`in_story`
 * false) is one story, only the others are grouped). `facetExactLimit`: most rows a
 * facet counts exactly (./facet-counts.ts).
 */
export function searchSql(sort: keyof typeof ORDER_BY, grouped = false, facetExactLimit = FACET_EXACT_LIMIT): string {
  const order = ORDER_BY[sort];
  const counted: CountedFacet[] = FACET_COLUMNS.map((c) => ({ name: c.name, keys: c.keys, where: othersPass(passes(c.name)) }));
  const best = (rows: string, columns: string) => bestOfStories(rows, columns, sort, grouped);
  // By relevance: ts_rank over the newest RANK_WINDOW passing rows (all of them for any selective query), then the page.
  const page =
    sort === 'relevance'
      ? `scored AS (
    -- each ranked row's tsvector by the TOAST pointer \`m\` carries (read once, by ts_rank; no index probe per row for it)
    SELECT r.id, r.date, r.story,
           CASE WHEN $1::tsquery IS NULL THEN 0 ELSE ${rankSql('r.tsv')} END AS score
    FROM (SELECT id, date, story, tsv FROM m WHERE ${PASSES_ALL} ORDER BY date DESC NULLS LAST, id LIMIT greatest(${RANK_WINDOW}, $5::int + $6::int)) r),
  page AS (SELECT id, date, score FROM ${best('scored', 'id, date, score, story')} s ORDER BY score DESC, id LIMIT $5 OFFSET $6)`
      : `page AS (SELECT id, 0::real AS score, date FROM ${best(`(SELECT id, date, story FROM m WHERE ${PASSES_ALL})`, 'id, date, story')} p ORDER BY ${order} LIMIT $5 OFFSET $6)`;
  return `
  WITH m AS MATERIALIZED (
    SELECT d.id, d.date, d.story, d.in_story, d.tsv, ${bucketSql('d.id')} AS bucket, d.ctid AS ${ROW_AT},
           ${filterConditions('d').map(([flag, condition]) => `${condition} AS ${flag}`).join(',\n           ')}
    FROM depeches.search_rows d
    WHERE ($1::tsquery IS NULL OR d.tsv @@ $1::tsquery)
      AND ($8::int = 0 OR (SELECT count(*) FROM unnest($7::tsquery[]) AS c(clause) WHERE d.tsv @@ c.clause) >= $8::int)
      AND ($${STORY_PARAMETER}::text IS NULL OR coalesce(d.story, d.id) = (SELECT coalesce(s.story, s.id) FROM depeches.documents s WHERE s.id = $${STORY_PARAMETER}::text))
      AND ${QUOTED}
  ),
  ${facetCtes('m', [...counted, { name: 'all', where: PASSES_ALL_M }, { name: 'alone', where: `${PASSES_ALL_M} AND NOT m.in_story` }], facetExactLimit)},
  ${facetKeyCountsCte('m', counted, facetExactLimit)},
  ${page}
  SELECT
    ${grouped ? `((SELECT rows_alone FROM ${FACET_STATS}) + (SELECT count(*) FROM (SELECT story FROM m WHERE ${PASSES_ALL} AND in_story GROUP BY 1) stories))` : `(SELECT rows_all FROM ${FACET_STATS})`}::int AS total,
    (SELECT rows_all FROM ${FACET_STATS})::int AS articles,
    (SELECT matched FROM ${FACET_STATS})::int AS matched,
    ${hitsSql(sort, grouped)} AS hits,
    ${FACET_COLUMNS.map((c, k) => `${facetCountsSql(counted[k], k, c.pgKey, facetExactLimit)} AS ${c.name},`).join('\n    ')}
    (SELECT coalesce(json_agg(p ORDER BY p.value), '[]'::json) FROM (
       SELECT v.value, sum(months.count)::int AS count
       FROM (SELECT ${MONTH_SQL} AS month, count(*) AS count FROM m WHERE ${othersPass('by_d')} AND m.date IS NOT NULL GROUP BY 1) months,
            LATERAL (VALUES (to_char(months.month, 'YYYY')), (to_char(months.month, 'YYYY-MM'))) AS v(value)
       GROUP BY v.value) p) AS dates`;
}

/** A hit as the statement returns it: the public fields but the snippet, and what the snippet is made from. */
export interface HitRow extends Omit<SearchHit, 'snippet'> {
  headline: string;
  plain: boolean;
  /** 1-based offset of the passage in the text (after leading blanks), 0 when not found. */
  at: number;
  /** Length of the text without trailing blanks. */
  length: number;
  /** The other articles of its story, when the list shows each story once. */
  others: { id: string; source: string | null }[];
}

export type SearchRow = {
  total: number;
  /** Rows passing the filters (`total` counts stories when grouped). */
  articles: number;
  /** Articles matching the query before the facet filters. */
  matched: number;
  hits: HitRow[];
  dates: FacetValue[];
} & Record<FacetName, FacetCountsRow>;

/** The statement's parameters, in its numbering: the query tsqueries, dates, page, relaxed clauses, then each facet's folded keys. */
export function searchParameters(request: SearchRequest, match: string | null, highlight: string | null, clauses: string[], required: number, quoted: QuotedCondition | null = null): unknown[] {
  return [
    match,
    highlight,
    request.from,
    request.to,
    request.perPage,
    (request.page - 1) * request.perPage,
    clauses,
    required,
    ...FACETS.map((name) => request.filters[name].map((v) => facetKey(withoutNul(v)))),
    request.story ? withoutNul(request.story) : null,
    quoted ? quoted.speakerWords : null,
    quoted ? quoted.match : null,
  ];
}

/** What a quotation must be for a `cite:` or `citation:` query: its speaker's folded words must include `speakerWords`, its words match `match`. */
export interface QuotedCondition {
  speakerWords: string[];
  match: string | null;
}

/** PostgreSQL text cannot hold NUL: it is no word character anyway. */
export function withoutNul(value: string): string {
  return value.includes('\0') ? value.replace(/\0/g, ' ') : value;
}

