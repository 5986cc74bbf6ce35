/**
 * The connection limits of a server (server.ts), in a file of their own so
 * that the threads' front thread (threads/threaded-server.ts) reads them
 * without loading the web application, which only its workers run.
 */
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
