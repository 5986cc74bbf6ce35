import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { checkOfFilesInThread, type FileCheck } from './checksums.js';
import { encodeVarints, MAX_VARINT_BYTES, VarintDecoder } from './varint.js';

/**
 * A file of named binary sections: typed arrays and UTF-8 text, each read
 * back into an array of its own (never the whole file in one buffer, which
 * Node cannot make over 4 GiB).
 *
 *     "DPIX" (4 bytes) | header length (uint32 LE) | header JSON | padding
 *     section 1 | padding | section 2 | ...
 *
 * The header lists each section's name, kind, byte offset, byte length and
 * CRC-32; sections start at multiples of 8 bytes. Numbers are stored in the
 * machine's byte order, which the header records. A section may be written
 * from a stream of chunks (a `SectionSource`), so that a build need not hold
 * its largest arrays whole. An integer section may be stored as varints
 * (`varints`, varint.ts: kind 'varint32', with its count of integers and
 * its delta stride), and is read back as the Int32Array it was.
 */
type Kind = 'int32' | 'float64' | 'uint8' | 'utf8' | 'varint32';
interface SectionEntry {
  name: string;
  kind: Kind;
  offset: number;
  bytes: number;
  crc32: number;
  /** varint32: the number of integers, and the stride of their differences (0: none). */
  count?: number;
  stride?: number;
}
interface Header {
  littleEndian: boolean;
  sections: SectionEntry[];
}
export type Section = Int32Array | Float64Array | Uint8Array | string;
/** A section written from chunks (in order, `bytes` in all when known beforehand) rather than from one array. */
export interface SectionSource {
  kind: 'int32' | 'float64' | 'uint8';
  bytes?: number;
  chunks(): Iterable<Int32Array | Float64Array | Uint8Array>;
}
/** An integer section to store as varints (varint.ts), each the difference from the one `stride` places before when stride > 0. */
export interface VarintSection {
  kind: 'varint32';
  values: Int32Array | SectionSource;
  stride: number;
}

/** `values` stored as varints in index.bin: a term id in one to three bytes, ascending numbers as their differences. */
export function varints(values: Int32Array | SectionSource, stride = 0): VarintSection {
  return { kind: 'varint32', values, stride };
}

/** Bytes read or written per call: a single call has size limits. */
const IO_SLICE = 1 << 28;

const MAGIC = 'DPIX';
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const align = (n: number) => Math.ceil(n / 8) * 8;

function bytesOf(value: Section): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

type Written = Section | SectionSource | VarintSection;

function kindOf(value: Written): Kind {
  return typeof value === 'string' ? 'utf8' : value instanceof Int32Array ? 'int32' : value instanceof Float64Array ? 'float64' : value instanceof Uint8Array ? 'uint8' : value.kind;
}

function isSource(value: Written): value is SectionSource {
  return typeof value === 'object' && !ArrayBuffer.isView(value) && 'chunks' in value;
}

function isVarint(value: Written): value is VarintSection {
  return typeof value === 'object' && !ArrayBuffer.isView(value) && value.kind === 'varint32';
}

function chunksOf(values: Int32Array | SectionSource): Iterable<Int32Array | Float64Array | Uint8Array> {
  return values instanceof Int32Array ? [values] : values.chunks();
}

/** Values varint-coded at once: the scratch buffer stays a few megabytes whatever the section's size. */
const VARINT_SLICE = 1 << 20;

async function writeAt(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let k = 0; k < bytes.byteLength; k += IO_SLICE) {
    const slice = bytes.subarray(k, Math.min(bytes.byteLength, k + IO_SLICE));
    for (let done = 0; done < slice.byteLength; ) done += (await handle.write(slice, done, slice.byteLength - done, position + k + done)).bytesWritten;
  }
}

/**
 * Writes the sections to `file` in order, each at the next multiple of 8
 * bytes (a varint section's length is known once it is coded), the header
 * last, when every offset and CRC is known, and fsyncs it.
 */
