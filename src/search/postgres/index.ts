/** The search stage on PostgreSQL full-text search. */
export { PostgresBackend, headlineHtml, type PostgresBackendOptions } from './backend.js';
export { isDatabaseUnavailable } from './unavailable.js';
export { compileTsQuery, type CompiledTsQuery } from './tsquery.js';
