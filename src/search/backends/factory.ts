/**
 * The one factory of backends: `--database URL` (or DATABASE_URL) chooses
 * PostgreSQL, else the index folder of `--index DIR` is the embedded
 * backend; `replica` (--replica / DATABASE_REPLICA_URL), a streaming
 * standby of that database, answers the readers while builds are written
 * on the database. Everything else (building, serving, hot swaps, watching the
 * corpus) goes through the Backend it returns.
 */
import { redactUrl } from '../../index/postgres/index.js';
import { PostgresBackend } from '../postgres/backend.js';
import { EmbeddedReader } from './embedded-reader.js';
import { EmbeddedWriter } from './embedded-writer.js';
import { PostgresWriter } from './postgres-writer.js';
import type { Backend } from './types.js';

export interface BackendLocation {
  /** An index folder (the embedded backend). */
  index?: string;
  /** A postgres:// or postgresql:// URL; when given, it wins over `index`. */
  database?: string;
  /** A streaming standby of `database` that readers are answered from (builds are still written on `database`). */
  replica?: string;
}

/** The URL check of --database / DATABASE_URL, as a one-line message. */
export function checkDatabaseUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('--database (or DATABASE_URL) must be a postgres:// or postgresql:// URL');
}

export function openBackend(location: BackendLocation): Backend {
  const { database, index, replica } = location;
  if (replica !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(replica)) throw new Error('--replica (or DATABASE_REPLICA_URL) must be a postgres:// or postgresql:// URL');
    if (!database) throw new Error('--replica (or DATABASE_REPLICA_URL) needs --database (or DATABASE_URL): the primary that builds are written on');
  }
  if (database) {
    checkDatabaseUrl(database);
    const writer = new PostgresWriter(database);
    const readUrl = replica ?? database;
    const readLocation = replica ? `${redactUrl(replica)} (builds written on ${writer.location})` : writer.location;
    return { kind: 'postgres', writer, location: readLocation, open: () => PostgresBackend.connect(readUrl) };
  }
  if (index) {
    const writer = new EmbeddedWriter(index);
    return { kind: 'embedded', writer, location: writer.location, open: (options) => EmbeddedReader.open(index, options) };
  }
  throw new Error('a backend needs an index folder or a database URL');
}