export async function writeSections(file: string, sections: Record<string, Written>): Promise<void> {
  const entries = Object.entries(sections).map(([name, value]) => {
    const direct = isSource(value) || isVarint(value) ? null : bytesOf(value);
    return { name, value, kind: kindOf(value), declared: direct ? direct.byteLength : isSource(value) ? (value.bytes ?? null) : null, direct };
  });
  // The header's length depends on the offsets it lists: room is kept for the largest it could be.
  const widest: SectionEntry = { name: '', kind: 'varint32', offset: Number.MAX_SAFE_INTEGER, bytes: Number.MAX_SAFE_INTEGER, crc32: 0xffffffff, count: Number.MAX_SAFE_INTEGER, stride: 99 };
  const bound = Buffer.byteLength(JSON.stringify({ littleEndian: LITTLE_ENDIAN, sections: entries.map((e) => ({ ...widest, name: e.name })) }));
  const start = align(8 + bound);
  const header: Header = { littleEndian: LITTLE_ENDIAN, sections: [] };
  const handle = await open(file, 'w');
  try {
    let at = start;
    for (const p of entries) {
      let crc = 0;
      let written = 0;
      const write = async (bytes: Uint8Array) => {
        if (p.declared !== null && written + bytes.byteLength > p.declared) throw new Error(`section ${p.name} longer than declared`);
        crc = crc32(bytes, crc);
        await writeAt(handle, bytes, at + written);
        written += bytes.byteLength;
      };
      const entry: SectionEntry = { name: p.name, kind: p.kind, offset: at, bytes: 0, crc32: 0 };
      if (p.direct) await write(p.direct);
      else if (isVarint(p.value)) {
        const { stride } = p.value;
        const previous = new Int32Array(Math.max(1, stride));
        const scratch = new Uint8Array(VARINT_SLICE * MAX_VARINT_BYTES);
        let count = 0;
        for (const chunk of chunksOf(p.value.values)) {
          for (let k = 0; k < chunk.length; k += VARINT_SLICE) {
            const slice = chunk.subarray(k, Math.min(chunk.length, k + VARINT_SLICE)) as Int32Array;
            await write(scratch.subarray(0, encodeVarints(slice, count, stride, previous, scratch)));
            count += slice.length;
          }
        }
        Object.assign(entry, { count, stride });
      } else for (const chunk of (p.value as SectionSource).chunks()) await write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (p.declared !== null && written !== p.declared) throw new Error(`section ${p.name} has ${written} bytes instead of ${p.declared}`);
      entry.bytes = written;
      entry.crc32 = crc >>> 0;
      header.sections.push(entry);
      at = align(at + written);
    }
    const headerBytes = Buffer.from(JSON.stringify(header).padEnd(bound, ' '));
    const prefix = Buffer.alloc(start);
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(headerBytes.byteLength, 4);
    headerBytes.copy(prefix, 8);
    await writeAt(handle, prefix, 0);
    await handle.truncate(at);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, bytes: Uint8Array, position: number, file: string): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    const { bytesRead } = await handle.read(bytes, done, Math.min(bytes.byteLength - done, IO_SLICE), position + done);
    if (bytesRead === 0) throw new Error(`${file} is cut short`);
    done += bytesRead;
  }
}

/** Bytes of a varint section read at once (into one buffer reused by every section). */
const VARINT_READ = 1 << 22;

/**
 * Reads the sections of a file written by `writeSections`, in file order,
 * each into an array of its own (a varint section decoded as it is read, a
 * few megabytes at a time); throws when the file is not one, is cut short,
 * or its bytes do not have the SHA-256 `expectedSha256` (hex) when one is
 * given. The file is then hashed in another thread while this one reads
 * and decodes it (`check`: its size and hash, computed by the caller's
 * thread with other files, checksums.ts); without one, each section is
 * checked against its CRC-32 instead (the hash of the whole file is the
 * stronger check: both would cost a load a third more).
 * `shared`: numeric sections are read into SharedArrayBuffers, so that
 * worker threads can search them without a copy (src/web/threads/).
 */
