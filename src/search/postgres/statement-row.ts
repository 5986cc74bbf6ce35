/**
 * The row of a search's main statement: the bounded statement when the
 * sample says the matches are many (./bounded-search.ts), else the exact
 * one (./search-sql.ts). One place, so that the backend's answer and the
 * answers a build precomputes (./prefix-answers.ts) are the same statement's.
 */
import type pg from 'pg';
import type { SearchRequest, SortOrder } from '../types.js';
import { boundedSearchSql, type BoundedOptions, type BoundedRow } from './bounded-search.js';
import { searchParameters, searchSql, type QuotedCondition, type SearchRow } from './search-sql.js';
import type { CompiledTsQuery } from './tsquery.js';

/** The statement options of a reader (defaults in ./facet-counts.ts and ./bounded-search.ts). */
export interface StatementOptions {
  facetExactLimit: number;
  bounded: BoundedOptions;
}

/** The statement's row, and whether its total, dates and facets are the sample's estimates. */
export interface StatementAnswer {
  row: SearchRow;
  estimated: boolean;
}

/**
 * Runs the statement for `request` on `client`, inside a transaction whose
 * settings are the search's (sequential scans off when there is a query,
 * SEARCH_WORK_MEM).
 */
export async function statementAnswer(client: pg.PoolClient, request: SearchRequest, compiled: CompiledTsQuery, sort: SortOrder, grouped: boolean, quoted: QuotedCondition | null, options: StatementOptions): Promise<StatementAnswer> {
  // A keystroke with many matches: counted on a sample, its page read in date order (./bounded-search.ts); the exact statement when the sample says they are few.
  const boundable = compiled.match !== null && !request.story && !quoted && (sort === 'relevance' || sort === 'date');
  // Without parallel workers: their start-up (tens of ms on a loaded machine) was paid even by the branches the sample turns off.
  if (boundable) await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
  const bounded = boundable ? (await client.query<BoundedRow>(boundedSearchSql(sort, grouped, options.bounded), searchParameters(request, compiled.match, compiled.highlight, [], 0, null))).rows[0] : null;
  if (boundable) await client.query('RESET max_parallel_workers_per_gather');
  // Answered there when its total is estimated (`bounded`) or when many rows match but few pass the facet filters (`narrow`, exact).
  if (bounded && (bounded.bounded || bounded.narrow)) return { row: bounded, estimated: bounded.bounded };
  const exact = await client.query<SearchRow>(searchSql(sort, grouped, options.facetExactLimit), searchParameters(request, compiled.match, compiled.highlight, [], 0, quoted));
  return { row: exact.rows[0], estimated: false };
}
