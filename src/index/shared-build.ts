import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSections } from './binary-file.js';
import { BUILDS, currentBuild, readServableBuild, readServableManifest } from './build-folder.js';
import { parseCatalog } from './catalog-file.js';
import { packedCatalogBytes } from './packed-catalog.js';
import { checkOfFilesInThread, verifyCatalog, verifyCheck } from './checksums.js';
import { takeQuotationSections } from './quotation-sections.js';
import { packedBytes } from './shared-quotes.js';
import type { SharedBuild } from './store.js';
import { IndexLoadError, type IndexManifest } from './types.js';

/**
 * A build read once for several threads: every file checked against the
 * manifest, and the arrays of index.bin (postings, positions, lengths, line
 * offsets, stories, quotations: shared-quotes.ts) and its catalog, packed
 * (packed-catalog.ts), in SharedArrayBuffers. Each thread that searches it
 * then loads it with `loadIndex(dir, shared)`, which reads no file: the
 * arrays and the catalog are in memory once, whatever the number of threads.
 */
export interface LoadedSharedBuild extends SharedBuild {
  manifest: IndexManifest;
  /** Bytes of the shared arrays. */
  sharedBytes: number;
  /**
   * The SHA-256 of each file checked against the manifest: resolved once
   * all match, rejected with IndexLoadError when one does not. All of them
   * before the build is returned with `hashes: 'first'`; with `'later'`,
   * those of index.bin and documents.jsonl go on in the background.
   */
  filesChecked: Promise<void>;
}

/**
 * Reads `build` (default: the build in service) of an index folder for sharing; throws IndexLoadError saying what is wrong.
 * `hashes: 'later'`, for a server that answers first: returned before the SHA-256 of its two big files is known (6 GB,
 * 12 s of a core at a million articles, where each of the two cores has a load to do); meanwhile each section of
 * index.bin is checked by its CRC-32 as read (binary-file.ts, a sixth of that time) and each text of documents.jsonl by
 * its own when read (documents.ts), and the whole files' damage is heard of from `filesChecked`.
 */
export async function readSharedBuild(dir: string, build?: string, { hashes = 'first' }: { hashes?: 'first' | 'later' } = {}): Promise<LoadedSharedBuild> {
  const name = build ?? (await currentBuild(dir));
  const buildDir = path.join(dir, BUILDS, name);
  const manifest = await readServableManifest(buildDir, name);
  try {
    if (manifest.buildId !== name) throw new Error(`its manifest names build ${manifest.buildId}`);
    const files = manifest.files ?? {};
    const catalogFile = path.join(buildDir, 'catalog.json');
    const indexFile = path.join(buildDir, 'index.bin');
    // Hashed in another thread while this one reads (checksums.ts), the catalog first.
    const [catalogCheck, indexCheck, documentsCheck] = checkOfFilesInThread([catalogFile, indexFile, path.join(buildDir, 'documents.jsonl')]);
    const bigFilesChecked = Promise.all([verifyCheck(indexCheck, 'index.bin', files['index.bin']), verifyCheck(documentsCheck, 'documents.jsonl', files['documents.jsonl'])]);
    const filesChecked = bigFilesChecked.then(
      () => {},
      (error: unknown) => {
        throw damaged(name, error);
      },
    );
    // Awaited by the caller, perhaps after it failed: not an unhandled rejection meanwhile.
    filesChecked.catch(() => {});
    const first = hashes === 'first';
    const [sections, catalogBytes] = await Promise.all([
      // index.bin's whole hash (`check`) or, when it comes later, each section's CRC-32.
      first ? readSections(indexFile, files['index.bin']?.sha256 ?? 'none', { shared: true, check: indexCheck }) : readSections(indexFile, undefined, { shared: true }),
      readFile(catalogFile),
      first ? filesChecked : null,
      verifyCatalog(catalogCheck, files['catalog.json']?.sha256),
    ]);
    const quotes = takeQuotationSections(sections, manifest.documentCount, true);
    // Parsed once here for every thread, which reads the packed columns without parsing anything.
    const catalog = parseCatalog(catalogBytes, { shared: true });
    if (catalog.count !== manifest.documentCount) throw new Error('document count mismatch');
    let sharedBytes = packedBytes(quotes) + packedCatalogBytes(catalog);
    for (const value of sections.values()) if (typeof value !== 'string') sharedBytes += value.byteLength;
    return { build: name, manifest, sections, quotes, catalog, sharedBytes, filesChecked };
  } catch (error) {
    throw error instanceof IndexLoadError ? error : damaged(name, error);
  }
}

/** The refusal of build `name`, from why a file of it fails. */
function damaged(name: string, error: unknown): IndexLoadError {
  const { code, message } = error as NodeJS.ErrnoException;
  return new IndexLoadError(`index build ${name} is damaged (${code === 'ENOENT' ? 'a file is missing' : message.split('\n')[0]})`, 'damaged');
}

/** The build in service for sharing, or when it is damaged the newest earlier build that reads whole (as loadServableIndex), every file checked. */
export async function readServableSharedBuild(dir: string, onRefused?: (error: IndexLoadError) => void): Promise<LoadedSharedBuild> {
  return readServableBuild(dir, (build) => readSharedBuild(dir, build), onRefused);
}
