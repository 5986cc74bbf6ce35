/**
 * EXPLAIN (ANALYZE, BUFFERS) of the PostgreSQL backend's search statement
 * for one query, as the backend runs it (same parameters, same session
 * settings), to see where a keystroke's time goes:
 *
 *     npx tsx bench/postgres-explain.ts --database URL --q m [--speaker NAME] [--runs N] [--exact | --statement]
 *
 * The statement is the one the backend answers with: the bounded statement
 * (src/search/postgres/bounded-search.ts) when its sample says the matches
 * are many, else the exact one; --exact explains the exact one anyway.
 * A request the build precomputed (src/search/postgres/prefix-answers.ts)
 * is answered by reading its row: that read is explained, unless
 * --statement (or --exact) asks for the statement it replaces.
 *
 * The statement runs once to warm the cache, then N times (default 5)
 * under EXPLAIN ANALYZE; the fastest run's plan is printed (on a shared,
 * loaded machine the others mostly measure the neighbours).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createPool } from '../src/index/postgres/index.js';
import { parseQuery } from '../src/search/parse-query.js';
import { searchParameters, searchSql, SEARCH_WORK_MEM } from '../src/search/postgres/search-sql.js';
import { compileTsQuery } from '../src/search/postgres/tsquery.js';
import { boundedSearchSql } from '../src/search/postgres/bounded-search.js';
import { prefixAnswerKey, PREFIX_ANSWER_OPTIONS, PREFIX_ANSWER_SQL, storedPrefixAnswer } from '../src/search/postgres/prefix-answers.js';
import { request } from './peers/depeches.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, q: { type: 'string' }, speaker: { type: 'string' }, runs: { type: 'string', default: '5' }, exact: { type: 'boolean', default: false }, statement: { type: 'boolean', default: false } } });
if (!values.database || values.q === undefined) throw new Error('usage: tsx bench/postgres-explain.ts --database URL --q QUERY [--speaker NAME]');

const pool = createPool(values.database, { max: 1 });
try {
  const search = request(values.q, values.speaker);
  const compiled = await compileTsQuery(pool, parseQuery(search.q));
  const client = await pool.connect();
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
    const key = prefixAnswerKey(parseQuery(search.q), search, compiled, 'relevance', true, PREFIX_ANSWER_OPTIONS);
    const stored = key !== null && !values.exact && !values.statement && (await storedPrefixAnswer(client, key)) !== null;
    const parameters = stored ? [key] : searchParameters(search, compiled.match, compiled.highlight, [], 0);
    const boundedSql = boundedSearchSql('relevance', true);
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const probe = !stored && !values.exact && compiled.match !== null ? (await client.query<{ bounded: boolean; narrow: boolean }>(boundedSql, parameters)).rows[0] : null;
    const bounded = probe !== null && (probe.bounded || probe.narrow);
    // As the backend runs them: the bounded statement without parallel workers, the exact one as configured.
    if (!bounded) await client.query('RESET max_parallel_workers_per_gather');
    const sql = stored ? PREFIX_ANSWER_SQL : bounded ? boundedSql : searchSql('relevance', true);
    await client.query(sql, parameters);
    let best: { ms: number; lines: string[] } | null = null;
    const times: number[] = [];
    for (let run = 0; run < Math.max(1, Number(values.runs)); run++) {
      const lines = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters)).rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1]);
      times.push(ms);
      if (!best || ms < best.ms) best = { ms, lines };
    }
    console.log(`-- ${stored ? 'precomputed answer read' : bounded ? (probe!.narrow ? 'bounded statement, narrow case' : 'bounded statement') : 'exact statement'}; q=${JSON.stringify(search.q)}${values.speaker ? ` speaker=${JSON.stringify(values.speaker)}` : ''}; match: ${compiled.match?.slice(0, 300)}`);
    console.log(`-- execution times of ${times.length} runs: ${times.map((t) => t.toFixed(1)).join(', ')} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; the fastest:`);
    console.log(best!.lines.join('\n'));
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
} finally {
  await pool.end();
}
