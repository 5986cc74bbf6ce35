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

/** Slots of the id table per article: at most half full, so that a lookup probes about 1.5 slots. */
const ID_SLOTS_PER_ARTICLE = 2;

/** Typed arrays over shared memory (for several threads) or private memory. */
function allocator(shared: boolean) {
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    bytes: (n: number) => new Uint8Array(buffer(n)),
    int32: (n: number) => new Int32Array(buffer(n * 4)),
    float64: (n: number) => new Float64Array(buffer(n * 8)),
  };
}
type Allocator = ReturnType<typeof allocator>;

/**
 * The bytes of every string column, written once where they stay: one
 * buffer as long as catalog.json (its strings' UTF-8 bytes are never more
 * than their JSON), each column a view of its part. Pages never written
 * (the JSON's quotes, commas, numbers) are never resident; and no buffer
 * grown by copies is left to the allocator, which kept 120 MB of a front
 * thread's memory at 100 000 articles when columns grew by doubling.
 */
class ByteArena {
  readonly view: Uint8Array;
  private readonly bytes: Buffer;
  at = 0;
  constructor(capacity: number, alloc: Allocator) {
    this.view = alloc.bytes(capacity);
    this.bytes = Buffer.from(this.view.buffer, this.view.byteOffset, this.view.byteLength);
  }
  /** Writes `value`, returns the offset after it. */
  write(value: string): number {
    if (Buffer.byteLength(value, 'utf8') > this.bytes.length - this.at) throw new Error('catalog.json holds more text than its size');
    this.at += this.bytes.write(value, this.at, 'utf8');
    return this.at;
  }
}

/** Collects the values of one string column, in article order, its bytes one run of the arena (columns are written one after the other). */
class StringsWriter {
  private from = -1;
  private readonly offsets: number[] = [];
  private nulls: number[] | null = null;

  constructor(private readonly arena: ByteArena) {}

  add(value: unknown): void {
    if (this.from < 0) this.from = this.arena.at;
    const end = this.from + (this.offsets.length === 0 ? 0 : this.offsets[this.offsets.length - 1]);
    if (end !== this.arena.at) throw new Error('catalog columns written across each other');
    if (value === null) {
      (this.nulls ??= []).push(this.offsets.length);
      this.offsets.push(end - this.from);
    } else if (typeof value === 'string') this.offsets.push(this.arena.write(value) - this.from);
    else throw new Error('catalog.json holds a value of another type');
  }

  finish(alloc: Allocator): PackedStrings {
    const from = this.from < 0 ? this.arena.at : this.from;
    const count = this.offsets.length;
    const bytes = this.arena.view.subarray(from, from + (count === 0 ? 0 : this.offsets[count - 1]));
    const offsets = alloc.float64(count + 1);
    offsets.set(this.offsets, 1);
    let nulls: Uint8Array | null = null;
    if (this.nulls) {
      nulls = alloc.bytes(count);
      for (const n of this.nulls) nulls[n] = 1;
    }
    return { bytes, offsets, nulls };
  }
}

/** Collects the lists of one list column, each name once. */
class ListsWriter {
  private readonly names: StringsWriter;
  private readonly idOf = new Map<string, number>();
  private readonly offsets: number[] = [0];
  private readonly ids: number[] = [];

  constructor(arena: ByteArena) {
    this.names = new StringsWriter(arena);
  }

  add(value: unknown): void {
    if (!Array.isArray(value)) throw new Error('catalog.json holds a value of another type');
    for (const name of value) {
      if (typeof name !== 'string') throw new Error('catalog.json holds a value of another type');
      let id = this.idOf.get(name);
      if (id === undefined) {
        id = this.idOf.size;
        this.idOf.set(name, id);
        this.names.add(name);
      }
      this.ids.push(id);
    }
    this.offsets.push(this.ids.length);
  }

  finish(alloc: Allocator): PackedLists {
    const offsets = alloc.int32(this.offsets.length);
    offsets.set(this.offsets);
    const ids = alloc.int32(this.ids.length);
    ids.set(this.ids);
    return { names: this.names.finish(alloc), offsets, ids };
  }
}

/** Collects one number column (null: NaN). */
class NumbersWriter {
  private readonly values: number[] = [];
  add(value: unknown): void {
    if (value !== null && typeof value !== 'number') throw new Error('catalog.json holds a value of another type');
    this.values.push(value === null ? NaN : value);
  }
  finish(alloc: Allocator): Float64Array {
    const values = alloc.float64(this.values.length);
    values.set(this.values);
    return values;
  }
}

/** FNV-1a of bytes[from .. to). */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return h >>> 0;
}

function idTable(ids: PackedStrings, count: number, alloc: Allocator): Int32Array {
  let size = 16;
  while (size < count * ID_SLOTS_PER_ARTICLE) size *= 2;
  const slots = alloc.int32(size);
  const mask = size - 1;
  const { bytes, offsets } = ids;
  for (let n = 0; n < count; n++) {
    let slot = hashBytes(bytes, offsets[n], offsets[n + 1]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = n + 1;
  }
  return slots;
}

/**
 * Packs the columns of a catalog as they are read, a block of values at a
 * time (catalog-file.ts): the parsed JSON of a block is garbage as soon as
 * it is packed, so a load never holds the whole catalog as objects.
 */
export class CatalogPacker {
  private readonly alloc: Allocator;
  private readonly strings: Record<StringField, StringsWriter>;
  private readonly lists: Record<ListField, ListsWriter>;
  private readonly numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new NumbersWriter()])) as Record<NumberField, NumbersWriter>;

  /** `textBytes`: at least the UTF-8 bytes of every string to pack (catalog.json's size); in SharedArrayBuffers when `shared`. */
  constructor(
    readonly count: number,
    textBytes: number,
    shared: boolean,
  ) {
    this.alloc = allocator(shared);
    const arena = new ByteArena(textBytes, this.alloc);
    this.strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, new StringsWriter(arena)])) as Record<StringField, StringsWriter>;
    this.lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, new ListsWriter(arena)])) as Record<ListField, ListsWriter>;
  }

  /** The writer of a column; throws for a field the catalog does not pack. */
  column(field: string): { add(value: unknown): void } {
    const writer = (this.strings as Record<string, StringsWriter>)[field] ?? (this.lists as Record<string, ListsWriter>)[field] ?? (this.numbers as Record<string, NumbersWriter>)[field];
    if (!writer) throw new Error(`catalog.json has an unknown field ${field}`);
    return writer;
  }

  /** The packed columns. */
  finish(): PackedCatalog {
    const alloc = this.alloc;
    const strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, this.strings[f].finish(alloc)])) as Record<StringField, PackedStrings>;
    const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, this.lists[f].finish(alloc)])) as Record<ListField, PackedLists>;
    const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, this.numbers[f].finish(alloc)])) as Record<NumberField, Float64Array>;
    for (const f of STRING_FIELDS) if (strings[f].offsets.length !== this.count + 1) throw new Error('catalog.json does not fit its count');
    for (const f of LIST_FIELDS) if (lists[f].offsets.length !== this.count + 1) throw new Error('catalog.json does not fit its count');
    for (const f of NUMBER_FIELDS) if (numbers[f].length !== this.count) throw new Error('catalog.json does not fit its count');
    if (strings.id.nulls) throw new Error('catalog.json has an article without id');
    return { count: this.count, strings, lists, numbers, idSlots: idTable(strings.id, this.count, alloc) };
  }
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
