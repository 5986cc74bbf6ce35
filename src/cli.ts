#!/usr/bin/env node
/**
 * The one entry point of depeches:
 *
 *     depeches index --corpus DIR --out DIR      build the index of a corpus folder
 *     depeches serve [--corpus DIR] [--index DIR] [--port N] [--watch]
 *                                                serve it (rebuilding it first when missing or stale)
 *
 * With --database URL (or DATABASE_URL in the environment), both commands
 * use PostgreSQL instead of the index folder: `index` writes the index into
 * the database, `serve` reads it from there. `serve --database PRIMARY
 * --replica STANDBY` (or DATABASE_REPLICA_URL) writes builds on the primary
 * and answers readers from the streaming standby; `serve --database STANDBY`
 * alone serves a standby as it is, never trying to write there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusError } from './ingest/types.js';
import { IndexLoadError, IndexWriteError, indexCorpus, loadIndex, readCurrentManifest, rebuildReason, watchCorpus, type IndexReport } from './index/index.js';
import { createPool, indexCorpusToPostgres, isStandby, postgresRebuildReason, redactUrl, type PostgresIndexReport } from './index/postgres/index.js';
import { parseBaseUrl } from './web/feeds.js';
import { startServer, type RunningServer } from './web/server.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = path.join(PROJECT_ROOT, 'corpus');
const DEFAULT_INDEX = path.join(PROJECT_ROOT, 'index');

const USAGE = `usage:
  npm run index -- --corpus DIR [--out DIR | --database URL]
  npm start -- [--corpus DIR] [--index DIR | --database URL [--replica URL]] [--port N] [--host ADDRESS] [--base-url URL] [--watch]
  (PORT, HOST, BASE_URL, DATABASE_URL and DATABASE_REPLICA_URL in the environment work too; --host 0.0.0.0 opens the server to the network;
   --replica: readers are answered by that streaming standby, builds are written on --database)`;

/** Where and how the server listens. */
interface Listen {
  port: number;
  host: string;
  baseUrl?: string;
}

/** Progress on stderr: a live line on a terminal, a line every 10 % otherwise. */
function progressPrinter(): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    if (total < 200) return;
    if (process.stderr.isTTY) process.stderr.write(`\r  reading ${done}/${total} files`);
    else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) console.error(`  reading ${done}/${total} files`);
      lastDecile = decile;
    }
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
}

function printReport(report: IndexReport, outDir: string): void {
  const { read, build, save } = report.seconds;
  console.log(
    `indexed ${report.documentsIndexed} documents from ${report.filesSeen} files into ${outDir} ` +
      (report.filesReused > 0 ? `(${report.filesReused} unchanged files reused) ` : "") +
      `(read ${read.toFixed(1)} s, build ${build.toFixed(1)} s, save ${save.toFixed(1)} s)`,
  );
  if (report.skipped.length > 0) {
    console.log(`skipped ${report.skipped.length} files:`);
    for (const s of report.skipped) console.log(`  ${s.path}: ${s.reason}`);
  }
}

async function runIndex(corpus: string, out: string): Promise<void> {
  printReport(await indexCorpus(corpus, out, { onProgress: progressPrinter() }), out);
}

function printPostgresReport(report: PostgresIndexReport, url: string): void {
  printReport(report, redactUrl(url));
  console.log(`  ${report.inserted} added, ${report.updated} changed, ${report.deleted} removed, ${report.unchanged} unchanged`);
}

/** Reindexes a corpus into PostgreSQL with a short-lived pool. */
async function runIndexPostgres(corpus: string, url: string): Promise<void> {
  const pool = createPool(url, { max: 2, applicationName: 'depeches-index' });
  try {
    printPostgresReport(await indexCorpusToPostgres(corpus, pool, { onProgress: progressPrinter() }), url);
  } finally {
    await pool.end();
  }
}

/**
 * Serves the index of a PostgreSQL database, (re)building it from the corpus
 * first when missing or older. Readers are answered from `readUrl` (a
 * streaming standby) when given. A standby given as the database itself is
 * read-only: it is served as it is, builds come from its primary.
 */
