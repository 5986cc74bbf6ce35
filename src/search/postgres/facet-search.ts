/**
 * Facet search and suggestions on PostgreSQL, answering as the embedded
 * engine does (src/search/facet-search.ts, suggestions.ts): the same name
 * matching (src/search/name-match.ts, regular expressions on the folded
 * keys), the same counts, ties in French alphabetical order.
 */
import type pg from 'pg';
import { facetKey, type FacetName } from '../../analysis/index.js';
import { FACET_COLUMNS, TS_CONFIG } from '../../index/postgres/index.js';
import { MAX_DAYS } from '../day-counts.js';
import { completionLimit } from '../match-options.js';
import { wordShape } from '../query-plan.js';
import { FACET_SEARCH_LIMIT } from '../facet-search.js';
import { namePatterns } from '../name-match.js';
import { parseQuery } from '../parse-query.js';
import { NAME_MIN_LETTERS, NAME_SUGGESTIONS, SUGGESTED_FACETS, WORD_SUGGESTIONS, wordBeingTyped, type NameSuggestion, type Suggestions } from '../suggestions.js';
import type { FacetValue, SearchRequest } from '../types.js';
import { CLOSE, OPEN, withoutNul } from './search-sql.js';
import { compileTsQuery } from './tsquery.js';

const byCountThenName = (a: { count: number; value: string }, b: { count: number; value: string }) => b.count - a.count || a.value.localeCompare(b.value, 'fr');

export async function searchFacetPostgres(pool: pg.Pool, request: SearchRequest, name: FacetName, text: string): Promise<FacetValue[]> {
  const compiled = await compileTsQuery(pool, parseQuery(withoutNul(request.q)));
  const own = FACET_COLUMNS.find((c) => c.name === name)!;
  const others = FACET_COLUMNS.filter((c) => c.name !== name);
  const parameters: unknown[] = [compiled.match, request.from, request.to, namePatterns(withoutNul(text))];
  const filters = others.map((c) => {
    parameters.push(request.filters[c.name].map((v) => facetKey(withoutNul(v))));
    return `(cardinality($${parameters.length}::text[]) = 0 OR d.${c.keys} && $${parameters.length}::text[])`;
  });
  const result = await pool.query<FacetValue>(
    `SELECT n.value, c.count FROM (
       SELECT u.key, count(*)::int AS count
       FROM depeches.search_rows d, unnest(d.${own.keys}) AS u(key)
       WHERE ($1::tsquery IS NULL OR d.tsv @@ $1::tsquery)
         AND (($2::date IS NULL AND $3::date IS NULL) OR (d.date IS NOT NULL AND ($2::date IS NULL OR d.date >= $2::date) AND ($3::date IS NULL OR d.date <= $3::date)))
         ${filters.map((f) => `AND ${f}`).join(' ')}
         AND NOT EXISTS (SELECT 1 FROM unnest($4::text[]) AS p(re) WHERE u.key !~ p.re)
       GROUP BY u.key) c
     JOIN depeches.facet_names n ON n.facet = '${own.pgKey}' AND n.key = c.key`,
    parameters,
  );
  return result.rows.sort(byCountThenName).slice(0, FACET_SEARCH_LIMIT);
}

async function matchingNames(pool: pg.Pool, text: string, matched: NameSuggestion['matched']): Promise<NameSuggestion[]> {
  const patterns = namePatterns(text);
  if (patterns.length === 0 || facetKey(text).replace(/\s/g, '').length < NAME_MIN_LETTERS) return [];
  const parts = SUGGESTED_FACETS.map((facet) => {
    const column = FACET_COLUMNS.find((c) => c.name === facet)!;
    return `SELECT '${facet}' AS facet, n.value, (SELECT count(*)::int FROM depeches.documents d WHERE d.${column.keys} @> ARRAY[n.key]) AS count
            FROM depeches.facet_names n
            WHERE n.facet = '${column.pgKey}' AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS p(re) WHERE n.key !~ p.re)`;
  });
  const result = await pool.query<{ facet: NameSuggestion['facet']; value: string; count: number }>(parts.join(' UNION ALL '), [patterns]);
  return result.rows
    .filter((r) => r.count > 0)
    .map((r) => ({ ...r, matched }))
    .sort(byCountThenName)
    .slice(0, NAME_SUGGESTIONS);
}

