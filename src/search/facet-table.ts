import type { Article } from '../ingest/types.js';
import { catalogOf, type CatalogReader } from '../index/index.js';
import { FACETS, facetKey, fieldValues, type FacetName } from '../analysis/index.js';
import { SAMPLE_BUCKETS } from './keystroke-options.js';
import { tableArray } from './table-arrays.js';

/** One facet's values as small integers. */
export interface FacetColumn {
  /** Each distinct value as first written, by id. */
  names: string[];
  /** Rank of each value in French alphabetical order, by id: ties in counts sort by it without comparing strings. */
  order: Uint32Array;
  /** Value id by folded key ("serguei lavrov" -> id), for selections typed in any case or accent. */
  idByKey: Map<string, number>;
  /** The folded key of each value, by id: a keystroke naming values folds no names (name-match.ts). */
  keys: string[];
  /** Articles holding each value, by id (an article holds a value once). */
  totals: Uint32Array;
  /** Value ids of article n: ids[start[n] .. start[n + 1]) (one flat array, no object per article; each value once). */
  start: Uint32Array;
  ids: Uint32Array;
}

/**
 * Facet values of every article as small integers, computed once per build
 * (by its Searcher),
 * so that counting facets over 100 000 matches is array arithmetic rather
 * than string work: each distinct value of each facet declared in
 * src/analysis/fields.ts gets an id, each article the ids of its values,
 * year and month.
 */
export interface FacetTable {
  /** By facet field ("speakers", "organisations", "source"). */
  facets: Record<FacetName, FacetColumn>;
  /** "2022" and "2022-01" values, by id. */
  periodNames: string[];
  /** The year id of each month id ("2022-01" -> "2022"), -1 for a year's id. */
  yearOfMonth: Int32Array;
  /** Year id and month id of each article; -1 when undated. */
  yearOf: Int32Array;
  monthOf: Int32Array;
  /** Date of each article as the number YYYYMMDD; -1 when undated. */
  dayOf: Int32Array;
  /** Rank of each article when sorted newest first (undated last). */
  dateRank: Int32Array;
  /** Article numbers, newest first (undated last). */
  newestFirst: Int32Array;
  /** Sample bucket of each article, 0 to SAMPLE_BUCKETS - 1, a hash of its number: the sample approximate facet counts read (facets.ts). */
  sampleBucket: Uint16Array;
  /** The numbers 0 to n - 1: the positions passing an unfiltered search, as a view (facets.ts). */
  positions: Int32Array;
  /** The filter each article fails, by selection of filters, least recently used first (facets.ts `filterFailures`). */
  filterCodes: Map<string, Int8Array>;
  /** The whole archive's counts, made on first use (archive-counts.ts). */
  archiveCounts?: { facets: Uint32Array[]; months: Uint32Array };
}

export { facetKey };

/** "2022-01-10" -> 20220110, so that date ranges compare as numbers. */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

function alphabeticalRanks(names: string[], shared: boolean): Uint32Array {
  const collator = new Intl.Collator('fr');
  const ranks = tableArray(Uint32Array, names.length, shared);
  names
    .map((_, id) => id)
    .sort((a, b) => collator.compare(names[a], names[b]))
    .forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

class Dictionary {
  names: string[] = [];
  keys: string[] = [];
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
      this.keys.push(key);
      this.idByKey.set(key, id);
    }
    this.idByValue.set(value, id);
    return id;
  }
}

/** The facet ids of the names of a packed list column, by name id: each name folded once, not once per article holding it. */
function idsOfNames(values: Dictionary, catalog: CatalogReader, name: 'speakers' | 'organisations'): Int32Array {
  const column = catalog.lists[name];
  const ids = new Int32Array(column.nameCount);
  for (let id = 0; id < ids.length; id++) ids[id] = values.idOf(column.name(id));
  return ids;
}

