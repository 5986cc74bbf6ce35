/**
 * Streaming replicas: a hot standby answers reads only, so whatever serves
 * from one must never try to migrate or write a build there (builds are
 * written on the primary and reach the standby by replaying its WAL).
 */
import type pg from 'pg';

/** True when the server is a standby replaying a primary's WAL (read-only). */
export async function isStandby(pool: pg.Pool): Promise<boolean> {
  const result = await pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
  return result.rows[0].standby;
}

/** The primary's current WAL position: a standby that has replayed up to it holds every transaction committed so far. */
export async function primaryWalPosition(primary: pg.Pool): Promise<string> {
  return (await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
}

/**
 * Waits until `standby` has replayed the primary's WAL up to `lsn` (polling
 * every `intervalMs`), throwing after `timeoutMs` with how far it got.
 */
export async function waitForReplay(standby: pg.Pool, lsn: string, timeoutMs = 60_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await standby.query<{ done: boolean; at: string | null }>(
      'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done, pg_last_wal_replay_lsn()::text AS at',
      [lsn],
    )).rows[0];
    if (row.done) return;
    if (Date.now() > deadline) throw new Error(`the standby replayed the WAL up to ${row.at ?? 'nothing'}, not ${lsn}, within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