export async function readSections(file: string, expectedSha256?: string, options: { shared?: boolean; check?: Promise<FileCheck> } = {}): Promise<Map<string, Section>> {
  const check = expectedSha256 === undefined ? null : (options.check ?? checkOfFilesInThread([file])[0]);
  const handle = await open(file, 'r');
  const sections = new Map<string, Section>();
  let size: number;
  try {
    size = (await handle.stat()).size;
    const start = Buffer.alloc(Math.min(size, 8));
    await readAt(handle, start, 0, file);
    if (start.length < 8 || start.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file} is not an index file`);
    const headerLength = start.readUInt32LE(4);
    if (8 + headerLength > size) throw new Error(`${file} is cut short`);
    const headerBytes = Buffer.alloc(headerLength);
    await readAt(handle, headerBytes, 8, file);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.littleEndian !== LITTLE_ENDIAN) throw new Error(`${file} was written on a machine of another byte order`);
    let scratch: Uint8Array | null = null;
    let position = 8 + headerLength;
    for (const s of header.sections) {
      if (s.offset < position) throw new Error(`${file} has overlapping sections`);
      if (s.offset + s.bytes > size) throw new Error(`${file} is cut short`);
      position = s.offset + s.bytes;
      const crcChecked = (crc: number) => {
        if (!check && crc >>> 0 !== s.crc32) throw new Error(`${file} section ${s.name} fails its CRC-32`);
      };
      if (s.kind === 'varint32') {
        if (!Number.isInteger(s.count) || !Number.isInteger(s.stride)) throw new Error(`${file} section ${s.name} has an unknown kind`);
        scratch ??= new Uint8Array(VARINT_READ + MAX_VARINT_BYTES);
        const decoder = new VarintDecoder(s.count!, s.stride!, options.shared === true);
        let crc = 0;
        let carried = 0;
        try {
          for (let read = 0; read < s.bytes; ) {
            const length = Math.min(VARINT_READ, s.bytes - read);
            const slice = scratch.subarray(carried, carried + length);
            await readAt(handle, slice, s.offset + read, file);
            if (!check) crc = crc32(slice, crc);
            read += length;
            const end = carried + length;
            const used = decoder.feed(scratch, end, read === s.bytes);
            // The bytes of a varint that may go on in the next slice, moved to the front.
            scratch.copyWithin(0, used, end);
            carried = end - used;
          }
          crcChecked(crc);
          sections.set(s.name, decoder.finish());
        } catch (error) {
          throw new Error(`${file} section ${s.name}: ${(error as Error).message}`);
        }
        continue;
      }
      // Text is decoded into a string of each thread's own: only numbers are worth sharing.
      const buffer = options.shared && s.kind !== 'utf8' ? new SharedArrayBuffer(s.bytes) : new ArrayBuffer(s.bytes);
      const bytes = new Uint8Array(buffer);
      await readAt(handle, bytes, s.offset, file);
      if (!check) {
        // In slices: a single call has size limits.
        let crc = 0;
        for (let k = 0; k < bytes.byteLength; k += IO_SLICE) crc = crc32(bytes.subarray(k, Math.min(bytes.byteLength, k + IO_SLICE)), crc);
        crcChecked(crc);
      }
      sections.set(s.name, sectionOf(s, buffer, file));
    }
  } finally {
    await handle.close();
  }
  if (check) {
    const { bytes, sha256 } = await check;
    if (bytes !== size || sha256 !== expectedSha256) throw new Error(`${file} fails its checksum`);
  }
  return sections;
}

function sectionOf(s: SectionEntry, buffer: ArrayBufferLike, file: string): Section {
  if (s.kind === 'utf8') return Buffer.from(new Uint8Array(buffer)).toString('utf8');
  if (s.kind === 'int32') return new Int32Array(buffer);
  if (s.kind === 'float64') return new Float64Array(buffer);
  if (s.kind === 'uint8') return new Uint8Array(buffer);
  throw new Error(`${file} section ${s.name} has an unknown kind`);
}
