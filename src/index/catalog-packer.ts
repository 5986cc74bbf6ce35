import { hashBytes, LIST_FIELDS, NUMBER_FIELDS, STRING_FIELDS, type ListField, type NumberField, type PackedCatalog, type PackedLists, type PackedStrings, type StringField } from './packed-catalog.js';

/* Packs the columns of catalog.json as they are parsed (catalog-file.ts) into the typed arrays of packed-catalog.ts. */

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

