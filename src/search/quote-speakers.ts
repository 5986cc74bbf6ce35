import { facetKey } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';

/**
 * The speakers of every quotation of a build, as ids, built once per build
 * (by its Searcher, src/search/searcher.ts):
 * a `cite:` search then marks the few speakers whose name holds the name
 * typed and scans integer arrays, instead of comparing names quotation by
 * quotation (100 000 articles hold some 700 000 quotations).
 */
export interface QuoteSpeakerTable {
  /** Distinct speakers, and the folded words of each. */
  names: string[];
  words: Set<string>[];
  /** Quotations of article n: quoteSpeaker[offsets[n]] to quoteSpeaker[offsets[n + 1] - 1], the speaker's id or -1 (none), in the article's order. */
  offsets: Int32Array;
  quoteSpeaker: Int32Array;
}

export function buildQuoteSpeakerTable(documents: readonly Article[]): QuoteSpeakerTable {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const offsets = new Int32Array(documents.length + 1);
  let total = 0;
  for (let n = 0; n < documents.length; n++) total += documents[n].quotes.length;
  const quoteSpeaker = new Int32Array(total);
  let at = 0;
  for (let n = 0; n < documents.length; n++) {
    offsets[n] = at;
    for (const quote of documents[n].quotes) {
      let id = -1;
      if (quote.speaker !== null) {
        id = ids.get(quote.speaker) ?? -1;
        if (id < 0) {
          id = names.length;
          ids.set(quote.speaker, id);
          names.push(quote.speaker);
        }
      }
      quoteSpeaker[at++] = id;
    }
  }
  offsets[documents.length] = at;
  return { names, words: names.map((name) => new Set(facetKey(name).split(' '))), offsets, quoteSpeaker };
}

/** Which speakers (by id) hold every word of each name: a flag per speaker. */
export function citedSpeakers(table: QuoteSpeakerTable, names: string[][]): Uint8Array {
  const cited = new Uint8Array(table.names.length);
  table.words.forEach((words, id) => {
    if (names.every((wanted) => wanted.every((w) => words.has(w)))) cited[id] = 1;
  });
  return cited;
}
