/**
 * Answers a build precomputes for the keystrokes every reader types first:
 * a beginning of one or two letters (as the embedded engine keeps their
 * responses, src/search/short-prefixes.ts).
 *
 * Why: such a beginning completes to the commonest words of its letters and
 * matches most of the archive (one letter: 90 % of 100 000 articles), so
 * even the bounded statement (./bounded-search.ts) reads a sample of every
 * matching story, the newest thousand matches and their tsvectors, and on a
 * cold cache (a restarted server, a loaded machine) it was the slowest
 * keystroke of a session (0.4-0.5 s at 100 000 articles, 40 ms warm). There
 * are a few hundred such beginnings, the same for every reader, and a
 * build never changes until the next one: the statement's row for each is
 * computed once, in the build's transaction on the primary, and stored in
 * depeches.prefix_answers (schema.ts, migration 10), so that a standby
 * sees a build and its answers together, never one without the other.
 *
 * What is stored: the main statement's row (./statement-row.ts: hits with
 * their snippets, total, dates, facet counts) for the request as the page
 * sends it first (page 1, PREFIX_ANSWER_PER_PAGE hits, by relevance, each
 * story once), keyed by a hash of the statement's parameters and options:
 * a request is answered from the table only when the statement would have
 * run with exactly those parameters, so the answer is the one the
 * statement gives, whatever the plan. Answered so:
 *
 *   - every beginning of one or two letters of the index's terms
 *     (depeches.short_completions) whose completions are held by at least
 *     PREFIX_ANSWER_SHARE of the archive and PREFIX_ANSWER_MIN_MATCHES
 *     articles, without filters;
 *   - each of those of FILTERED_PREFIX_LENGTH letter with one value of
 *     a facet selected, for the PREFIX_FILTER_VALUES values of each facet
 *     held by the most articles (the ones a reader most often selects; with
 *     another value the statement's narrow case reads the passing rows
 *     only, ./bounded-search.ts).
 *
 * Everything else (another page, sort, date range, two values) runs the
 * statement. The rows are tied to their build (`build_id`): a reader uses
 * them only for the build in service, and a build deletes its
 * predecessor's.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { facetFilters, foldWord, FACETS, type FacetName } from '../../analysis/index.js';
import { FACET_COLUMNS } from '../../index/postgres/index.js';
import { parseQuery } from '../parse-query.js';
import type { ParsedQuery, SearchRequest, SortOrder } from '../types.js';
import { FACET_EXACT_LIMIT } from './facet-counts.js';
import { searchParameters, SEARCH_WORK_MEM } from './search-sql.js';
import { statementAnswer, type StatementAnswer, type StatementOptions } from './statement-row.js';
import { compileTsQuery, type CompiledTsQuery } from './tsquery.js';

/** Longest beginning (folded letters) whose answers a build precomputes. */
export const PREFIX_ANSWER_LENGTH = 2;

/**
 * Share of the archive a beginning's completions must be held by (their
 * document counts summed, depeches.terms: at least its matches) for its
 * answers to be precomputed: fewer matches are answered by the exact
 * statement over few rows, as fast as a longer word (at 100 000 articles,
 * 133 of the 292 two-letter beginnings are under it).
 */
export const PREFIX_ANSWER_SHARE = 0.05;

/**
 * Fewest matches (the same estimate) for an answer to be precomputed, whatever
 * the archive's size: the exact statement reads fewer rows as fast as a
 * longer word, and a small archive's build would otherwise compute an
 * answer for nearly every beginning.
 */
export const PREFIX_ANSWER_MIN_MATCHES = 1_000;

/** Longest beginning whose answers are also precomputed with one facet value selected. */
export const FILTERED_PREFIX_LENGTH = 1;

/** Values of each facet (those held by the most articles) a beginning's filtered answers are precomputed for. */
export const PREFIX_FILTER_VALUES = 4;

/** Hits per page of a precomputed answer: the page's default (src/web/params.ts). */
export const PREFIX_ANSWER_PER_PAGE = 10;

/** The statement options the answers are computed with (a reader with others never reads them). */
const DEFAULT_OPTIONS: StatementOptions = { facetExactLimit: FACET_EXACT_LIMIT, bounded: {} };

/** The folded beginning a parsed query is, when it is one word being typed of at most PREFIX_ANSWER_LENGTH letters; else null. */
function typedBeginning(parsed: ParsedQuery): string | null {
  if (parsed.clauses.length !== 1) return null;
  const clause = parsed.clauses[0];
  if (clause.kind !== 'word' || !clause.prefix || clause.negated || clause.field) return null;
  const folded = foldWord(clause.text);
  return folded.length > 0 && folded.length <= PREFIX_ANSWER_LENGTH ? folded : null;
}

/**
 * The key of a request's precomputed answer, or null when none can be
 * stored for it (not one short beginning, more than one facet value,
 * another page size or sort): a hash of what the statement reads.
 */
