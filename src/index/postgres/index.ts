/** The index stage on PostgreSQL: schema and migrations, connection pool, transactional incremental writes. */
export { createPool, redactUrl, type PoolOptions } from './pool.js';
export { isStandby, primaryWalPosition, waitForReplay } from './replica.js';
export { migrate, parsable, schemaVersion, SCHEMA_VERSION, TS_CONFIG, MIGRATIONS, type Migration } from './schema.js';
export { FACET_COLUMNS, TAGGED_FIELDS, fieldRestriction, type FacetColumnSql } from './fields.js';
export { inSearchSample, SAMPLE_BUCKET_COUNT, SEARCH_SAMPLE_BUCKETS } from './search-sample.js';
export {
  indexCorpusToPostgres,
  writeArticlesToPostgres,
  readPostgresBuild,
  postgresRebuildReason,
  contentHash,
  type PostgresIndexReport,
  type PostgresBuild,
  type BuildFinisher,
} from './write.js';
