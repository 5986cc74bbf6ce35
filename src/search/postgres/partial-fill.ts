/**
 * The partial fill of the PostgreSQL backend, as the embedded engine's
 * (src/search/evaluate.ts, README "Ranking"): when fewer articles than a
 * page (RANKING.partialFill) hold every word, the list goes on with those
 * holding all but one (of two words, those holding the rarer), after them:
 * a second statement on the same search, whose page continues where the
 * full matches end, whose counts are added to theirs, and whose hits say
 * the word they lack.
 */
import type pg from 'pg';
import { RANKING } from '../ranking-options.js';
import { formatClause } from '../understood.js';
import type { FacetValue, ParsedQuery, SearchRequest } from '../types.js';
import type { SearchRow } from './search-sql.js';
import { partialMatch, type CompiledTsQuery } from './tsquery.js';

/** Articles counted per clause to tell the rarer of two: past this, both are common and either is dropped. */
const COUNT_CAP = 10_000;

export interface PartialFill {
  /** The statement's row for the partial matches: its page continues the full matches'. */
  row: SearchRow;
  /** By hit id: the word (clause) it lacks, as typed ('' when not told). */
  lacks: Map<string, string>;
  /** The words the partial hits lack, the most lacked first. */
  lacking: string[];
  matched: number;
  of: number;
}

/**
 * The partial fill of a search whose full matches are `full` (null when
 * there is none to make). `run` runs the search statement for a match, its
 * relaxed clauses, and a page given as a limit and an offset.
 */
export async function partialFillPostgres(
  client: pg.PoolClient,
  request: SearchRequest,
  parsed: ParsedQuery,
  compiled: CompiledTsQuery,
  full: SearchRow,
  run: (match: string, clauses: string[], required: number, limit: number, offset: number) => Promise<SearchRow>,
): Promise<PartialFill | null> {
  const { positive, positiveClauses } = compiled;
  if (positive.length < RANKING.partialMinWords || full.matched === 0 || full.matched >= RANKING.partialFill) return null;
  let counts: number[] = [];
  if (positive.length === 2) {
    const result = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM depeches.search_rows d WHERE d.tsv @@ c.q LIMIT ${COUNT_CAP}) x)::int AS n
       FROM unnest($1::tsquery[]) WITH ORDINALITY AS c(q, k) ORDER BY c.k`,
      [positive],
    );
    counts = result.rows.map((r) => r.n);
  }
  const fill = partialMatch(compiled, counts);
  // The page's places the full matches leave: from where they end.
  const first = (request.page - 1) * request.perPage;
  const row = await run(fill.match, fill.clauses, fill.required, request.perPage - full.hits.length, Math.max(0, first - full.total));
  if (row.total === 0) return null;
  const word = (clause: number) => (clause < 0 ? '' : formatClause(parsed.clauses[clause]));
  const lacks = new Map<string, string>();
  if (fill.lacked !== null) {
    for (const hit of row.hits) lacks.set(hit.id, word(positiveClauses[fill.lacked]));
  } else if (row.hits.length > 0) {
    // Which clause each hit of the page lacks: the first it does not match.
    const result = await client.query<{ id: string; lacked: number | null }>(
      `SELECT d.id, (SELECT min(c.k) FROM unnest($2::tsquery[]) WITH ORDINALITY AS c(q, k) WHERE NOT d.tsv @@ c.q)::int AS lacked
       FROM depeches.search_rows d WHERE d.id = ANY($1::text[])`,
      [row.hits.map((h) => h.id), positive],
    );
    for (const r of result.rows) lacks.set(r.id, r.lacked === null ? '' : word(positiveClauses[r.lacked - 1]));
  }
  const tally = new Map<string, number>();
  for (const w of lacks.values()) if (w) tally.set(w, (tally.get(w) ?? 0) + 1);
  const lacking = fill.lacked !== null ? [word(positiveClauses[fill.lacked])] : [...tally].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return { row, lacks, lacking, matched: positive.length - 1, of: positive.length };
}

/** Two lists of counted values as one: the counts of a value added, approximate when either is. */
export function addedValues(a: FacetValue[], b: FacetValue[]): FacetValue[] {
  const sum = new Map<string, FacetValue>();
  for (const v of [...a, ...b]) {
    const old = sum.get(v.value);
    const approximate = old?.approximate || v.approximate;
    sum.set(v.value, { value: v.value, count: (old?.count ?? 0) + v.count, ...(approximate ? { approximate: true as const } : {}) });
  }
  return [...sum.values()];
}
