/**
 * The PostgreSQL backend alone, for corpora where the full benchmark (which
 * also serves and loads the embedded index) takes too long:
 *
 *     npx tsx bench/postgres-only.ts --corpus DIR [--database URL] [--reuse [--no-answers]] [--queries K] [--slowest N]
 *
 * Reads the corpus with the shared TypeScript ingestion, writes it into a
 * fresh database of a throw-away cluster (or into --database URL, whose
 * depeches schema is replaced; --reuse keeps the index already there and
 * takes the articles the session is drawn from out of it, reading no
 * corpus), then
 * times the live-typing session of bench/run.ts through the backend (ranked
 * hits, facet counts, snippets), without and with a speaker filter. Prints
 * build time, index size on disk and the percentiles, as text and JSON, and
 * the N slowest keystrokes of each half (default 8: what to EXPLAIN with
 * bench/postgres-explain.ts).
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readCorpus } from '../src/ingest/index.js';
import type { Article } from '../src/ingest/types.js';
import { createPool, migrate, readPostgresBuild, writeArticlesToPostgres } from '../src/index/postgres/index.js';
import { precomputePrefixAnswers } from '../src/search/postgres/prefix-answers.js';
import { PostgresBackend } from '../src/search/postgres/index.js';
import { startPostgresCluster, type PostgresCluster } from '../tests/helpers/postgres-cluster.js';
import { sessionQueries, timeEach, typingSession, type Percentiles, mostQuotedSpeaker } from './latency.js';
import { request } from './peers/depeches.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    database: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    queries: { type: 'string', default: '16' },
    slowest: { type: 'string', default: '8' },
    'no-answers': { type: 'boolean', default: false },
  },
});
if (!values.corpus && !(values.reuse && values.database)) throw new Error('usage: tsx bench/postgres-only.ts --corpus DIR [--database URL] [--reuse] [--queries K] (--corpus may be left out with --database URL --reuse)');
const log = (message: string) => console.error(`[pg-bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const show = (p: Percentiles) => `p50 ${p.p50.toFixed(1)} / p95 ${p.p95.toFixed(1)} / p99 ${p.p99.toFixed(1)} ms (mean ${p.mean.toFixed(1)}, max ${p.max.toFixed(1)}, n ${p.n})`;

/** The articles an index holds, in id order (the order the corpus reader gives them). */
async function storedArticles(url: string): Promise<Article[]> {
  const pool = createPool(url, { max: 1 });
  try {
    // 100 000 articles as JSON: longer than a search may take on a loaded machine.
    await pool.query('SET statement_timeout = 0');
    return (await pool.query<{ article: Article }>('SELECT article FROM depeches.documents ORDER BY id COLLATE "C"')).rows.map((r) => r.article);
  } finally {
    await pool.end();
  }
}

/**
 * CPU ticks (user + system, /proc) of each server process serving the
 * backend's connections: what the session costs the database, less
 * disturbed by the neighbours' load than wall times (the cluster must run
 * on this machine; empty otherwise).
 */
async function serverTicks(backend: PostgresBackend): Promise<Map<number, number>> {
  const pids = (await backend.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'depeches-serve' AND datname = current_database()")).rows.map((r) => r.pid);
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields) ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}
const cpuSeconds = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0) / 100;

