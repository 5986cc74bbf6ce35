/** The search stage on PostgreSQL full-text search. */
export { PostgresBackend, type PostgresBackendOptions } from './backend.js';
export { headlineHtml } from './headline.js';
export { isDatabaseUnavailable } from './unavailable.js';
export { compileTsQuery, type CompiledTsQuery } from './tsquery.js';
