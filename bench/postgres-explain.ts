/**
 * EXPLAIN (ANALYZE, BUFFERS) of the PostgreSQL backend's search statement
 * for one query, as the backend runs it (same parameters, same session
 * settings), to see where a keystroke's time goes:
 *
 *     npx tsx bench/postgres-explain.ts --database URL --q m [--speaker NAME] [--facets-only]
 */
import { parseArgs } from 'node:util';
import { createPool } from '../src/index/postgres/index.js';
import { parseQuery } from '../src/search/parse-query.js';
import { searchParameters, searchSql, SEARCH_WORK_MEM } from '../src/search/postgres/search-sql.js';
import { compileTsQuery } from '../src/search/postgres/tsquery.js';
import { request } from './peers/depeches.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, q: { type: 'string' }, speaker: { type: 'string' } } });
if (!values.database || values.q === undefined) throw new Error('usage: tsx bench/postgres-explain.ts --database URL --q QUERY [--speaker NAME]');

const pool = createPool(values.database, { max: 1 });
try {
  const search = request(values.q, values.speaker);
  const compiled = await compileTsQuery(pool, parseQuery(search.q));
  const client = await pool.connect();
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`);
    const sql = searchSql('relevance', true);
    const parameters = searchParameters(search, compiled.match, compiled.highlight, [], 0);
    // Twice: the first run warms the cache, the second is shown.
    await client.query(sql, parameters);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    console.log(`-- q=${JSON.stringify(search.q)}${values.speaker ? ` speaker=${JSON.stringify(values.speaker)}` : ''}; match: ${compiled.match?.slice(0, 300)}`);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
} finally {
  await pool.end();
}
