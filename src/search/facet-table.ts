import type { Article } from '../ingest/types.js';
import { foldWord } from '../analysis/index.js';

/**
 * Facet values of every article as small integers, computed once per index,
 * so that counting facets over 100 000 matches is array arithmetic rather
 * than string work: each distinct value gets an id, each article the ids of
 * its speakers, organisations, year and month.
 */
export interface FacetTable {
  speakerNames: string[];
  organisationNames: string[];
  /** "2022" and "2022-01" values, by id. */
  periodNames: string[];
  /** Value id by folded key ("serguei lavrov" -> id), for selections typed in any case or accent. */
  speakerIdByKey: Map<string, number>;
  organisationIdByKey: Map<string, number>;
  speakersOf: Uint32Array[];
  organisationsOf: Uint32Array[];
  /** Year id and month id of each article; -1 when undated. */
  yearOf: Int32Array;
  monthOf: Int32Array;
  /** Rank of each article when sorted newest first (undated last). */
  dateRank: Int32Array;
  /** Article numbers, newest first (undated last). */
  newestFirst: number[];
}

/** Values compare without case or accents: "otsc" selects "OTSC", "Tokayev" selects "Tokaïev". */
export function facetKey(value: string): string {
  return foldWord(value.trim()).replace(/\s+/g, ' ');
}

class Dictionary {
  names: string[] = [];
  idByKey = new Map<string, number>();
  idOf(value: string): number {
    const key = facetKey(value);
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(value);
      this.idByKey.set(key, id);
    }
    return id;
  }
}

const tables = new WeakMap<Article[], FacetTable>();

export function facetTable(documents: Article[]): FacetTable {
  let table = tables.get(documents);
  if (table) return table;
  const speakers = new Dictionary();
  const organisations = new Dictionary();
  const periods = new Dictionary();
  const count = documents.length;
  const yearOf = new Int32Array(count).fill(-1);
  const monthOf = new Int32Array(count).fill(-1);
  const speakersOf: Uint32Array[] = new Array(count);
  const organisationsOf: Uint32Array[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const doc = documents[n];
    speakersOf[n] = Uint32Array.from(new Set(doc.speakers.map((s) => speakers.idOf(s))));
    organisationsOf[n] = Uint32Array.from(new Set(doc.organisations.map((o) => organisations.idOf(o))));
    if (doc.date) {
      yearOf[n] = periods.idOf(doc.date.slice(0, 4));
      monthOf[n] = periods.idOf(doc.date.slice(0, 7));
    }
  }
  const order = documents.map((_, n) => n).sort((a, b) => {
    const da = documents[a].date;
    const db = documents[b].date;
    if (da === db) return a - b;
    if (da === null) return 1;
    if (db === null) return -1;
    return db < da ? -1 : 1;
  });
  const dateRank = new Int32Array(count);
  order.forEach((n, rank) => (dateRank[n] = rank));
  table = {
    speakerNames: speakers.names,
    organisationNames: organisations.names,
    periodNames: periods.names,
    speakerIdByKey: speakers.idByKey,
    organisationIdByKey: organisations.idByKey,
    speakersOf,
    organisationsOf,
    yearOf,
    monthOf,
    dateRank,
    newestFirst: order,
  };
  tables.set(documents, table);
  return table;
}
