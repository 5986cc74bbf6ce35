import { facetKey, TEXT_FIELDS } from '../analysis/index.js';
import { packedQuotesOf, quoteOutlines, type SearchIndex } from '../index/index.js';
import { tableArray } from './table-arrays.js';

/**
 * The speakers of every quotation of a build, as ids, and where each
 * quotation's term ids by position lie (a span of its article's text
 * sequence, or of its `quotes` sequence, src/index/compact.ts), built once per build by its Searcher
 * (src/search/searcher.ts) from the quotations' outlines (no article text
 * is read): a `cite:` search then marks the few speakers whose name holds
 * the name typed and scans integer arrays, and tests a quotation's words on
 * its term ids, instead of comparing names and analysing words quotation by
 * quotation (100 000 articles hold some 700 000 quotations).
 */
export interface QuoteSpeakerTable {
  /** Distinct speakers, and the folded words of each. */
  names: string[];
  words: Set<string>[];
  /** Quotations of article n: quoteSpeaker[offsets[n]] to quoteSpeaker[offsets[n + 1] - 1], the speaker's id or -1 (none), in the article's order. */
  offsets: Int32Array;
  quoteSpeaker: Int32Array;
  /** The sequence holding each quotation's term ids by position (its article's text or `quotes` field, for `positions.sequence`). */
  sequenceField: Uint8Array;
  /** Each quotation's first position in that sequence and its number of positions. */
  sequenceStart: Int32Array;
  sequenceLength: Int32Array;
  /** 1 when article n's quotations have their places in the index (else their words are read from their text). */
  aligned: Uint8Array;
}

/** The `quotes` field's number among the fields saved position by position. */
export const QUOTES_SEQUENCE = TEXT_FIELDS.indexOf('quotes') as 0 | 1 | 2;
const TEXT_SEQUENCE = TEXT_FIELDS.indexOf('text') as 0 | 1 | 2;

/** Distinct speakers, where each article's quotations begin, and each quotation's speaker id. */
interface SpeakerColumns {
  names: string[];
  offsets: Int32Array;
  quoteSpeaker: Int32Array;
}

/** The columns of articles held in memory (or loaded otherwise), from each article's quotation outlines. */
function speakerColumns(documents: SearchIndex['documents']): SpeakerColumns {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const outlines = documents.map((a) => quoteOutlines(a));
  const offsets = new Int32Array(documents.length + 1);
  let total = 0;
  for (const o of outlines) total += o.length;
  const quoteSpeaker = new Int32Array(total);
  let at = 0;
  for (let n = 0; n < documents.length; n++) {
    offsets[n] = at;
    for (const quote of outlines[n]) {
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
  return { names, offsets, quoteSpeaker };
}

/** `shared`: its arrays in SharedArrayBuffers (those of a loaded build's quotations are already). */
export function buildQuoteSpeakerTable(index: SearchIndex, shared = false): QuoteSpeakerTable {
  // A loaded build holds its quotations in these very columns (src/index/shared-quotes.ts): used as they are, shared by threads.
  const packed = packedQuotesOf(index.documents);
  const { names, offsets, quoteSpeaker } = packed ? { names: packed.speakers, offsets: packed.first, quoteSpeaker: packed.speaker } : speakerColumns(index.documents);
  const count = index.documents.length;
  const sequenceField = tableArray(Uint8Array, quoteSpeaker.length, shared);
  const sequenceStart = tableArray(Int32Array, quoteSpeaker.length, shared);
  const sequenceLength = tableArray(Int32Array, quoteSpeaker.length, shared);
  const aligned = tableArray(Uint8Array, count, shared);
  const { quoteOffsets, quotePlaces } = index.compact;
  for (let n = 0; n < count; n++) {
    const placed = quoteOffsets[n];
    const quotes = offsets[n + 1] - offsets[n];
    const fits = quotes === quoteOffsets[n + 1] - placed;
    if (fits) {
      for (let j = 0; j < quotes; j++) {
        // A span of the text's sequence, or (a quotation not one span of the text) of the quotations' own
        const place = quotePlaces[2 * (placed + j)];
        sequenceField[offsets[n] + j] = place >= 0 ? TEXT_SEQUENCE : QUOTES_SEQUENCE;
        sequenceStart[offsets[n] + j] = place >= 0 ? place : -place - 1;
        sequenceLength[offsets[n] + j] = quotePlaces[2 * (placed + j) + 1];
      }
    }
    aligned[n] = quotes > 0 && fits ? 1 : 0;
  }
  return { names, words: names.map((name) => new Set(facetKey(name).split(' '))), offsets, quoteSpeaker, sequenceField, sequenceStart, sequenceLength, aligned };
}

/** Which speakers (by id) hold every word of each name: a flag per speaker. */
export function citedSpeakers(table: QuoteSpeakerTable, names: string[][]): Uint8Array {
  const cited = new Uint8Array(table.names.length);
  table.words.forEach((words, id) => {
    if (names.every((wanted) => wanted.every((w) => words.has(w)))) cited[id] = 1;
  });
  return cited;
}
