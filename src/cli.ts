#!/usr/bin/env node
/**
 * The one entry point of depeches:
 *
 *     depeches index --corpus DIR --out DIR      build the index of a corpus folder
 *     depeches serve [--corpus DIR] [--index DIR] [--port N] [--watch]
 *                                                serve it (built first when missing or damaged;
 *                                                a corpus changed since is rebuilt once it answers)
 *
 * With --database URL (or DATABASE_URL in the environment), both commands
 * use PostgreSQL instead of the index folder: `index` writes the index into
 * the database, `serve` reads it from there. Which backend is the factory's
 * choice (src/search/backends/factory.ts): this file drives a writer and a
 * reader and has no branch on their kind. `serve --database PRIMARY
 * --replica STANDBY` (or DATABASE_REPLICA_URL) writes builds on the primary
 * and answers readers from the streaming standby; `serve --database STANDBY`
 * alone serves a standby as it is, never trying to write there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CorpusError } from './ingest/types.js';
import { IndexLoadError, IndexWriteError } from './index/index.js';
import {
  openBackend,
  watchCorpus,
  type Backend,
  type BackendLocation,
  type BackendReader,
  type BackendWriter,
  type BuildReport,
  type CorpusWatcher,
} from './search/backends/index.js';
import { parseBaseUrl } from './web/feeds.js';
import { defaultThreads, startThreadedServer } from './web/threads/threaded-server.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = path.join(PROJECT_ROOT, 'corpus');
const DEFAULT_INDEX = path.join(PROJECT_ROOT, 'index');

const USAGE = `usage:
  npm run index -- --corpus DIR [--out DIR | --database URL]
  npm start -- [--corpus DIR] [--index DIR | --database URL [--replica URL]] [--port N] [--host ADDRESS] [--base-url URL] [--watch] [--threads N]
  (PORT, HOST, BASE_URL, DATABASE_URL and DATABASE_REPLICA_URL in the environment work too; --host 0.0.0.0 opens the server to the network;
   --replica: readers are answered by that streaming standby, builds are written on --database;
   --threads N: N threads serve one index held once in memory; default one per core for an index of 64 MB or more, else 1)`;

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

function printReport(report: BuildReport, writer: BackendWriter): void {
  const { read, build, save } = report.seconds;
  console.log(
    `indexed ${report.documentsIndexed} documents from ${report.filesSeen} files into ${writer.location} ` +
      (report.filesReused > 0 ? `(${report.filesReused} unchanged files reused) ` : "") +
      `(read ${read.toFixed(1)} s, build ${build.toFixed(1)} s, save ${save.toFixed(1)} s)`,
  );
  if (report.skipped.length > 0) {
    console.log(`skipped ${report.skipped.length} files:`);
    for (const s of report.skipped) console.log(`  ${s.path}: ${s.reason}`);
  }
  if (report.changes) {
    const { inserted, updated, deleted, unchanged } = report.changes;
    console.log(`  ${inserted} added, ${updated} changed, ${deleted} removed, ${unchanged} unchanged`);
  }
}

async function runIndex(corpus: string, writer: BackendWriter): Promise<void> {
  printReport(await writer.build(corpus, { onProgress: progressPrinter() }), writer);
}

/**
 * Why the build in service cannot be served as it is before a (re)build:
 * missing, damaged, of another version or corpus. Whether the corpus
 * changed since is asked only after the server answers (corpusChecked), as
 * it stats every file of the corpus: seconds at a million articles, for a
 * build that is most often still the right one.
 */
function reasonBeforeServing(writer: BackendWriter, corpus: string, writable: boolean): Promise<string | null> {
  return writable ? writer.rebuildReason(corpus, { corpusChanges: false }) : Promise.resolve(null);
}

/**
 * Once the server answers: the corpus checked for changes since the build
 * in service, and rebuilt when it changed; the server swaps the new build in
 * as soon as it is written (as for --watch), and answers from the previous
 * one meanwhile. A build that cannot be written (full disk) leaves the
 * previous one in service.
 */
