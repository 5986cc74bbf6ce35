import type { Article } from '../ingest/types.js';

/**
 * The catalog of a loaded build (every Article field but `text` and the
 * quotations) as flat typed arrays rather than one object per article:
 * strings as UTF-8 bytes and offsets, the speakers and organisations lists
 * as ids into one column of distinct names, numbers as a Float64Array.
 * At 100 000 articles the objects took some 50 MB of heap in each serving
 * thread; packed, the columns take a few MB, once: the front thread of a
 * server on several threads (src/web/threads/) packs them in
 * SharedArrayBuffers and every thread reads the same bytes. An article is
 * made again from the columns only when it is asked for (documents.ts).
 *
 * The ids come with a hash table over their bytes (`idSlots`), so that
 * finding an article by id needs no Map of 100 000 strings per thread either.
 */

/** The string fields (null allowed: date, source, url). */
export const STRING_FIELDS = ['id', 'title', 'date', 'source', 'url', 'format', 'path', 'fileHash'] as const;
export type StringField = (typeof STRING_FIELDS)[number];
/** The list fields: names recur across articles, stored once each. */
export const LIST_FIELDS = ['speakers', 'organisations'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
/** The optional number fields (absent: NaN). */
export const NUMBER_FIELDS = ['fileSize', 'fileMtimeMs'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** A column of strings: value n is bytes[offsets[n] .. offsets[n + 1]), or null when nulls[n] is 1. */
export interface PackedStrings {
  bytes: Uint8Array;
  /** Float64Array: a million articles' titles and paths may pass 2 GB in no column, but nothing here needs to assume it. */
  offsets: Float64Array;
  /** 1 where the value is null; null when no value is. */
  nulls: Uint8Array | null;
}

/** A column of lists of names: article n's are names ids[offsets[n] .. offsets[n + 1]). */
export interface PackedLists {
  names: PackedStrings;
  offsets: Int32Array;
  ids: Int32Array;
}

export interface PackedCatalog {
  count: number;
  strings: Record<StringField, PackedStrings>;
  lists: Record<ListField, PackedLists>;
  numbers: Record<NumberField, Float64Array>;
  /** Open addressing over the ids' bytes (FNV-1a): article number + 1 in each used slot, 0 in a free one; a power of two long. */
  idSlots: Int32Array;
}

/** FNV-1a of bytes[from .. to). */
export function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return h >>> 0;
}

/** Bytes of the typed arrays of a packed catalog (shared between threads when packed for them). */
export function packedCatalogBytes(c: PackedCatalog): number {
  const ofStrings = (s: PackedStrings) => s.bytes.byteLength + s.offsets.byteLength + (s.nulls?.byteLength ?? 0);
  let bytes = c.idSlots.byteLength;
  for (const f of STRING_FIELDS) bytes += ofStrings(c.strings[f]);
  for (const f of LIST_FIELDS) bytes += ofStrings(c.lists[f].names) + c.lists[f].offsets.byteLength + c.lists[f].ids.byteLength;
  for (const f of NUMBER_FIELDS) bytes += c.numbers[f].byteLength;
  return bytes;
}

/** Reads the strings of a packed column (Buffer decodes UTF-8 from shared memory too, where TextDecoder does not). */
class StringsReader {
  private readonly bytes: Buffer;
  constructor(private readonly column: PackedStrings) {
    this.bytes = Buffer.from(column.bytes.buffer, column.bytes.byteOffset, column.bytes.byteLength);
  }
  at(n: number): string | null {
    if (this.column.nulls?.[n]) return null;
    const { offsets } = this.column;
    return this.bytes.toString('utf8', offsets[n], offsets[n + 1]);
  }
}

/** Reads a list column; each name is decoded once per thread, when first read. */
class ListsReader {
  private readonly names: StringsReader;
  private readonly decoded: (string | undefined)[] = [];
  constructor(private readonly column: PackedLists) {
    this.names = new StringsReader(column.names);
  }
  /** Distinct names in the column. */
  get nameCount(): number {
    return this.column.names.offsets.length - 1;
  }
  name(id: number): string {
    return (this.decoded[id] ??= this.names.at(id)!);
  }
  at(n: number): string[] {
    const { offsets, ids } = this.column;
    const list: string[] = new Array(offsets[n + 1] - offsets[n]);
    for (let k = offsets[n]; k < offsets[n + 1]; k++) list[k - offsets[n]] = this.name(ids[k]);
    return list;
  }
  /** Name ids of article n, as stored (each name of the catalog's list once per occurrence). */
  idsOf(n: number): Int32Array {
    return this.column.ids.subarray(this.column.offsets[n], this.column.offsets[n + 1]);
  }
}

/** The fields an article takes from its catalog. */
export type CatalogValues = Omit<Article, 'text' | 'quotes'>;

/** One thread's reader of a packed catalog: values by article number, article numbers by id. */
export class CatalogReader {
  readonly strings: Record<StringField, StringsReader>;
  readonly lists: Record<ListField, ListsReader>;
  private readonly idBytes: Buffer;

  constructor(readonly packed: PackedCatalog) {
    this.strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, new StringsReader(packed.strings[f])])) as Record<StringField, StringsReader>;
    this.lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, new ListsReader(packed.lists[f])])) as Record<ListField, ListsReader>;
    const ids = packed.strings.id.bytes;
    this.idBytes = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength);
  }

  get count(): number {
    return this.packed.count;
  }

  /** The number of the article whose id is `id`, undefined when none is. */
  numberOf(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const key = Buffer.from(id, 'utf8');
    const { idSlots } = this.packed;
    const { offsets } = this.packed.strings.id;
    const mask = idSlots.length - 1;
    for (let slot = hashBytes(key, 0, key.length) & mask; idSlots[slot] !== 0; slot = (slot + 1) & mask) {
      const n = idSlots[slot] - 1;
      const from = offsets[n];
      if (offsets[n + 1] - from === key.length && this.idBytes.compare(key, 0, key.length, from, from + key.length) === 0) return n;
    }
    return undefined;
  }

  /** Every catalog field of article n, in the order an Article lists them (an optional field left out stays absent). */
  values(n: number): CatalogValues {
    const s = this.strings;
    const values: CatalogValues = {
      id: s.id.at(n)!,
      title: s.title.at(n)!,
      date: s.date.at(n),
      source: s.source.at(n),
      url: s.url.at(n),
      speakers: this.lists.speakers.at(n),
      organisations: this.lists.organisations.at(n),
      format: s.format.at(n) as Article['format'],
      path: s.path.at(n)!,
      fileHash: s.fileHash.at(n)!,
    };
    const size = this.packed.numbers.fileSize[n];
    const mtime = this.packed.numbers.fileMtimeMs[n];
    if (!Number.isNaN(size)) values.fileSize = size;
    if (!Number.isNaN(mtime)) values.fileMtimeMs = mtime;
    return values;
  }
}

/** Article numbers by id, as SearchIndex.byId offers them (a Map for articles held in memory, the catalog's id table for a loaded build). */
export interface ArticleIds {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** The id lookup of a packed catalog. */
export function idsOfCatalog(reader: CatalogReader): ArticleIds {
  return { get: (id) => reader.numberOf(id), has: (id) => reader.numberOf(id) !== undefined };
}
