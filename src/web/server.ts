import { watch, type FSWatcher } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDocumentsFile, IndexReadError, loadIndex, loadServableIndex, type SearchIndex } from '../index/index.js';
import { EmbeddedBackend, type SearchBackend } from '../search/backend.js';
import { prepareSearch, Searcher, warmSearch } from '../search/index.js';
import { PostgresBackend } from '../search/postgres/index.js';
import { createApp } from './app.js';
import { publicOrigin } from './feeds.js';

export interface RunningServer {
  server: Server;
  url: string;
  backend: SearchBackend;
  /** The build in service (embedded backend; the PostgreSQL backend answers its build through /healthz). */
  buildId(): string;
  /** Why the index in service cannot be used right now (a file damaged while served), or null when healthy. */
  damage(): string | null;
  /** Stops accepting connections and resolves when requests in flight are done. */
  close(): Promise<void>;
}

/** Bounds on connections, so that many slow or idle clients cannot take the server down. */
export interface ConnectionLimits {
  /** Open connections at most; more are closed as soon as accepted. */
  maxConnections: number;
  /** Time a client has to send its request headers. */
  headersTimeoutMs: number;
  /** Time a client has to send its whole request. */
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { maxConnections: 4096, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

export interface ServerOptions {
  /** The index folder of the embedded backend. */
  indexDir?: string;
  /** The index of `indexDir`, when the caller has loaded it already (the CLI loads it while it checks the corpus). */
  index?: SearchIndex;
  /** A PostgreSQL URL: serve the index written there by `npm run index -- --database URL` instead. */
  databaseUrl?: string;
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network). */
  host?: string;
  /** Origin of the absolute URLs of feeds and OpenSearch (e.g. https://depeches.example.org); else from an allowed Host header. */
  baseUrl?: string;
  /** Reload and swap the index when a new build is saved into `indexDir` (default true). */
  watchIndex?: boolean;
  /** Rebuilds `indexDir` from its corpus; called when the build in service turns out damaged while served. */
  rebuild?: () => Promise<void>;
  limits?: Partial<ConnectionLimits>;
}

const log = (level: 'info' | 'error', event: string, fields: Record<string, unknown>) =>
  (level === 'info' ? console.log : console.error)(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));

/**
 * The index in service of a folder: swaps in each new build once fully
 * loaded (requests keep the old index until the new one is ready, so none
 * fails or sees half an index; a build that fails to load is logged and
 * ignored), and recovers from a build damaged while served: marked
 * damaged at once (health checks and requests answer 503), rebuilt when the
 * server can (`rebuild`), then the newest build that loads whole is served.
 */
class ServedIndex {
  private loading = false;
  private again = false;
  private recovering = false;
  damage: string | null = null;
  private watcher: FSWatcher | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly indexDir: string,
    /** The Searcher of the build in service: a swap replaces it whole, and the old build's tables go with the old one. */
    public current: Searcher,
    private readonly rebuild?: () => Promise<void>,
  ) {}

  watch(): void {
    this.watcher = watch(this.indexDir, (_event, file) => {
      if (file === 'current.json') void this.reload();
    });
    this.watcher.unref();
  }

  private async reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      do {
        this.again = false;
        const next = new Searcher(await loadIndex(this.indexDir));
        // Readers keep the current build meanwhile: the new one is warmed whole before the swap.
        warmSearch(next);
        if (next.manifest.buildId !== this.current.manifest.buildId || this.damage) this.swap(next);
      } while (this.again);
    } catch (error) {
      log('error', 'index-reload-failed', { error: (error as Error).message });
    } finally {
      this.loading = false;
    }
  }

  private swap(next: Searcher): void {
    this.current = next;
    if (this.damage) log('info', 'index-recovered', { build: next.manifest.buildId, documents: next.documents.length });
    else log('info', 'index-swapped', { build: next.manifest.buildId, documents: next.documents.length });
    this.damage = null;
  }

  /** The damage of the build in service, its documents file checked by size at most once a second (so a health probe sees a file cut short before any read does). */
  probe(): string | null {
    const now = Date.now();
    if (!this.damage && now - this.probedAt >= 1000) {
      this.probedAt = now;
      try {
        checkDocumentsFile(this.current.documents);
      } catch (error) {
        if (error instanceof IndexReadError) this.damaged(error);
        else throw error;
      }
    }
    return this.damage;
  }
  private probedAt = 0;

  /** Called on a read error of the build in service: serve nothing of it until a build that loads whole replaces it. */
  damaged(error: Error): void {
    if (this.damage) return;
    this.damage = error.message;
    log('error', 'index-damaged', { build: this.current.manifest.buildId, error: error.message });
    void this.recover(1000);
  }

  private async recover(delayMs: number): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    try {
      // A failed rebuild (full disk) still leaves an earlier build to serve.
      if (this.rebuild) await this.rebuild().catch((error: Error) => log('error', 'index-rebuild-failed', { error: error.message.split('\n')[0] }));
      // Every file checked: the damaged build is served again only once restored whole.
      const next = new Searcher(await loadServableIndex(this.indexDir, (refused) => log('error', 'index-refused', { error: refused.message })));
      warmSearch(next);
      if (this.damage) this.swap(next);
    } catch (error) {
      log('error', 'index-recovery-failed', { error: (error as Error).message.split('\n')[0], retryInMs: delayMs });
      // Retried with growing delays (a rebuild may need space freed, a folder restored).
      this.retry = setTimeout(() => void this.recover(Math.min(delayMs * 2, 60_000)), delayMs);
      this.retry.unref();
    } finally {
      this.recovering = false;
    }
  }

  close(): void {
    this.watcher?.close();
    if (this.retry) clearTimeout(this.retry);
  }
}

/** Loads the index of `indexDir` (or connects to `databaseUrl`) and serves it. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let served: ServedIndex | null = null;
  let backend: SearchBackend;
  if (options.databaseUrl) backend = await PostgresBackend.connect(options.databaseUrl);
  else if (options.indexDir) {
    const searcher = new Searcher(options.index ?? (await loadIndex(options.indexDir)));
    prepareSearch(searcher);
    served = new ServedIndex(options.indexDir, searcher, options.rebuild);
    backend = new EmbeddedBackend(() => served!.current);
  } else throw new Error('startServer needs an index folder or a database URL');
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let port = options.port;
  const app = createApp({
    currentBackend: () => backend,
    damage: () => served?.probe() ?? null,
    onIndexReadError: (error) => served?.damaged(error),
    origin: publicOrigin({ baseUrl: options.baseUrl, listenHost: host, port: () => port }),
  });
  const server = createServer(
    {
      // Slow clients are checked against the timeouts every second (Node's default is every 30 s).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: 16 * 1024,
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = 100;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  ({ port } = server.address() as AddressInfo);
  // Compiling the search loops takes about half a second on a large index:
  // done right after listening, so the server answers /healthz meanwhile and
  // a first search waits for it at most once.
  if (served) setImmediate(() => warmSearch(served!.current));
  // PostgreSQL readers always see the last committed index: only a folder needs watching.
  if (served && options.watchIndex !== false) served.watch();
  return {
    server,
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`,
    backend,
    buildId: () => served?.current.manifest.buildId ?? 'postgres',
    damage: () => served?.damage ?? null,
    close: () =>
      new Promise((resolve) => {
        served?.close();
        server.close(() => void backend.close().then(resolve, resolve));
        server.closeIdleConnections();
      }),
  };
}