async function corpusChecked(writer: BackendWriter, corpus: string): Promise<void> {
  try {
    const reason = await writer.rebuildReason(corpus);
    if (!reason) return;
    console.log(`building the index of ${corpus} in ${writer.location} (${reason})`);
    await runIndex(corpus, writer);
  } catch (error) {
    console.error(`depeches: ${(error as Error).message.split('\n')[0]}; serving the previous build`);
  }
}

/**
 * A reader of the backend's build in service, (re)built from the corpus
 * first when missing, built from another corpus or damaged (a corpus that
 * changed is rebuilt after: corpusChecked). The build in service opens
 * while that is checked; a build that cannot be written (full disk) does
 * not stop the server when a whole, older build is there. `writable` false
 * (no corpus, or a read-only store such as a standby): the build in service
 * as it is.
 */
async function freshReader(backend: Backend, corpus: string, writable: boolean): Promise<BackendReader> {
  const { writer } = backend;
  // Damaged while served: rebuilt from the corpus, then reloaded.
  const options = { rebuild: writable ? () => runIndex(corpus, writer) : undefined };
  const [reason, opened] = await Promise.all([reasonBeforeServing(writer, corpus, writable), backend.open(options).catch((error: Error) => error)]);
  let reader = opened instanceof Error ? null : opened;
  if (reason) {
    console.log(`building the index of ${corpus} in ${writer.location} (${reason})`);
    try {
      await runIndex(corpus, writer);
      await reader?.refresh();
    } catch (error) {
      if (!reader || !(error instanceof IndexWriteError)) {
        await reader?.close();
        throw error;
      }
      console.error(`depeches: ${error.message}; serving the previous build`);
    }
  }
  if (reader) return reader;
  try {
    return await backend.open(options);
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    if (!writable) throw new Error(`${error.message}; build it with: ${writer.buildCommand}`);
    // A damaged or foreign index is rebuilt from the corpus it serves.
    console.log(`rebuilding the index of ${corpus} (${error.message})`);
    await runIndex(corpus, writer);
    return backend.open(options);
  }
}

/**
 * Several threads serving the build in service (src/web/threads/): built
 * first from the corpus when missing or damaged, as freshReader does,
 * but never loaded in this thread as a reader (the threads share one copy).
 */
async function startThreads(backend: Backend, location: BackendLocation, corpus: string, writable: boolean, listen: Listen, threads: number) {
  const { writer } = backend;
  const rebuild = writable ? () => runIndex(corpus, writer) : undefined;
  const reason = await reasonBeforeServing(writer, corpus, writable);
  if (reason) {
    console.log(`building the index of ${corpus} in ${writer.location} (${reason})`);
    try {
      await runIndex(corpus, writer);
    } catch (error) {
      if (!(error instanceof IndexWriteError)) throw error;
      console.error(`depeches: ${error.message}; serving the previous build`);
    }
  }
  const options = { threads, indexDir: location.index, databaseUrl: location.database, replica: location.replica, rebuild, ...listen };
  try {
    return await startThreadedServer(options);
  } catch (error) {
    if (!(error instanceof IndexLoadError)) throw error;
    if (!rebuild) throw new Error(`${error.message}; build it with: ${writer.buildCommand}`);
    console.log(`rebuilding the index of ${corpus} (${error.message})`);
    await rebuild();
    return startThreadedServer(options);
  }
}

