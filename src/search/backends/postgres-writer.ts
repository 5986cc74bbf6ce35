/**
 * The PostgreSQL backend's writer: the corpus read by the same worker pool
 * as the embedded index, written into the database in one transaction,
 * row by row where an article changed (src/index/postgres). Its pool of
 * two connections opens on first use.
 */
import type pg from 'pg';
import type { IndexCorpusOptions } from '../../index/index.js';
import { createPool, indexCorpusToPostgres, isStandby, postgresRebuildReason, readPostgresBuild, redactUrl } from '../../index/postgres/index.js';
import { precomputePrefixAnswers } from '../postgres/prefix-answers.js';
import type { BackendWriter, BuildReport } from './types.js';

/** The build's precomputed answers (src/search/postgres/prefix-answers.ts), in its transaction. */
async function precomputeAnswers(client: pg.PoolClient, buildId: string): Promise<void> {
  await precomputePrefixAnswers(client, buildId);
}

export class PostgresWriter implements BackendWriter {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly buildCommand = 'npm run index -- --corpus DIR --database URL';
  private connections: pg.Pool | null = null;

  constructor(private readonly url: string) {
    this.location = redactUrl(url);
  }

  private get pool(): pg.Pool {
    this.connections ??= createPool(this.url, { max: 2, applicationName: 'depeches-index' });
    return this.connections;
  }

  async build(corpus: string, options: IndexCorpusOptions = {}): Promise<BuildReport> {
    const readOnly = await this.readOnly();
    if (readOnly) throw new Error(`cannot build the index in ${this.location}: ${readOnly}`);
    const { inserted, updated, deleted, unchanged, ...report } = await indexCorpusToPostgres(corpus, this.pool, { ...options, finish: precomputeAnswers });
    return { ...report, changes: { inserted, updated, deleted, unchanged } };
  }

  // The whole check always, corpus changes included: a PostgreSQL server loads no index, so checking first costs it only the walk of the corpus.
  rebuildReason(corpus: string): Promise<string | null> {
    return postgresRebuildReason(this.pool, corpus);
  }

  async builtFrom(): Promise<string | null> {
    return (await readPostgresBuild(this.pool).catch(() => null))?.corpus ?? null;
  }

  async readOnly(): Promise<string | null> {
    return (await isStandby(this.pool)) ? 'it is a read-only standby, builds are written on its primary' : null;
  }

  async close(): Promise<void> {
    const pool = this.connections;
    this.connections = null;
    await pool?.end();
  }
}
