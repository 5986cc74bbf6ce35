import { fieldValues, tokenize } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import { containsPhrase } from './document-tokens.js';
import { holdsPhrase } from './quotation-query.js';
import type { QueryField } from './types.js';

/**
 * A phrase as analyzed terms with their distances from the first word, so
 * that stop words inside it ("Conseil de sécurité") still count as a gap.
 */
export interface PhrasePattern {
  terms: string[];
  offsets: number[];
  field?: QueryField;
}

export function phrasePattern(words: string[], field?: QueryField): PhrasePattern | null {
  const tokens = tokenize(words.join(' '));
  if (tokens.length === 0) return null;
  const first = tokens[0].position;
  return { terms: tokens.map((t) => t.term), offsets: tokens.map((t) => t.position - first), ...(field ? { field } : {}) };
}

/** True when article `n` holds the phrase, words in order and at the same distances. */
export function hasPhrase(searcher: Searcher, n: number, phrase: PhrasePattern): boolean {
  if (phrase.terms.length < 2) return true;
  const table = phrase.field === 'quotes' ? searcher.quoteSpeakers : null;
  if (table && table.aligned[n] === 1) {
    // Quotations: each one's term ids by position, saved with the index like the text's (no text read); a phrase stands in one quotation
    const ids = phrase.terms.map((t) => searcher.positions.termId(t));
    if (ids.includes(-1)) return false;
    for (let i = table.offsets[n]; i < table.offsets[n + 1]; i++) {
      const sequence = searcher.positions.sequence(n, table.sequenceField[i] as 0 | 1 | 2);
      if (holdsPhrase(sequence, table.sequenceStart[i], table.sequenceStart[i] + table.sequenceLength[i], ids, phrase.offsets)) return true;
    }
    return false;
  }
  if (phrase.field) {
    // Names (speakers, organisations, source) are short: check them as token lists of their own.
    return fieldValues(searcher.documents[n], phrase.field).some((v) => containsPhrase(tokenize(v), phrase.terms, phrase.offsets));
  }
  // Title and text: their term ids by position, saved with the index, so no article is analyzed again.
  const ids = phrase.terms.map((t) => searcher.positions.termId(t));
  if (ids.includes(-1)) return false;
  return sequenceHolds(searcher.positions.sequence(n, 0), ids, phrase.offsets) || sequenceHolds(searcher.positions.sequence(n, 1), ids, phrase.offsets);
}

function sequenceHolds(sequence: Int32Array, ids: number[], offsets: number[]): boolean {
  const span = offsets[offsets.length - 1];
  for (let p = 0; p + span < sequence.length; p++) {
    if (sequence[p] !== ids[0]) continue;
    let all = true;
    for (let k = 1; k < ids.length && all; k++) all = sequence[p + offsets[k]] === ids[k];
    if (all) return true;
  }
  return false;
}
