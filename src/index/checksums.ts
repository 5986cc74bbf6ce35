import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
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

/** A worker thread's code (plain JavaScript: no loader needed): the size and SHA-256 of each file of workerData, in order, posted as each is known. */
const HASHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  for (let k = 0; k < workerData.length; k++) {
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(workerData[k], { highWaterMark: 1 << 20 })) {
        hash.update(chunk);
        bytes += chunk.length;
      }
      parentPort.postMessage({ k, bytes, sha256: hash.digest('hex') });
    } catch (error) {
      parentPort.postMessage({ k, message: String(error && error.message), code: error && error.code });
    }
  }
  // Kept alive until the parent, once it has every answer, ends it: an exit of its own could reach the parent before the last answer.
  parentPort.once('message', () => {});
})();
`;

/**
 * Size and SHA-256 of each file, computed in a thread of their own, one
 * after the other: a loading build hashes its 700 MB (at 100 000 articles)
 * on the machine's other core while this thread reads and decodes them.
 */
export function checkOfFilesInThread(files: readonly string[]): Promise<FileCheck>[] {
  const settle = files.map(() => {
    let resolve!: (check: FileCheck) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<FileCheck>((yes, no) => ((resolve = yes), (reject = no)));
    // Awaited later, perhaps after it failed: not an unhandled rejection meanwhile.
    promise.catch(() => {});
    return { promise, resolve, reject };
  });
  // Plain JavaScript: none of this process's loaders (tsx) is started in it.
  const worker = new Worker(HASHER, { eval: true, workerData: files, execArgv: [] });
  let left = files.length;
  worker.on('message', (m: { k: number; bytes?: number; sha256?: string; message?: string; code?: string }) => {
    left--;
    if (m.sha256 !== undefined) settle[m.k].resolve({ bytes: m.bytes!, sha256: m.sha256 });
    else settle[m.k].reject(Object.assign(new Error(m.message), { code: m.code }));
    if (left === 0) void worker.terminate();
  });
  const failAll = (error: Error) => {
    for (const s of settle) s.reject(error);
  };
  worker.on('error', failAll);
  // It ends only when told, after its last answer: an exit before is a thread that died.
  worker.on('exit', () => left > 0 && failAll(new Error('the hashing thread stopped')));
  return settle.map((s) => s.promise);
}

/** Throws when `check` (of `file`, when it comes) is not what `expected` describes. */
export async function verifyCheck(check: Promise<FileCheck>, name: string, expected: FileCheck | undefined): Promise<void> {
  if (!expected) throw new Error(`the manifest has no checksum of ${name}`);
  const actual = await check;
  if (actual.bytes !== expected.bytes) throw new Error(`${name} has ${actual.bytes} bytes instead of ${expected.bytes}`);
  if (actual.sha256 !== expected.sha256) throw new Error(`${name} fails its checksum`);
}

/** Throws when the catalog's check does not have the SHA-256 its manifest lists. */
export async function verifyCatalog(check: Promise<FileCheck>, sha256: string | undefined): Promise<void> {
  if ((await check).sha256 !== sha256) throw new Error('catalog.json fails its checksum');
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
