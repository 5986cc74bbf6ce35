import { watch, type FSWatcher } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadIndex, type SearchIndex } from '../index/index.js';
import { EmbeddedBackend, type SearchBackend } from '../search/backend.js';
import { prepareSearch, warmSearch } from '../search/index.js';
import { PostgresBackend } from '../search/postgres/index.js';
import { createApp } from './app.js';

export interface RunningServer {
  server: Server;
  url: string;
  backend: SearchBackend;
  /** The build in service (embedded backend; the PostgreSQL backend answers its build through /healthz). */
  buildId(): string;
  /** Stops accepting connections and resolves when requests in flight are done. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The index folder of the embedded backend. */
  indexDir?: string;
  /** The index of `indexDir`, when the caller has loaded it already (the CLI loads it while it checks the corpus). */
  index?: SearchIndex;
  /** A PostgreSQL URL: serve the index written there by `npm run index -- --database URL` instead. */
  databaseUrl?: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Reload and swap the index when a new build is saved into `indexDir` (default true). */
  watchIndex?: boolean;
}

/**
 * Watches an index folder and swaps in each new build once fully loaded:
 * requests keep the old index until the new one is ready, so none fails or
 * sees half an index. A build that fails to load is logged and ignored.
 */
function watchForNewBuilds(indexDir: string, current: () => SearchIndex, swap: (index: SearchIndex) => void): FSWatcher {
  let loading = false;
  let again = false;
  const reload = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      do {
        again = false;
        const next = await loadIndex(indexDir);
        // Readers keep the current build meanwhile: the new one is warmed whole before the swap.
        warmSearch(next);
        if (next.manifest.buildId !== current().manifest.buildId) {
          swap(next);
          console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'index-swapped', build: next.manifest.buildId, documents: next.documents.length }));
        }
      } while (again);
    } catch (error) {
      console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'index-reload-failed', error: (error as Error).message }));
    } finally {
      loading = false;
    }
  };
  const watcher = watch(indexDir, (_event, file) => {
    if (file === 'current.json') void reload();
  });
  watcher.unref();
  return watcher;
}

/** Loads the index of `indexDir` (or connects to `databaseUrl`) and serves it. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let index: SearchIndex | null = null;
  let backend: SearchBackend;
  if (options.databaseUrl) backend = await PostgresBackend.connect(options.databaseUrl);
  else if (options.indexDir) {
    index = options.index ?? (await loadIndex(options.indexDir));
    prepareSearch(index);
    backend = new EmbeddedBackend(() => index!);
  } else throw new Error('startServer needs an index folder or a database URL');
  const app = createApp({ currentBackend: () => backend });
  const host = options.host ?? '127.0.0.1';
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(options.port, host, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  // Limits against slow or oversized requests.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 100;
  // Compiling the search loops takes about half a second on a large index:
  // done right after listening, so the server answers /healthz meanwhile and
  // a first search waits for it at most once.
  if (index) setImmediate(() => warmSearch(index!));
  // PostgreSQL readers always see the last committed index: only a folder needs watching.
  const watcher = index === null || options.watchIndex === false ? null : watchForNewBuilds(options.indexDir!, () => index!, (next) => (index = next));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    backend,
    buildId: () => index?.manifest.buildId ?? 'postgres',
    close: () =>
      new Promise((resolve) => {
        watcher?.close();
        server.close(() => void backend.close().then(resolve, resolve));
        server.closeIdleConnections();
      }),
  };
}