async function main(): Promise<void> {
  let cluster: PostgresCluster | null = null;
  let backend: PostgresBackend | null = null;
  try {
    const t0 = performance.now();
    const articles: Article[] = values.reuse && values.database ? await storedArticles(values.database) : (await readCorpus(values.corpus!)).articles;
    const readSeconds = (performance.now() - t0) / 1000;
    log(`${articles.length} articles read in ${readSeconds.toFixed(1)} s${values.reuse && values.database ? ' (from the database)' : ''}`);

    let url = values.database;
    if (!url) {
      cluster = await startPostgresCluster();
      url = await cluster.createDatabase();
    }
    let buildSeconds: number | null = null;
    if (!values.reuse) {
      const pool = createPool(url, { max: 2 });
      try {
        if (values.database) await pool.query('DROP SCHEMA IF EXISTS depeches CASCADE');
        const t1 = performance.now();
        await writeArticlesToPostgres(pool, articles, null, async (client, buildId) => log(`${await precomputePrefixAnswers(client, buildId)} prefix answers precomputed`));
        buildSeconds = (performance.now() - t1) / 1000;
      } finally {
        await pool.end();
      }
      log(`written into PostgreSQL in ${buildSeconds.toFixed(1)} s`);
    } else {
      // A reused index written before the latest migration is migrated (the reader refuses an older schema); one written before
      // migration 10 gets its build's precomputed answers, as a build would write them (--no-answers: without, to compare).
      const pool = createPool(url, { max: 1 });
      try {
        await migrate(pool);
        if (!values['no-answers']) {
          const { buildId } = (await readPostgresBuild(pool))!;
          const client = await pool.connect();
          try {
            const t1 = performance.now();
            await client.query('BEGIN; SET LOCAL statement_timeout = 0');
            const stored = await precomputePrefixAnswers(client, buildId);
            await client.query('COMMIT');
            log(`${stored} prefix answers precomputed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
          } finally {
            client.release();
          }
        }
      } finally {
        await pool.end();
      }
    }
    backend = await PostgresBackend.connect(url, { max: 2, prefixAnswers: !values['no-answers'] });
    const size = await backend.pool.query<{ relation: string; bytes: string }>(
      `SELECT c.relname AS relation, pg_total_relation_size(c.oid)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'depeches' AND c.relkind = 'r' ORDER BY 2 DESC`,
    );
    const indexBytes = size.rows.reduce((sum, r) => sum + Number(r.bytes), 0);

    const queries = sessionQueries(articles, Number(values.queries));
    const topSpeaker = mostQuotedSpeaker(articles);
    const session = typingSession(queries, topSpeaker);
    const unfiltered = session.filter((s) => !s.speaker);
    const filtered = session.filter((s) => s.speaker);
    log(`${session.length} typed prefixes (${queries.length} queries), filter speaker "${topSpeaker}"`);
    const timings: { q: string; speaker?: string; ms: number; total: number }[] = [];
    const run = async (q: { q: string; speaker?: string }) => {
      const t = performance.now();
      const response = await backend!.search(request(q.q, q.speaker));
      timings.push({ ...q, ms: performance.now() - t, total: response.total });
    };
    const loadBefore = loadavg();
    const ticks0 = await serverTicks(backend);
    const typing = await timeEach(unfiltered, run);
    const ticks1 = await serverTicks(backend);
    const typingFiltered = await timeEach(filtered, run);
    const ticks2 = await serverTicks(backend);
    const load = `load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before the session, ${loadavg().map((l) => l.toFixed(1)).join(' ')} after`;

    console.log(`\n## depeches-postgres, ${articles.length} articles\n`);
    console.log(`read (TypeScript ingestion): ${readSeconds.toFixed(1)} s`);
    console.log(`build (write into PostgreSQL): ${buildSeconds === null ? 'reused' : `${buildSeconds.toFixed(1)} s`}`);
    console.log(`index on disk: ${(indexBytes / 1e6).toFixed(1)} MB (${size.rows.map((r) => `${r.relation} ${(Number(r.bytes) / 1e6).toFixed(1)}`).join(', ')})`);
    console.log(`typing: ${show(typing)}`);
    console.log(`typing, speaker filter: ${show(typingFiltered)}`);
    console.log(load);
    console.log(`server CPU (PostgreSQL processes of the session, user + system): ${cpuSeconds(ticks0, ticks1).toFixed(2)} s unfiltered, ${cpuSeconds(ticks1, ticks2).toFixed(2)} s with the speaker filter`);
    for (const half of [false, true]) {
      const slowest = timings.filter((t) => Boolean(t.speaker) === half).sort((a, b) => b.ms - a.ms).slice(0, Number(values.slowest));
      console.log(`slowest${half ? ', speaker filter' : ''}: ${slowest.map((t) => `${JSON.stringify(t.q)} ${t.ms.toFixed(0)} ms (${t.total})`).join(', ')}`);
    }
    console.log(JSON.stringify({ articles: articles.length, readSeconds, buildSeconds, indexBytes, typing, typingFiltered, topSpeaker, queries }));
  } finally {
    await backend?.close();
    await cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
