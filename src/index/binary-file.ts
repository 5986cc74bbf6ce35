import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

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
 * its largest arrays whole.
 */
type Kind = 'int32' | 'float64' | 'utf8';
interface SectionEntry {
  name: string;
  kind: Kind;
  offset: number;
  bytes: number;
  crc32: number;
}
interface Header {
  littleEndian: boolean;
  sections: SectionEntry[];
}
export type Section = Int32Array | Float64Array | string;
/** A section written from chunks (in order, `bytes` in all) rather than from one array. */
export interface SectionSource {
  kind: 'int32' | 'float64';
  bytes: number;
  chunks(): Iterable<Int32Array | Float64Array>;
}
/** Bytes read or written per call: a single call has size limits. */
const IO_SLICE = 1 << 28;

const MAGIC = 'DPIX';
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const align = (n: number) => Math.ceil(n / 8) * 8;

function bytesOf(value: Section): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function kindOf(value: Section | SectionSource): Kind {
  return typeof value === 'string' ? 'utf8' : value instanceof Int32Array ? 'int32' : value instanceof Float64Array ? 'float64' : value.kind;
}

function isSource(value: Section | SectionSource): value is SectionSource {
  return typeof value === 'object' && 'chunks' in value;
}

async function writeAt(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let k = 0; k < bytes.byteLength; k += IO_SLICE) {
    const slice = bytes.subarray(k, Math.min(bytes.byteLength, k + IO_SLICE));
    for (let done = 0; done < slice.byteLength; ) done += (await handle.write(slice, done, slice.byteLength - done, position + k + done)).bytesWritten;
  }
}

/** Writes the sections to `file` (the header last, when every CRC is known) and fsyncs it. */
export async function writeSections(file: string, sections: Record<string, Section | SectionSource>): Promise<void> {
  const entries = Object.entries(sections).map(([name, value]) => {
    const direct = isSource(value) ? null : bytesOf(value);
    return { name, value, kind: kindOf(value), bytes: direct ? direct.byteLength : (value as SectionSource).bytes, direct };
  });
  // The header's length depends on the offsets it lists: lay out with a generous bound on it.
  const draft = (offsetBase: number, crcs: number[]): Header => {
    let offset = offsetBase;
    return {
      littleEndian: LITTLE_ENDIAN,
      sections: entries.map((p, k) => {
        const entry = { name: p.name, kind: p.kind, offset, bytes: p.bytes, crc32: crcs[k] };
        offset = align(offset + p.bytes);
        return entry;
      }),
    };
  };
  const bound = Buffer.byteLength(JSON.stringify(draft(Number.MAX_SAFE_INTEGER, entries.map(() => 0xffffffff))));
  const start = align(8 + bound);
  const layout = draft(start, []);
  const crcs: number[] = [];
  const handle = await open(file, 'w');
  try {
    let end = start;
    for (const [k, p] of entries.entries()) {
      const at = layout.sections[k].offset;
      let crc = 0;
      let written = 0;
      const write = async (bytes: Uint8Array) => {
        if (written + bytes.byteLength > p.bytes) throw new Error(`section ${p.name} longer than declared`);
        crc = crc32(bytes, crc);
        await writeAt(handle, bytes, at + written);
        written += bytes.byteLength;
      };
      if (p.direct) await write(p.direct);
      else for (const chunk of (p.value as SectionSource).chunks()) await write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (written !== p.bytes) throw new Error(`section ${p.name} has ${written} bytes instead of ${p.bytes}`);
      crcs.push(crc >>> 0);
      end = align(at + p.bytes);
    }
    const header = Buffer.from(JSON.stringify(draft(start, crcs)).padEnd(bound, ' '));
    const prefix = Buffer.alloc(start);
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(header.byteLength, 4);
    header.copy(prefix, 8);
    await writeAt(handle, prefix, 0);
    await handle.truncate(end);
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

/**
 * Reads the sections of a file written by `writeSections`, in file order,
 * each into an array of its own; throws when the file is not one, is cut
 * short, a section fails its CRC-32, or the file's bytes (hashed as they
 * are read) do not have the SHA-256 `expectedSha256` (hex) when one is given.
 * `shared`: numeric sections are read into SharedArrayBuffers, so that
 * worker threads can search them without a copy (src/web/threads/).
 */
export async function readSections(file: string, expectedSha256?: string, options: { shared?: boolean } = {}): Promise<Map<string, Section>> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  const sections = new Map<string, Section>();
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(Math.min(size, 8));
    await readAt(handle, start, 0, file);
    if (start.length < 8 || start.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file} is not an index file`);
    const headerLength = start.readUInt32LE(4);
    if (8 + headerLength > size) throw new Error(`${file} is cut short`);
    const headerBytes = Buffer.alloc(headerLength);
    await readAt(handle, headerBytes, 8, file);
    hash.update(start).update(headerBytes);
    let position = 8 + headerLength;
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.littleEndian !== LITTLE_ENDIAN) throw new Error(`${file} was written on a machine of another byte order`);
    const gap = async (to: number) => {
      if (to < position) throw new Error(`${file} has overlapping sections`);
      const bytes = Buffer.alloc(to - position);
      await readAt(handle, bytes, position, file);
      hash.update(bytes);
      position = to;
    };
    for (const s of header.sections) {
      if (s.offset + s.bytes > size) throw new Error(`${file} is cut short`);
      await gap(s.offset);
      // Text is decoded into a string of each thread's own: only numbers are worth sharing.
      const buffer = options.shared && s.kind !== 'utf8' ? new SharedArrayBuffer(s.bytes) : new ArrayBuffer(s.bytes);
      const bytes = new Uint8Array(buffer);
      await readAt(handle, bytes, s.offset, file);
      // Hashed and checked in slices: a hash update has size limits too.
      let crc = 0;
      for (let k = 0; k < bytes.byteLength; k += IO_SLICE) {
        const slice = bytes.subarray(k, Math.min(bytes.byteLength, k + IO_SLICE));
        hash.update(slice);
        crc = crc32(slice, crc);
      }
      position = s.offset + s.bytes;
      if (crc >>> 0 !== s.crc32) throw new Error(`${file} section ${s.name} fails its CRC-32`);
      sections.set(s.name, s.kind === 'utf8' ? Buffer.from(bytes).toString('utf8') : s.kind === 'int32' ? new Int32Array(buffer) : new Float64Array(buffer));
    }
    await gap(size);
  } finally {
    await handle.close();
  }
  if (expectedSha256 !== undefined && hash.digest('hex') !== expectedSha256) throw new Error(`${file} fails its checksum`);
  return sections;
}
