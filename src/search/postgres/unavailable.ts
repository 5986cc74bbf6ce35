/** Which errors of the PostgreSQL backend mean the database cannot answer now (503), not that a request is wrong. */

/** Network errors of a connection (the database stopped, restarted or unreachable). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

/**
 * True when an error says the database cannot answer now (down, restarting,
 * out of connections, unreachable) rather than that a request is wrong: the
 * server then answers 503 with Retry-After, as /healthz does, not 500.
 * PostgreSQL SQLSTATE classes 08 (connection exception), 57P (operator
 * intervention: shutdown, crash, cannot connect now) and 53 (insufficient
 * resources); pg's own messages for a connection closed or a pool that
 * timed out connecting.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^(08|57P|53)/.test(code))) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(error.message);
}