async function runServe(corpus: string, backend: Backend, location: BackendLocation, listen: Listen, watchForChanges: boolean, threads: number): Promise<void> {
  const { writer } = backend;
  // A standby given as the database is served as replicated: builds come from its primary.
  const readOnly = await writer.readOnly();
  if (readOnly) console.log(`${writer.location}: ${readOnly}; serving its index as replicated`);
  const writable = !readOnly && existsSync(corpus);
  let server: { url: string; close(): Promise<void> };
  let threadsNote = '';
  try {
    if (threads > 1) {
      const threaded = await startThreads(backend, location, corpus, writable, listen, threads);
      const shared = threaded.sharedBytes();
      threadsNote = ` (${threads} threads${shared > 0 ? `, ${shared < 2 ** 20 ? `${Math.ceil(shared / 1024)} KB` : `${Math.round(shared / 2 ** 20)} MB`} of index shared` : ''})`;
      server = threaded;
    } else {
      // Loaded here only: a threaded server's front thread runs no web application (its workers do), and starts sooner without it.
      const [reader, { startServer }] = await Promise.all([freshReader(backend, corpus, writable), import('./web/server.js')]);
      server = await startServer({ reader, ...listen });
    }
  } catch (error) {
    await writer.close();
    throw error;
  }
  console.log(`depeches: searching ${corpus} in ${backend.location} on ${server.url}${threadsNote}`);
  // Finish the requests in flight, then exit. A second signal while stopping
  // changes nothing (a process manager may repeat it): without a handler it would kill the process mid-close.
  let stopping = false;
  let watcher: CorpusWatcher | null = null;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    watcher?.stop();
    void server
      .close()
      .then(() => writer.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!writable) return;
  // Each new build is served by the reader as soon as it is written (BackendReader.follow, in startServer;
  // the threads' front watches the folder). The watcher starts after the first check, so that both never build at once.
  await corpusChecked(writer, corpus);
  if (!watchForChanges || stopping) return;
  watcher = watchCorpus(writer, corpus, {
    onRebuild: (report, reason) => {
      const changes = report.changes ? `: ${report.changes.inserted} added, ${report.changes.updated} changed, ${report.changes.deleted} removed` : '';
      console.log(`reindexed ${report.documentsIndexed} documents (${reason})${changes}`);
    },
    onError: (error) => console.error(`depeches: reindexing failed: ${error.message}`),
  });
  console.log(`watching ${corpus} for changes`);
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
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const indexDir = path.resolve((command === 'index' ? values.out : undefined) ?? values.index ?? DEFAULT_INDEX);
  const database = values.database ?? (process.env.DATABASE_URL || undefined);
  const replica = values.replica ?? (process.env.DATABASE_REPLICA_URL || undefined);
  const location: BackendLocation = { index: indexDir, database, replica };
  const backend = openBackend(location);
  // Serving an index without --corpus serves the corpus it was built from:
  // the sample corpus is only the default for an index holding none, so
  // that `npm start -- --index ARCHIVE` (or --database) never replaces an
  // archive's index.
  const explicit = values.index !== undefined || database !== undefined;
  const builtFrom = command === 'serve' && !values.corpus && explicit ? await backend.writer.builtFrom() : null;
  const corpus = path.resolve(values.corpus ?? builtFrom ?? DEFAULT_CORPUS);
  if (command === 'index') {
    try {
      await runIndex(corpus, backend.writer);
    } finally {
      await backend.writer.close();
    }
  } else if (command === 'serve') {
    const port = Number(values.port ?? process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
    const host = values.host ?? (process.env.HOST || '127.0.0.1');
    const listen: Listen = { port, host, baseUrl: values['base-url'] === undefined ? baseUrlOfEnvironment() : parseBaseUrl(values['base-url']) };
    let threads = 1;
    if (values.threads !== undefined) {
      threads = Number(values.threads);
      if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new Error(`invalid --threads: ${values.threads} (expected a whole number from 1 to 64)`);
    } else threads = await defaultThreads(location);
    await runServe(corpus, backend, location, listen, values.watch === true, threads);
  } else {
    throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CorpusError || error instanceof IndexLoadError || error instanceof Error;
  console.error(`depeches: ${known ? (error as Error).message : String(error)}`);
  process.exit(1);
});
