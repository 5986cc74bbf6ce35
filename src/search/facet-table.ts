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
  /** Rank of each value in French alphabetical order, by id: ties in counts sort by it without comparing strings. */
  speakerOrder: Uint32Array;
  organisationOrder: Uint32Array;
  /** "2022" and "2022-01" values, by id. */
  periodNames: string[];
  /** Value id by folded key ("serguei lavrov" -> id), for selections typed in any case or accent. */
  speakerIdByKey: Map<string, number>;
  organisationIdByKey: Map<string, number>;
  /** Speaker ids of article n: speakerIds[speakerStart[n] .. speakerStart[n + 1]) (one flat array, no object per article). */
  speakerStart: Uint32Array;
  speakerIds: Uint32Array;
  organisationStart: Uint32Array;
  organisationIds: Uint32Array;
  /** Year id and month id of each article; -1 when undated. */
  yearOf: Int32Array;
  monthOf: Int32Array;
  /** Date of each article as the number YYYYMMDD; -1 when undated. */
  dayOf: Int32Array;
  /** Rank of each article when sorted newest first (undated last). */
  dateRank: Int32Array;
  /** Article numbers, newest first (undated last). */
  newestFirst: Int32Array;
}

/** Values compare without case or accents: "otsc" selects "OTSC", "Tokayev" selects "Tokaïev". */
export function facetKey(value: string): string {
  return foldWord(value.trim()).replace(/\s+/g, ' ');
}

/** "2022-01-10" -> 20220110, so that date ranges compare as numbers. */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

function alphabeticalRanks(names: string[]): Uint32Array {
  const collator = new Intl.Collator('fr');
  const ranks = new Uint32Array(names.length);
  names
    .map((_, id) => id)
    .sort((a, b) => collator.compare(names[a], names[b]))
    .forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

class Dictionary {
  names: string[] = [];
  idByKey = new Map<string, number>();
  /** Ids of values as written: the same name recurs in thousands of articles, and folding it each time is most of the work. */
  private idByValue = new Map<string, number>();
  idOf(value: string): number {
    const known = this.idByValue.get(value);
    if (known !== undefined) return known;
    const key = facetKey(value);
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(value);
      this.idByKey.set(key, id);
    }
    this.idByValue.set(value, id);
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
  const dayOf = new Int32Array(count).fill(-1);
  const speakerStart = new Uint32Array(count + 1);
  const organisationStart = new Uint32Array(count + 1);
  const speakerIds: number[] = [];
  const organisationIds: number[] = [];
  for (let n = 0; n < count; n++) {
    const doc = documents[n];
    speakerIds.push(...new Set(doc.speakers.map((s) => speakers.idOf(s))));
    organisationIds.push(...new Set(doc.organisations.map((o) => organisations.idOf(o))));
    speakerStart[n + 1] = speakerIds.length;
    organisationStart[n + 1] = organisationIds.length;
    if (doc.date) {
      yearOf[n] = periods.idOf(doc.date.slice(0, 4));
      monthOf[n] = periods.idOf(doc.date.slice(0, 7));
      dayOf[n] = dayNumber(doc.date);
    }
  }
  // Newest first, undated last, ties in article order: on the day numbers, not the date strings.
  const order = Array.from({ length: count }, (_, n) => n).sort((a, b) => {
    if (dayOf[a] === dayOf[b]) return a - b;
    if (dayOf[a] < 0) return 1;
    if (dayOf[b] < 0) return -1;
    return dayOf[b] - dayOf[a];
  });
  const dateRank = new Int32Array(count);
  order.forEach((n, rank) => (dateRank[n] = rank));
  table = {
    speakerNames: speakers.names,
    organisationNames: organisations.names,
    periodNames: periods.names,
    speakerOrder: alphabeticalRanks(speakers.names),
    organisationOrder: alphabeticalRanks(organisations.names),
    speakerIdByKey: speakers.idByKey,
    organisationIdByKey: organisations.idByKey,
    speakerStart,
    speakerIds: Uint32Array.from(speakerIds),
    organisationStart,
    organisationIds: Uint32Array.from(organisationIds),
    yearOf,
    monthOf,
    dayOf,
    dateRank,
    newestFirst: Int32Array.from(order),
  };
  tables.set(documents, table);
  return table;
}
