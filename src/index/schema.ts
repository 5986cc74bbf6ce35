import type { Options } from 'minisearch';
import { BOOSTS, indexTerms, INDEXED_FIELDS } from '../analysis/index.js';
import type { IndexedFields } from './types.js';

/**
 * MiniSearch options shared by the build and the load of an index (MiniSearch
 * needs the same ones on both sides). Terms are analyzed by our French
 * analysis; queries arrive already analyzed, so searching neither splits nor
 * processes them again.
 */
export const MINISEARCH_OPTIONS: Options<IndexedFields> = {
  idField: 'n',
  fields: [...INDEXED_FIELDS],
  storeFields: [],
  tokenize: (text) => indexTerms(text),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => [text],
    processTerm: (term) => term,
    boost: BOOSTS,
  },
};
