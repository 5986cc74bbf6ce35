import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IndexManifest } from './types.js';

/**
 * Checksums of a build's files, so that a damaged build (a flipped bit, a
 * file cut short or edited) is refused when loaded rather than served. The
 * manifest lists each file's size and SHA-256, and seals itself: its
 * `checksum` field is the SHA-256 of its own bytes with that field empty,
 * so that no byte of it (spaces included) can change unnoticed.
 */
export interface FileCheck {
  bytes: number;
  sha256: string;
}

const SEAL = /"checksum": "([0-9a-f]{64})"/g;
const EMPTY_SEAL = '"checksum": ""';

/** Size and SHA-256 of a file, read in a stream (other work goes on meanwhile). */
export async function checkOfFile(file: string): Promise<FileCheck> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Throws when `file` is not the file `expected` describes. */
export async function verifyFile(file: string, name: string, expected: FileCheck | undefined): Promise<void> {
  if (!expected) throw new Error(`the manifest has no checksum of ${name}`);
  const actual = await checkOfFile(file);
  if (actual.bytes !== expected.bytes) throw new Error(`${name} has ${actual.bytes} bytes instead of ${expected.bytes}`);
  if (actual.sha256 !== expected.sha256) throw new Error(`${name} fails its checksum`);
}

/** The text of manifest.json, sealed with the checksum of its own bytes. */
export function sealedManifest(manifest: IndexManifest): string {
  const text = JSON.stringify({ ...manifest, checksum: '' }, null, 2) + '\n';
  const checksum = createHash('sha256').update(text).digest('hex');
  return text.replace(EMPTY_SEAL, `"checksum": "${checksum}"`);
}

/** The manifest of the bytes of a manifest.json; throws when its seal does not match them. */
export function unsealManifest(bytes: Buffer): IndexManifest {
  // Latin-1 maps bytes to characters one to one: the seal is checked on the bytes as they are.
  const text = bytes.toString('latin1');
  const seals = [...text.matchAll(SEAL)];
  if (seals.length !== 1) throw new Error('manifest.json is not sealed');
  const unsealed = Buffer.from(text.replace(SEAL, EMPTY_SEAL), 'latin1');
  if (createHash('sha256').update(unsealed).digest('hex') !== seals[0][1]) throw new Error('manifest.json fails its checksum');
  return JSON.parse(bytes.toString('utf8')) as IndexManifest;
}
