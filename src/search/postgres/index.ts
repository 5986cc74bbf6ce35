/** The search stage on PostgreSQL full-text search. */
export { PostgresBackend, headlineHtml, isDatabaseUnavailable, type PostgresBackendOptions } from './backend.js';
export { compileTsQuery, type CompiledTsQuery } from './tsquery.js';
