/**
 * The search stage: parse a query, run it on an index, filter and count
 * facets, cut snippets. `search` is the one entry point.
 */
export { prepareSearch, search } from './run.js';
export { warmSearch, warmSearchInSteps } from './warm-up.js';
export { buildSearchTables, Searcher, type SearchTables } from './searcher.js';
export { KEYSTROKE_OPTIONS, type KeystrokeOptions } from './keystroke-options.js';
export { parseQuery } from './parse-query.js';
export { queryTerms } from './evaluate.js';
export { escapeHtml, highlightRange, snippet } from './highlight.js';
export { documentTokens } from './document-tokens.js';
export { facetKey, FACET_LIMIT } from './facets.js';
export type { SearchRequest, SearchResponse, SearchHit, HitStory, FacetValue, SortOrder, ParsedQuery, Clause, QuotationHit } from './types.js';
export { FACET_SEARCH_LIMIT } from './facet-search.js';
export { SUGGESTED_FACETS, wordBeingTyped, type NameSuggestion, type Suggestions } from './suggestions.js';
export { entityProfile, entitySlug, prepareEntities, PROFILE_LIMITS, type EntityKind, type EntityProfile, type Counted } from './entities.js';
export type { UnderstoodPart, UnderstoodUndo } from './understood.js';
