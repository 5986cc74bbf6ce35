/**
 * The HTTP server over one backend reader, whichever backend it is: the
 * reader says its build, its damage and what a failure means, and swaps new
 * builds in itself (BackendReader.follow), so nothing here depends on the
 * backend. Connection limits and a graceful close are this file's own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openBackend, type BackendReader } from '../search/backends/index.js';
import { createApp } from './app.js';
import { publicOrigin } from './feeds.js';
import { DEFAULT_LIMITS, type ConnectionLimits } from './limits.js';

export interface RunningServer {
  server: Server;
  url: string;
  backend: BackendReader;
  /** The build in service. */
  buildId(): string;
  /** Why the index in service cannot be used right now (a file damaged while served), or null when healthy. */
  damage(): string | null;
  /** Stops accepting connections and resolves when requests in flight are done. */
  close(): Promise<void>;
}

export { DEFAULT_LIMITS, type ConnectionLimits } from './limits.js';

export interface ServerOptions {
  /** The reader to serve (from openBackend(...).open(), as the CLI opens it); it is closed with the server. */
  reader?: BackendReader;
  /** Else the backend's location, given to openBackend: an index folder ... */
  indexDir?: string;
  /** ... or a database URL (written by `npm run index -- --database URL`), which wins. */
  databaseUrl?: string;
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network). */
  host?: string;
  /** Origin of the absolute URLs of feeds and OpenSearch (e.g. https://depeches.example.org); else from an allowed Host header. */
  baseUrl?: string;
  /** Serve each new build as soon as it is written (BackendReader.follow; default true). */
  watchIndex?: boolean;
  /** Rebuilds the index from its corpus; called when the build in service turns out damaged while served. */
  rebuild?: () => Promise<void>;
  limits?: Partial<ConnectionLimits>;
  /** A worker thread behind the threads' front (src/web/threads/): its number, sent in X-Depeches-Worker ... */
  workerId?: number;
  /** ... and where clients reach it (the front's address), for absolute URLs. */
  front?: { host: string; port: number };
}

/** Serves a backend's reader: the one given, or one opened on `indexDir` or `databaseUrl`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const backend = options.reader ?? (await openBackend({ index: options.indexDir, database: options.databaseUrl }).open({ rebuild: options.rebuild }));
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let port = options.port;
  const app = createApp({
    currentBackend: () => backend,
    origin: publicOrigin({ baseUrl: options.baseUrl, listenHost: options.front?.host ?? host, port: () => options.front?.port ?? port }),
  });
  const workerId = options.workerId === undefined ? null : String(options.workerId);
  const server = createServer(
    {
      // Slow clients are checked against the timeouts every second (Node's default is every 30 s).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: 16 * 1024,
    },
    workerId === null
      ? app
      : (request, response) => {
          response.setHeader('X-Depeches-Worker', workerId);
          app(request, response);
        },
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
  // The warm-up (the tables searches use, compiling the search loops: seconds
  // on a large index) runs after listening, in steps between the first
  // requests (warm-up.ts), so that none waits for the whole of it.
  backend.warm();
  if (options.watchIndex !== false) backend.follow();
  return {
    server,
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`,
    backend,
    buildId: () => backend.buildId(),
    damage: () => backend.damage(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => void backend.close().then(resolve, resolve));
        server.closeIdleConnections();
      }),
  };
}