export function prefixAnswerKey(parsed: ParsedQuery, request: SearchRequest, compiled: CompiledTsQuery, sort: SortOrder, grouped: boolean, options: StatementOptions): string | null {
  if (compiled.match === null || typedBeginning(parsed) === null) return null;
  if (request.page !== 1 || request.perPage !== PREFIX_ANSWER_PER_PAGE || sort !== 'relevance' || !grouped || request.story || request.from || request.to) return null;
  if (FACETS.reduce((n, name) => n + request.filters[name].length, 0) > 1) return null;
  const parameters = searchParameters(request, compiled.match, compiled.highlight, [], 0, null);
  return createHash('sha1').update(JSON.stringify([sort, grouped, options.facetExactLimit, options.bounded, parameters])).digest('base64url');
}

/** The statement reading the answer under key $1 for the build in service. */
export const PREFIX_ANSWER_SQL = 'SELECT a.answer FROM depeches.prefix_answers a WHERE a.request_key = $1 AND a.build_id = (SELECT b.build_id FROM depeches.build b)';

/** The precomputed answer under `key` for the build in service, or null. */
export async function storedPrefixAnswer(client: pg.PoolClient, key: string): Promise<StatementAnswer | null> {
  const result = await client.query<{ answer: StatementAnswer }>(PREFIX_ANSWER_SQL, [key]);
  return result.rows[0]?.answer ?? null;
}

/** The PREFIX_FILTER_VALUES values of each facet held by the most articles (names as depeches.facet_names shows them). */
async function topValues(client: pg.PoolClient): Promise<{ name: FacetName; value: string }[]> {
  const values: { name: FacetName; value: string }[] = [];
  for (const c of FACET_COLUMNS) {
    const rows = await client.query<{ value: string }>(
      `SELECT n.value FROM (SELECT k.key, count(*) AS count FROM depeches.search_rows d, unnest(d.${c.keys}) AS k(key) GROUP BY k.key ORDER BY count DESC, k.key LIMIT ${PREFIX_FILTER_VALUES}) t
       JOIN depeches.facet_names n ON n.facet = '${c.pgKey}' AND n.key = t.key ORDER BY t.count DESC, t.key`,
    );
    values.push(...rows.rows.map((r) => ({ name: c.name, value: r.value })));
  }
  return values;
}

/**
 * Computes and stores the answers of build `buildId` (see above; tests
 * lower `minMatches` to store some on a small archive), on
 * `client` inside the build's transaction (what it reads is the build
 * being written); nothing when they are there already (a build that
 * changed nothing). Returns how many it stored.
 */
export async function precomputePrefixAnswers(client: pg.PoolClient, buildId: string, minMatches = PREFIX_ANSWER_MIN_MATCHES): Promise<number> {
  await client.query('DELETE FROM depeches.prefix_answers WHERE build_id <> $1', [buildId]);
  const held = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM depeches.prefix_answers');
  if (held.rows[0].n > 0) return 0;
  const prefixes = (
    await client.query<{ prefix: string }>(
      `SELECT sc.prefix FROM depeches.short_completions sc
       WHERE char_length(sc.prefix) <= ${PREFIX_ANSWER_LENGTH}
         AND (SELECT coalesce(sum(t.documents), 0) FROM depeches.terms t WHERE t.term = ANY (sc.terms || sc.prefix)) >= greatest($1::int, ${PREFIX_ANSWER_SHARE} * (SELECT b.document_count FROM depeches.build b))
       ORDER BY sc.prefix COLLATE "C"`,
      [minMatches],
    )
  ).rows.map((r) => r.prefix);
  const values = await topValues(client);
  const base = { from: null, to: null, page: 1, perPage: PREFIX_ANSWER_PER_PAGE, sort: 'relevance' as const };
  const requests: SearchRequest[] = prefixes.flatMap((q) => [
    { ...base, q, filters: facetFilters() },
    ...(q.length <= FILTERED_PREFIX_LENGTH ? values.map(({ name, value }) => ({ ...base, q, filters: facetFilters({ [name]: [value] }) })) : []),
  ]);
  // The search's settings (backend.ts), for this part of the build's transaction only.
  await client.query(`SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
  const stored = new Set<string>();
  try {
    for (const request of requests) {
      const parsed = parseQuery(request.q);
      const compiled = await compileTsQuery(client, parsed);
      const key = prefixAnswerKey(parsed, request, compiled, 'relevance', true, DEFAULT_OPTIONS);
      // Beginnings that compile alike ("a" and "à") are computed once.
      if (key === null || stored.has(key)) continue;
      // An answer is an optimisation: one the statement fails to give (it would fail for the reader too) must not fail the build.
      await client.query('SAVEPOINT prefix_answer');
      try {
        const answer = await statementAnswer(client, request, compiled, 'relevance', true, null, DEFAULT_OPTIONS);
        await client.query('INSERT INTO depeches.prefix_answers (request_key, build_id, answer) VALUES ($1, $2, $3::json)', [key, buildId, JSON.stringify(answer)]);
        await client.query('RELEASE SAVEPOINT prefix_answer');
        stored.add(key);
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT prefix_answer');
      }
    }
  } finally {
    await client.query('RESET enable_seqscan; RESET work_mem');
  }
  return stored.size;
}

/** The default statement options, for a reader to tell whether its answers are the precomputed ones'. */
export { DEFAULT_OPTIONS as PREFIX_ANSWER_OPTIONS };
