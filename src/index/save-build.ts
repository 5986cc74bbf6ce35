import { mkdir, readdir, rename, rm, open } from 'node:fs/promises';
import path from 'node:path';
import { varints, writeSections } from './binary-file.js';
import { BUILD_FILES, BUILDS, currentBuild, POINTER, STAGING } from './build-folder.js';
import { checkOfFile, sealedManifest, type FileCheck } from './checksums.js';
import type { CompactIndex, CompactSections } from './compact.js';
import { writeCatalog } from './catalog-file.js';
import { quotationSections } from './quotation-sections.js';
import { textsOfArticles, writeDocuments, type EncodedTexts } from './write-documents.js';
import type { Article } from '../ingest/types.js';
import type { IndexManifest, SearchIndex } from './types.js';

/**
 * Writing a build into an index folder (the layout is described in
 * store.ts): aside in a staging folder, renamed into builds/, then put in
 * service by rewriting current.json atomically. A failure removes what it
 * wrote and says why in one line.
 */

/** Builds kept besides the current one, so that a reader still loading the previous one is not cut off. */
const KEEP_PREVIOUS = 1;

async function writeFileDurably(file: string, data: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `file` atomically: readers see the old content or the new, never a part; a failed write leaves no temporary file. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFileDurably(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  EIO: 'input/output error',
};

/** One line saying why a build could not be written, without a stack trace. */
export class IndexWriteError extends Error {
  override name = 'IndexWriteError';
  constructor(
    dir: string,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`cannot write the index in ${dir}: ${code && WRITE_FAILURES[code] ? `${WRITE_FAILURES[code]} (${code})` : detail}; the previous build, if any, stays in service`);
  }
}

/**
 * mkdir -p that reports the real reason of a failure: Node's recursive
 * mkdir says ENOENT for a folder it cannot create on a read-only file
 * system, where this says EROFS (or EACCES).
 */
async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw error;
    await makeFolders(path.dirname(dir));
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** True when process `pid` runs (or exists under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders `.staging-<pid>-<build>` of runs that died (killed, or stopped by a full disk before they could clean up). */
async function removeDeadStaging(buildsDir: string): Promise<void> {
  const names = await readdir(buildsDir).catch(() => [] as string[]);
  const dead = names.filter((name) => {
    if (!name.startsWith(STAGING)) return false;
    const pid = Number(/^\.staging-(\d+)-/.exec(name)?.[1]);
    // Folders of older versions carry no pid: no live run writes them any more.
    return !Number.isInteger(pid) || (pid !== process.pid && !processAlive(pid));
  });
  await Promise.all(dead.map((name) => rm(path.join(buildsDir, name), { recursive: true, force: true })));
}

/**
 * Writes a build into `dir` and puts it in service. A failure (full disk,
 * read-only folder) removes the half-written build and throws an
 * IndexWriteError of one line; the previous build stays in service, and
 * the next run starts clean (it also removes the leftovers of killed runs).
 */
export async function saveIndex(index: SearchIndex, dir: string): Promise<string> {
  return saveBuild({ manifest: index.manifest, documents: index.documents, texts: textsOfArticles(index.documents), compact: index.compact, storyOf: index.storyOf }, dir);
}

/** What a build is written from: its manifest, its articles (their texts from `texts`), its index arrays (the largest possibly streamed), its stories. */
export interface BuildParts {
  manifest: IndexManifest;
  documents: readonly Article[];
  texts: EncodedTexts;
  compact: CompactIndex | CompactSections;
  storyOf: Int32Array;
}

/** `saveIndex` for a build that was never a SearchIndex in memory (the indexer's: texts in spill files, postings streamed). */
export async function saveBuild(parts: BuildParts, dir: string): Promise<string> {
  const buildsDir = path.join(dir, BUILDS);
  const staging = path.join(buildsDir, `${STAGING}${process.pid}-${parts.manifest.buildId}`);
  try {
    await makeFolders(buildsDir);
    await removeDeadStaging(buildsDir);
    await mkdir(staging);
    return await writeBuild(parts, dir, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    // Renamed into builds/ but never put in service (current.json could not be written): not kept either.
    const { buildId } = parts.manifest;
    if ((await currentBuild(dir).catch(() => null)) !== buildId) await rm(path.join(buildsDir, buildId), { recursive: true, force: true }).catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new IndexWriteError(dir, code, message.split('\n')[0]);
  }
}

async function writeBuild(parts: BuildParts, dir: string, staging: string): Promise<string> {
  const buildsDir = path.join(dir, BUILDS);
  const { buildId } = parts.manifest;
  const { compact } = parts;
  const { layout, quotes } = await writeDocuments(path.join(staging, 'documents.jsonl'), parts.documents, parts.texts);
  await writeCatalog(path.join(staging, 'catalog.json'), parts.documents);
  await writeSections(path.join(staging, 'index.bin'), {
    terms: compact.terms.join('\n'),
    // Integers as varints (varint.ts): ascending ones as differences, postings' documents from the pair before.
    // Term positions are varint bytes already, read as they are and decoded a document at a time (term-sequences.ts).
    termOffsets: varints(compact.termOffsets, 1),
    postings: varints(compact.postings, 2),
    fieldLengths: varints(compact.fieldLengths),
    averageFieldLengths: compact.averageFieldLengths,
    sequenceOffsets: varints(compact.sequenceOffsets, 1),
    sequences: compact.sequences,
    sequenceStarts: compact.sequenceStarts,
    quoteOffsets: varints(compact.quoteOffsets, 1),
    quotePlaces: varints(compact.quotePlaces),
    lineOffsets: layout.offsets,
    textStarts: layout.textStarts,
    textBytes: layout.textBytes,
    textChecks: layout.textChecks,
    storyOf: varints(parts.storyOf, 1),
    ...quotationSections(parts.documents.length, quotes),
  });
  // Checksums of the files as they are on disk (read back from the page cache).
  const files: Record<string, FileCheck> = {};
  for (const name of BUILD_FILES) files[name] = await checkOfFile(path.join(staging, name));
  const manifest: IndexManifest = { ...parts.manifest, files };
  delete manifest.checksum;
  await writeFileDurably(path.join(staging, 'manifest.json'), sealedManifest(manifest));
  const final = path.join(buildsDir, buildId);
  await rename(staging, final);
  await writeFileAtomic(path.join(dir, POINTER), JSON.stringify({ build: buildId }) + '\n');
  await pruneBuilds(dir, buildId);
  return final;
}

/** Removes builds older than the last few. */
async function pruneBuilds(dir: string, current: string): Promise<void> {
  const buildsDir = path.join(dir, BUILDS);
  const names = (await readdir(buildsDir)).sort();
  const finished = names.filter((n) => !n.startsWith('.') && n !== current);
  const stale = finished.slice(0, Math.max(0, finished.length - KEEP_PREVIOUS));
  await Promise.all(stale.map((n) => rm(path.join(buildsDir, n), { recursive: true, force: true })));
}
