/**
 * The one factory of backends: `--database URL` (or DATABASE_URL) chooses
 * PostgreSQL, else the index folder of `--index DIR` is the embedded
 * backend. Everything else (building, serving, hot swaps, watching the
 * corpus) goes through the Backend it returns.
 */
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
}

/** The URL check of --database / DATABASE_URL, as a one-line message. */
export function checkDatabaseUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('--database (or DATABASE_URL) must be a postgres:// or postgresql:// URL');
}

export function openBackend(location: BackendLocation): Backend {
  const { database, index } = location;
  if (database) {
    checkDatabaseUrl(database);
    return { kind: 'postgres', writer: new PostgresWriter(database), open: () => PostgresBackend.connect(database) };
  }
  if (index) return { kind: 'embedded', writer: new EmbeddedWriter(index), open: (options) => EmbeddedReader.open(index, options) };
  throw new Error('a backend needs an index folder or a database URL');
}
