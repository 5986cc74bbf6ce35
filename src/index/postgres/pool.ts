import pg from 'pg';

/** Dates stay 'YYYY-MM-DD' strings, as in the articles, rather than Date objects in the local time zone. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface PoolOptions {
  /** Most connections the pool opens (default 10, or PGPOOL_MAX). */
  max?: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

/** A connection URL as it may be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * A pool of connections to the database of a DATABASE_URL. Each connection
 * gets a statement timeout (no query may hold a request for long) and a
 * trigram threshold low enough for one typo in a short word.
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? (Number(process.env.PGPOOL_MAX) || 10),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? 'depeches',
    statement_timeout: 30_000,
    // No JIT: the planner rates the word-analysis statement above jit_above_cost, and compiling it took 60-90 ms of every search.
    options: '-c pg_trgm.similarity_threshold=0.2 -c jit=off',
  });
  // An idle connection that the server drops must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'postgres-pool-error', error: error.message }));
  });
  return pool;
}

/**
 * A client of the pool for a long task (reading a corpus, writing it),
 * released by `done`. A client checked out emits 'error' when its
 * connection dies (the database stopped) even with no query running, and
 * an 'error' event with no listener crashes the process with a stack trace:
 * here it is kept, and the task's next query fails with one line saying
 * the connection was lost.
 */
export async function checkOut(pool: pg.Pool): Promise<{ client: pg.PoolClient; done: () => void }> {
  const client = await pool.connect();
  let lost: Error | null = null;
  const onError = (error: Error) => {
    lost ??= error;
  };
  client.on('error', onError);
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  // Every query after the loss fails with why, rather than "Client has encountered a connection error".
  (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) =>
    lost ? Promise.reject(new Error(`lost the connection to the database (${lost.message})`)) : query(...args);
  return {
    client,
    done: () => {
      client.off('error', onError);
      // A broken connection is closed, not given back to the pool.
      client.release(lost ?? undefined);
    },
  };
}