/**
 * Completions of a beginning among the lexemes, as the embedded engine
 * picks them (src/search/suggestions.ts: the word's shape of the query plan,
 * as many of its most widespread completions as the plan's completion
 * limit), each as an article writes it.
 */
async function wordCompletions(pool: pg.Pool, word: string): Promise<string[]> {
  const shape = wordShape(word, true);
  const folded = shape?.folded ?? '';
  if (folded.length < 2 || !/^[\p{L}\p{N}-]+$/u.test(folded)) return [];
  const result = await pool.query<{ written: string | null }>(
    `SELECT (SELECT ts_headline('${TS_CONFIG}', concat_ws(E'\\n', d.title, d.text), quote_literal(t.term)::tsquery,
                                'StartSel=${OPEN}, StopSel=${CLOSE}, MaxFragments=1, MaxWords=3, MinWords=1')
             FROM depeches.search_rows s JOIN depeches.documents d USING (id) WHERE s.tsv @@ quote_literal(t.term)::tsquery LIMIT 1) AS written
     FROM (SELECT term, documents FROM depeches.terms WHERE term COLLATE "C" >= $1 AND term COLLATE "C" < $1 || chr(1114111) AND term <> $1
           ORDER BY documents DESC, term LIMIT ${completionLimit(folded)}) t
     ORDER BY t.documents DESC, t.term`,
    [folded],
  );
  const words: string[] = [];
  const seen = new Set<string>();
  for (const { written } of result.rows) {
    const form = written ? new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`).exec(written)?.[1] : undefined;
    if (!form || facetKey(form) === facetKey(word) || seen.has(form.toLowerCase())) continue;
    seen.add(form.toLowerCase());
    words.push(form);
    if (words.length >= WORD_SUGGESTIONS) break;
  }
  return words;
}

export async function suggestionsPostgres(pool: pg.Pool, q: string): Promise<Suggestions> {
  q = withoutNul(q);
  const text = q.trim();
  const word = wordBeingTyped(q);
  let names = await matchingNames(pool, text, 'query');
  if (names.length === 0 && word && word !== text) names = await matchingNames(pool, word, 'last-word');
  return { words: word ? await wordCompletions(pool, word) : [], names };
}


/** Articles per day among the results, within the request's date range (as src/search/day-counts.ts). */
export async function dayCountsPostgres(pool: pg.Pool, request: SearchRequest): Promise<FacetValue[]> {
  if (!request.from || !request.to) return [];
  const compiled = await compileTsQuery(pool, parseQuery(withoutNul(request.q)));
  const parameters: unknown[] = [compiled.match, request.from, request.to];
  const filters = FACET_COLUMNS.map((c) => {
    parameters.push(request.filters[c.name].map((v) => facetKey(withoutNul(v))));
    return `(cardinality($${parameters.length}::text[]) = 0 OR d.${c.keys} && $${parameters.length}::text[])`;
  });
  const result = await pool.query<FacetValue>(
    `SELECT to_char(d.date, 'YYYY-MM-DD') AS value, count(*)::int AS count FROM depeches.search_rows d
     WHERE ($1::tsquery IS NULL OR d.tsv @@ $1::tsquery) AND d.date >= $2::date AND d.date <= $3::date ${filters.map((f) => `AND ${f}`).join(' ')}
     GROUP BY d.date ORDER BY d.date LIMIT ${MAX_DAYS * 12}`,
    parameters,
  );
  return result.rows;
}
