import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/index.js';
import { unsealManifest } from './checksums.js';
import { INDEX_FORMAT_VERSION, IndexLoadError, type IndexManifest } from './types.js';

/** The names of an index folder (see store.ts): the pointer to the build in service, the builds, the staging folders of builds being written. */
export const POINTER = 'current.json';
export const BUILDS = 'builds';
export const STAGING = '.staging-';
/** The files of a build besides its manifest, each checked against the manifest's checksums when loaded. */
export const BUILD_FILES = ['documents.jsonl', 'catalog.json', 'index.bin'] as const;

/** The manifest of a build folder; throws when it is missing, or of this version and fails its seal (other versions are refused as stale). */
export async function readManifest(buildDir: string): Promise<IndexManifest> {
  const bytes = await readFile(path.join(buildDir, 'manifest.json'));
  const manifest = JSON.parse(bytes.toString('utf8')) as IndexManifest;
  const ours = manifest?.formatVersion === INDEX_FORMAT_VERSION && manifest.analyzerVersion === ANALYZER_VERSION;
  return ours ? unsealManifest(bytes) : manifest;
}

/** The build `current.json` points at; throws IndexLoadError when there is none or it is unreadable. */
export async function currentBuild(dir: string): Promise<string> {
  let pointer: unknown;
  try {
    pointer = JSON.parse(await readFile(path.join(dir, POINTER), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new IndexLoadError(`no index in ${dir}`, 'missing');
    throw new IndexLoadError(`unreadable ${POINTER} in ${dir}`, 'damaged');
  }
  const build = (pointer as { build?: unknown })?.build;
  if (typeof build !== 'string' || !/^[\w-]+$/.test(build)) throw new IndexLoadError(`invalid ${POINTER} in ${dir}`, 'damaged');
  return build;
}
