/** The build row of a PostgreSQL index (depeches.build): the build in service, and whether a corpus folder needs a new one. */
import path from 'node:path';
import type pg from 'pg';
import { latestModification } from '../freshness.js';

/** The build in service in a database, or null when none was written yet. */
export interface PostgresBuild {
  buildId: string;
  builtAt: string;
  corpus: string | null;
  documentCount: number;
}

export async function readPostgresBuild(pool: pg.Pool): Promise<PostgresBuild | null> {
  const exists = await pool.query<{ present: boolean }>("SELECT to_regclass('depeches.build') IS NOT NULL AS present");
  if (!exists.rows[0].present) return null;
  const result = await pool.query<{ build_id: string; built_at: Date; corpus: string | null; document_count: number }>(
    'SELECT build_id, built_at, corpus, document_count FROM depeches.build',
  );
  const row = result.rows[0];
  return row ? { buildId: row.build_id, builtAt: row.built_at.toISOString(), corpus: row.corpus, documentCount: row.document_count } : null;
}

/** Why the database's index needs a (re)build from a corpus folder, or null when up to date. */
export async function postgresRebuildReason(pool: pg.Pool, corpusDir: string): Promise<string | null> {
  const build = await readPostgresBuild(pool);
  if (!build) return 'no index in the database yet';
  if (build.corpus && path.resolve(build.corpus) !== path.resolve(corpusDir)) return `the database holds the index of ${build.corpus}`;
  if ((await latestModification(corpusDir)) >= Date.parse(build.builtAt)) return 'corpus changed since the last build';
  return null;
}