function facetColumn(documents: readonly Article[], catalog: CatalogReader | null, name: FacetName, shared: boolean): FacetColumn {
  const values = new Dictionary();
  const count = documents.length;
  const start = tableArray(Uint32Array, count + 1, shared);
  const ids: number[] = [];
  if (catalog && (name === 'speakers' || name === 'organisations')) {
    // A loaded build: read from the packed catalog, no article made (documents.ts).
    const facetIds = idsOfNames(values, catalog, name);
    const column = catalog.lists[name];
    for (let n = 0; n < count; n++) {
      const list = column.idsOf(n);
      if (list.length === 1) ids.push(facetIds[list[0]]);
      else if (list.length > 1) ids.push(...new Set(Array.from(list, (id) => facetIds[id])));
      start[n + 1] = ids.length;
    }
  } else {
    const valuesOf: (n: number) => readonly string[] =
      catalog && name === 'source'
        ? (n) => {
            const value = catalog.strings.source.at(n);
            return value ? [value] : [];
          }
        : (n) => fieldValues(documents[n], name);
    for (let n = 0; n < count; n++) {
      const list = valuesOf(n);
      if (list.length === 1) ids.push(values.idOf(list[0]));
      else if (list.length > 1) ids.push(...new Set(list.map((v) => values.idOf(v))));
      start[n + 1] = ids.length;
    }
  }
  const valueIds = tableArray(Uint32Array, ids.length, shared);
  valueIds.set(ids);
  const totals = tableArray(Uint32Array, values.names.length, shared);
  for (const id of valueIds) totals[id]++;
  return { names: values.names, order: alphabeticalRanks(values.names, shared), idByKey: values.idByKey, keys: values.keys, totals, start, ids: valueIds };
}

/** Each article's sample bucket: its number hashed (MurmurHash3's finaliser), so that any range of numbers spreads over every bucket. */
function sampleBuckets(count: number, shared: boolean): Uint16Array {
  const buckets = tableArray(Uint16Array, count, shared);
  for (let n = 0; n < count; n++) {
    let h = n;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    buckets[n] = (h ^ (h >>> 16)) & (SAMPLE_BUCKETS - 1);
  }
  return buckets;
}

/** Largest article count whose numbers fit beside a day number in one sort key (below 2^53). */
const KEY_SPAN = 2 ** 24;

/**
 * Article numbers newest first, undated last, ties in article order: each
 * article's day and number made one number, sorted as numbers (no
 * comparison function called a million times at a million articles).
 */
function newestFirstOrder(dayOf: Int32Array, shared: boolean): Int32Array {
  const count = dayOf.length;
  const order = tableArray(Int32Array, count, shared);
  if (count > KEY_SPAN) {
    // Beyond what one key holds: compared by a function.
    const ranked = Array.from({ length: count }, (_, n) => n).sort((a, b) => (dayOf[a] === dayOf[b] ? a - b : dayOf[a] < 0 ? 1 : dayOf[b] < 0 ? -1 : dayOf[b] - dayOf[a]));
    order.set(ranked);
    return order;
  }
  // Days are YYYYMMDD below 10^8: 10^8 - day ascends as days descend; undated articles after every day.
  const keys = new Float64Array(count);
  for (let n = 0; n < count; n++) keys[n] = (dayOf[n] < 0 ? 1e8 : 1e8 - 1 - dayOf[n]) * KEY_SPAN + n;
  keys.sort();
  for (let rank = 0; rank < count; rank++) order[rank] = keys[rank] % KEY_SPAN;
  return order;
}

/** The facet table of a build's articles (kept by the build's Searcher: src/search/searcher.ts); `shared`: its arrays in SharedArrayBuffers. */
export function buildFacetTable(documents: readonly Article[], shared = false): FacetTable {
  const periods = new Dictionary();
  const count = documents.length;
  const yearOf = tableArray(Int32Array, count, shared).fill(-1);
  const monthOf = tableArray(Int32Array, count, shared).fill(-1);
  const dayOf = tableArray(Int32Array, count, shared).fill(-1);
  const catalog = catalogOf(documents);
  for (let n = 0; n < count; n++) {
    const date = catalog ? catalog.strings.date.at(n) : documents[n].date;
    if (date) {
      yearOf[n] = periods.idOf(date.slice(0, 4));
      monthOf[n] = periods.idOf(date.slice(0, 7));
      dayOf[n] = dayNumber(date);
    }
  }
  const yearOfMonth = tableArray(Int32Array, periods.names.length, shared).fill(-1);
  for (let n = 0; n < count; n++) if (monthOf[n] >= 0) yearOfMonth[monthOf[n]] = yearOf[n];
  const newestFirst = newestFirstOrder(dayOf, shared);
  const dateRank = tableArray(Int32Array, count, shared);
  for (let rank = 0; rank < count; rank++) dateRank[newestFirst[rank]] = rank;
  const positions = tableArray(Int32Array, count, shared);
  for (let n = 0; n < count; n++) positions[n] = n;
  return {
    facets: Object.fromEntries(FACETS.map((name) => [name, facetColumn(documents, catalog, name, shared)])) as Record<FacetName, FacetColumn>,
    periodNames: periods.names,
    yearOfMonth,
    yearOf,
    monthOf,
    dayOf,
    dateRank,
    newestFirst,
    sampleBucket: sampleBuckets(count, shared),
    positions,
    filterCodes: new Map(),
  };
}