async function runServePostgres(corpus: string, url: string, readUrl: string | undefined, listen: Listen, watchForChanges: boolean): Promise<void> {
  const pool = createPool(url, { max: 2, applicationName: 'depeches-index' });
  let corpusExists = existsSync(corpus);
  try {
    if (await isStandby(pool)) {
      console.log(`${redactUrl(url)} is a read-only standby: serving its index as replicated, builds are written on its primary`);
      corpusExists = false;
    }
    const reason = corpusExists ? await postgresRebuildReason(pool, corpus) : null;
    if (reason) {
      console.log(`building the index of ${corpus} in ${redactUrl(url)} (${reason})`);
      printPostgresReport(await indexCorpusToPostgres(corpus, pool, { onProgress: progressPrinter() }), url);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  let server: RunningServer;
  try {
    server = await startServer({ databaseUrl: readUrl ?? url, ...listen });
  } catch (error) {
    await pool.end();
    throw error;
  }
  console.log(`depeches: searching ${corpus} in ${redactUrl(readUrl ?? url)}${readUrl ? ` (builds written on ${redactUrl(url)})` : ''} on ${server.url}`);
  let timer: NodeJS.Timeout | null = null;
  if (watchForChanges && corpusExists) {
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      postgresRebuildReason(pool, corpus)
        .then(async (why) => {
          if (!why) return;
          const report = await indexCorpusToPostgres(corpus, pool);
          console.log(`reindexed ${report.documentsIndexed} documents (${why}): ${report.inserted} added, ${report.updated} changed, ${report.deleted} removed`);
        })
        .catch((error: Error) => console.error(`depeches: reindexing failed: ${error.message}`))
        .finally(() => (running = false));
    }, 2000);
    timer.unref();
    console.log(`watching ${corpus} for changes`);
  }
  const stop = () => {
    if (timer) clearInterval(timer);
    void server
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runServe(corpus: string, indexDir: string, listen: Listen, watchForChanges: boolean): Promise<void> {
  const corpusExists = existsSync(corpus);
  // The saved index loads while the corpus is walked for changes (in a worker): most starts need both.
  const [reason, loaded] = await Promise.all([corpusExists ? rebuildReason(indexDir, corpus) : null, loadIndex(indexDir).catch(() => undefined)]);
  let fresh = false;
  if (reason) {
    console.log(`building the index of ${corpus} (${reason})`);
    try {
      await runIndex(corpus, indexDir);
      fresh = true;
    } catch (error) {
      // A build that cannot be written (full disk) does not stop the server when a whole, older build is there.
      if (!loaded || !(error instanceof IndexWriteError)) throw error;
      console.error(`depeches: ${error.message}; serving the previous build`);
    }
  }
  // Damaged while served: rebuilt from the corpus, then reloaded.
  const rebuild = corpusExists ? () => runIndex(corpus, indexDir) : undefined;
  let server: RunningServer;
  try {
    server = await startServer({ indexDir, index: fresh ? undefined : loaded, rebuild, ...listen });
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    if (!corpusExists) throw new Error(`${error.message}; build it with: npm run index -- --corpus DIR --out ${indexDir}`);
    // A damaged or foreign index is rebuilt from the corpus it serves.
    console.log(`rebuilding the index of ${corpus} (${error.message})`);
    await runIndex(corpus, indexDir);
    server = await startServer({ indexDir, rebuild, ...listen });
  }
  console.log(`depeches: searching ${corpus} on ${server.url}`);
  if (watchForChanges) {
    watchCorpus(corpus, indexDir, {
      onRebuild: (report, reason) => console.log(`reindexed ${report.documentsIndexed} documents (${reason})`),
      onError: (error) => console.error(`depeches: reindexing failed: ${error.message}`),
    });
    console.log(`watching ${corpus} for changes`);
  }
  // Finish the requests in flight, then exit.
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** BASE_URL of the environment; other tools (Vite, vitest) set it to a path, which is ignored with a warning. */
function baseUrlOfEnvironment(): string | undefined {
  const value = process.env.BASE_URL;
  if (!value) return undefined;
  try {
    return parseBaseUrl(value);
  } catch (error) {
    console.error(`depeches: ignoring BASE_URL: ${(error as Error).message}`);
    return undefined;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      index: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'base-url': { type: 'string' },
      watch: { type: 'boolean' },
      database: { type: 'string' },
      replica: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const indexDir = path.resolve((command === 'index' ? values.out : undefined) ?? values.index ?? DEFAULT_INDEX);
  // Serving an index folder without --corpus serves the corpus it was built
  // from: the sample corpus is only the default for a folder holding none, so
  // that `npm start -- --index ARCHIVE` never replaces an archive's index.
  const builtFrom = command === 'serve' && !values.corpus && values.index ? (await readCurrentManifest(indexDir).catch(() => null))?.corpus : null;
  const corpus = path.resolve(values.corpus ?? builtFrom ?? DEFAULT_CORPUS);
  const database = values.database ?? (process.env.DATABASE_URL || undefined);
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) throw new Error('--database (or DATABASE_URL) must be a postgres:// or postgresql:// URL');
  const replica = values.replica ?? (process.env.DATABASE_REPLICA_URL || undefined);
  if (replica !== undefined && !/^postgres(ql)?:\/\//.test(replica)) throw new Error('--replica (or DATABASE_REPLICA_URL) must be a postgres:// or postgresql:// URL');
  if (replica !== undefined && !database) throw new Error('--replica (or DATABASE_REPLICA_URL) needs --database (or DATABASE_URL): the primary that builds are written on');
  if (command === 'index') {
    if (database) await runIndexPostgres(corpus, database);
    else await runIndex(corpus, indexDir);
  } else if (command === 'serve') {
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
    const host = values.host ?? (process.env.HOST || '127.0.0.1');
    const listen: Listen = { port, host, baseUrl: values['base-url'] === undefined ? baseUrlOfEnvironment() : parseBaseUrl(values['base-url']) };
    if (database) await runServePostgres(corpus, database, replica, listen, values.watch === true);
    else await runServe(corpus, indexDir, listen, values.watch === true);
  } else {
    throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CorpusError || error instanceof IndexLoadError || error instanceof Error;
  console.error(`depeches: ${known ? (error as Error).message : String(error)}`);
  process.exit(1);
});
