import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * A file of named binary sections: typed arrays and UTF-8 text, read back
 * as views over one buffer (no parsing, no copy).
 *
 *     "DPIX" (4 bytes) | header length (uint32 LE) | header JSON | padding
 *     section 1 | padding | section 2 | ...
 *
 * The header lists each section's name, kind, byte offset and byte length;
 * sections start at multiples of 8 bytes so that views need no copy. Numbers
 * are stored in the machine's byte order, which the header records.
 */
type Kind = 'int32' | 'float64' | 'utf8';
interface SectionEntry {
  name: string;
  kind: Kind;
  offset: number;
  bytes: number;
}
interface Header {
  littleEndian: boolean;
  sections: SectionEntry[];
}
export type Section = Int32Array | Float64Array | string;

const MAGIC = 'DPIX';
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const align = (n: number) => Math.ceil(n / 8) * 8;

function bytesOf(value: Section): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** Writes the sections to `file` and fsyncs it. */
export async function writeSections(file: string, sections: Record<string, Section>): Promise<void> {
  const payloads = Object.entries(sections).map(([name, value]) => ({
    name,
    kind: (typeof value === 'string' ? 'utf8' : value instanceof Int32Array ? 'int32' : 'float64') as Kind,
    bytes: bytesOf(value),
  }));
  // The header's length depends on the offsets it lists: lay out with a generous bound on it.
  const draft = (offsetBase: number): Header => {
    let offset = offsetBase;
    return {
      littleEndian: LITTLE_ENDIAN,
      sections: payloads.map((p) => {
        const entry = { name: p.name, kind: p.kind, offset, bytes: p.bytes.byteLength };
        offset = align(offset + p.bytes.byteLength);
        return entry;
      }),
    };
  };
  const bound = Buffer.byteLength(JSON.stringify(draft(Number.MAX_SAFE_INTEGER)));
  const start = align(8 + bound);
  const header = Buffer.from(JSON.stringify(draft(start)).padEnd(bound, ' '));
  const prefix = Buffer.alloc(start);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.byteLength, 4);
  header.copy(prefix, 8);
  const handle = await open(file, 'w');
  try {
    await handle.write(prefix);
    let position = start;
    for (const p of payloads) {
      // Large sections in slices: a single write call has size limits.
      for (let k = 0; k < p.bytes.byteLength; k += 1 << 28) {
        const slice = p.bytes.subarray(k, Math.min(p.bytes.byteLength, k + (1 << 28)));
        await handle.write(slice, 0, slice.byteLength, position + k);
      }
      position = align(position + p.bytes.byteLength);
    }
    await handle.truncate(position);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Reads the sections of a file written by `writeSections`; throws when the
 * file is not one, is cut short, or its bytes do not have the SHA-256
 * `expectedSha256` (hex) when one is given.
 */
export async function readSections(file: string, expectedSha256?: string): Promise<Map<string, Section>> {
  const handle = await open(file, 'r');
  let buffer: Buffer;
  try {
    const { size } = await handle.stat();
    // A buffer of its own (offset 0 of its ArrayBuffer), so that every section view is aligned.
    buffer = Buffer.from(new ArrayBuffer(size));
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, Math.min(size - read, 1 << 28), read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read !== size) throw new Error(`${file} could not be read whole`);
  } finally {
    await handle.close();
  }
  if (expectedSha256 !== undefined && createHash('sha256').update(buffer).digest('hex') !== expectedSha256) throw new Error(`${file} fails its checksum`);
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file} is not an index file`);
  const headerLength = buffer.readUInt32LE(4);
  if (8 + headerLength > buffer.length) throw new Error(`${file} is cut short`);
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.littleEndian !== LITTLE_ENDIAN) throw new Error(`${file} was written on a machine of another byte order`);
  const sections = new Map<string, Section>();
  for (const s of header.sections) {
    if (s.offset + s.bytes > buffer.length) throw new Error(`${file} is cut short`);
    const at = buffer.byteOffset + s.offset;
    sections.set(
      s.name,
      s.kind === 'utf8'
        ? buffer.toString('utf8', s.offset, s.offset + s.bytes)
        : s.kind === 'int32'
          ? new Int32Array(buffer.buffer, at, s.bytes / 4)
          : new Float64Array(buffer.buffer, at, s.bytes / 8),
    );
  }
  return sections;
}
