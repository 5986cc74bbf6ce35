import { readdir, readFile } from 'node:fs/promises';
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

/**
 * The manifest of build `build` in `buildDir` if this program can serve it:
 * IndexLoadError 'damaged' when it is missing, unreadable or names another
 * build, 'stale' when another version wrote it.
 */
export async function readServableManifest(buildDir: string, build: string): Promise<IndexManifest> {
  let manifest: IndexManifest;
  try {
    manifest = await readManifest(buildDir);
  } catch (error) {
    const why = error instanceof SyntaxError || (error as NodeJS.ErrnoException).code ? 'no readable manifest' : (error as Error).message;
    throw new IndexLoadError(`index build ${build} is damaged (${why})`, 'damaged');
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      `index built by another version (format ${manifest.formatVersion}, analyzer ${manifest.analyzerVersion}; this program reads format ${INDEX_FORMAT_VERSION}, analyzer ${ANALYZER_VERSION})`,
      'stale',
    );
  }
  return manifest;
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

/**
 * `read` of the build in service, or when it is damaged of the newest
 * earlier build that reads whole (a server keeps serving while the corpus is
 * reindexed). Throws the error of the build in service when none reads;
 * `onRefused` hears why the build in service was passed over.
 */
export async function readServableBuild<T>(dir: string, read: (build: string) => Promise<T>, onRefused?: (error: IndexLoadError) => void): Promise<T> {
  const build = await currentBuild(dir);
  try {
    return await read(build);
  } catch (error) {
    if (!(error instanceof IndexLoadError) || error.kind !== 'damaged') throw error;
    onRefused?.(error);
    const earlier = (await readdir(path.join(dir, BUILDS)).catch(() => [] as string[])).filter((n) => !n.startsWith('.') && n !== build).sort().reverse();
    for (const name of earlier) {
      try {
        return await read(name);
      } catch {
        // Damaged or of another version too: try the one before.
      }
    }
    throw error;
  }
}
