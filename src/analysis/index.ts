/**
 * French text analysis, shared by indexing and querying so that both sides
 * produce the same terms: lowercase, accents folded, elisions cut, stop
 * words dropped, Snowball stems, compounds findable whole and by part.
 */
export { foldWord } from './fold.js';
export { STOP_WORDS, isStopWord } from './stopwords.js';
export { stemFolded } from './stem.js';
export { analyzeWord, tokenize, positionSpans, indexTerms, compoundTerm, type Token } from './tokenize.js';
export { elisionLength, splitWords, withoutElision, ELISION, JOINER } from './words.js';
export { analyzeText, sequenceLength, TermDictionary, type IdSink, SPAN_MARK, type SpanMarks } from './analyze-text.js';

/** Bump when the analysis changes: an index built by another version must be rebuilt. */
export const ANALYZER_VERSION = 3;
export {
  FIELDS,
  FACETS,
  INDEXED_FIELDS,
  TEXT_FIELDS,
  BOOSTS,
  PREFIXES,
  facetOf,
  fieldValues,
  fieldText,
  facetFilters,
  facetFields,
  facetKey,
  type FieldName,
  type FacetName,
  type IndexedField,
  type TextField,
  type QueryField,
  type FacetResponseKey,
  type FacetFilters,
  type FacetDeclaration,
  type FieldDeclaration,
} from './fields.js';
