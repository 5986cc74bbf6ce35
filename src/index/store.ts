import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import { readSections, writeSections } from './binary-file.js';
import { assembleIndex, compactOf } from './build.js';
import type { CompactIndex } from './compact.js';
import { checkOfFile, sealedManifest, unsealManifest, verifyFile, type FileCheck } from './checksums.js';
import { storedArticles, writeDocuments, type Catalog } from './documents.js';
import { INDEX_FORMAT_VERSION, IndexLoadError, type IndexManifest, type SearchIndex } from './types.js';

/**
 * On disk, an index folder holds finished builds and a pointer to the one in
 * service:
 *
 *     index/current.json            {"build": "20260123T101500Z-3fa2"}
 *     index/builds/<build>/manifest.json
 *     index/builds/<build>/documents.jsonl   one article a line, whole
 *     index/builds/<build>/catalog.json      the articles without their texts, column by column
 *     index/builds/<build>/index.bin         the inverted index, term positions and line offsets
 *
 * index.bin (binary-file.ts) holds flat arrays read back as views over one
 * buffer: the sorted terms, the (document, frequency) postings of each term
 * and field, field lengths, the term id at each position of each title and
 * text (compact.ts), and the byte offset of each line of documents.jsonl, so
 * that a loaded index reads an article's text only when it is asked for
 * (documents.ts), with where its text lies and a CRC-32 of the bytes a read
 * of it fetches, checked on every read.
 *
 * manifest.json lists the size and SHA-256 of the three other files and
 * seals itself (checksums.ts): a build whose bytes changed in any way is
 * refused when loaded, with the reason in one line.
 *
 * A build is written in a temporary folder, renamed into `builds/` when
 * complete, and only then does `current.json` (itself written to a temporary
 * file and renamed) point at it. A killed indexer therefore leaves the
 * previous build whole and in service, and a reader never sees half a build.
 */
const POINTER = 'current.json';
const BUILDS = 'builds';
const STAGING = '.staging-';
/** Builds kept besides the current one, so that a reader still loading the previous one is not cut off. */
const KEEP_PREVIOUS = 1;
/** The files of a build besides its manifest, each checked against the manifest's checksums when loaded. */
const BUILD_FILES = ['documents.jsonl', 'catalog.json', 'index.bin'] as const;

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
  const buildsDir = path.join(dir, BUILDS);
  const staging = path.join(buildsDir, `${STAGING}${process.pid}-${index.manifest.buildId}`);
  try {
    await makeFolders(buildsDir);
    await removeDeadStaging(buildsDir);
    await mkdir(staging);
    return await writeBuild(index, dir, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    // Renamed into builds/ but never put in service (current.json could not be written): not kept either.
    const { buildId } = index.manifest;
    if ((await currentBuild(dir).catch(() => null)) !== buildId) await rm(path.join(buildsDir, buildId), { recursive: true, force: true }).catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new IndexWriteError(dir, code, message.split('\n')[0]);
  }
}

async function writeBuild(index: SearchIndex, dir: string, staging: string): Promise<string> {
  const buildsDir = path.join(dir, BUILDS);
  const { buildId } = index.manifest;
  const compact = compactOf(index);
  const { catalog, layout } = await writeDocuments(path.join(staging, 'documents.jsonl'), index.documents);
  await writeFileDurably(path.join(staging, 'catalog.json'), JSON.stringify(catalog));
  await writeSections(path.join(staging, 'index.bin'), {
    terms: compact.terms.join('\n'),
    termOffsets: compact.termOffsets,
    postings: compact.postings,
    fieldLengths: compact.fieldLengths,
    averageFieldLengths: compact.averageFieldLengths,
    sequenceOffsets: compact.sequenceOffsets,
    sequences: compact.sequences,
    lineOffsets: layout.offsets,
    textStarts: layout.textStarts,
    textBytes: layout.textBytes,
    textChecks: layout.textChecks,
  });
  // Checksums of the files as they are on disk (read back from the page cache).
  const files: Record<string, FileCheck> = {};
  for (const name of BUILD_FILES) files[name] = await checkOfFile(path.join(staging, name));
  const manifest: IndexManifest = { ...index.manifest, files };
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

/** The manifest of a build folder; throws when it is missing, or of this version and fails its seal (other versions are refused as stale). */
async function readManifest(buildDir: string): Promise<IndexManifest> {
  const bytes = await readFile(path.join(buildDir, 'manifest.json'));
  const manifest = JSON.parse(bytes.toString('utf8')) as IndexManifest;
  const ours = manifest?.formatVersion === INDEX_FORMAT_VERSION && manifest.analyzerVersion === ANALYZER_VERSION;
  return ours ? unsealManifest(bytes) : manifest;
}

/** The manifest of the build in service, or null when the folder holds none. */
export async function readCurrentManifest(dir: string): Promise<IndexManifest | null> {
  try {
    return await readManifest(path.join(dir, BUILDS, await currentBuild(dir)));
  } catch {
    return null;
  }
}

async function currentBuild(dir: string): Promise<string> {
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

/** The articles of a documents.jsonl; throws when its bytes are not those `expected` describes. */
async function readDocuments(file: string, expected: FileCheck | undefined): Promise<Article[]> {
  if (!expected) throw new Error('no checksum of documents.jsonl');
  const documents: Article[] = [];
  const hash = createHash('sha256');
  let bytes = 0;
  const input = createReadStream(file);
  input.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) if (line) documents.push(JSON.parse(line) as Article);
  // A damaged file must not pass its articles on to the next build.
  if (bytes !== expected.bytes || hash.digest('hex') !== expected.sha256) throw new Error('documents.jsonl fails its checksum');
  return documents;
}

/** The articles of the build in service, without loading its inverted index; null when there is none usable. */
export async function readCurrentDocuments(dir: string): Promise<Article[] | null> {
  try {
    const manifest = await readCurrentManifest(dir);
    if (!manifest || manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) return null;
    return await readDocuments(path.join(dir, BUILDS, manifest.buildId, 'documents.jsonl'), manifest.files?.['documents.jsonl']);
  } catch {
    return null;
  }
}

/** Loads the build in service from an index folder, every file checked against its checksum; throws IndexLoadError saying what is wrong. */
export async function loadIndex(dir: string): Promise<SearchIndex> {
  return loadBuild(dir, await currentBuild(dir));
}

/**
 * The build in service, or when it is damaged the newest earlier build that
 * loads whole (a server keeps serving while the corpus is reindexed). Throws
 * the error of the build in service when none loads; `onRefused` hears why
 * the build in service was passed over.
 */
export async function loadServableIndex(dir: string, onRefused?: (error: IndexLoadError) => void): Promise<SearchIndex> {
  const build = await currentBuild(dir);
  try {
    return await loadBuild(dir, build);
  } catch (error) {
    if (!(error instanceof IndexLoadError) || error.kind !== 'damaged') throw error;
    onRefused?.(error);
    const earlier = (await readdir(path.join(dir, BUILDS)).catch(() => [] as string[])).filter((n) => !n.startsWith('.') && n !== build).sort().reverse();
    for (const name of earlier) {
      try {
        return await loadBuild(dir, name);
      } catch {
        // Damaged or of another version too: try the one before.
      }
    }
    throw error;
  }
}

async function loadBuild(dir: string, build: string): Promise<SearchIndex> {
  const buildDir = path.join(dir, BUILDS, build);
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
  try {
    if (manifest.buildId !== build) throw new Error(`its manifest names build ${manifest.buildId}`);
    const files = manifest.files ?? {};
    const documentsFile = path.join(buildDir, 'documents.jsonl');
    const catalogFile = path.join(buildDir, 'catalog.json');
    const [sections, catalogBytes] = await Promise.all([
      readSections(path.join(buildDir, 'index.bin'), files['index.bin']?.sha256 ?? 'none'),
      readFile(catalogFile),
      verifyFile(documentsFile, 'documents.jsonl', files['documents.jsonl']),
    ]);
    if (createHash('sha256').update(catalogBytes).digest('hex') !== files['catalog.json']?.sha256) throw new Error('catalog.json fails its checksum');
    const section = <T>(name: string, type: new (...args: never[]) => T): T => {
      const value = sections.get(name);
      if (!(value instanceof type)) throw new Error(`index.bin has no ${name}`);
      return value;
    };
    const termsText = sections.get('terms');
    if (typeof termsText !== 'string') throw new Error('index.bin has no terms');
    const compact: CompactIndex = {
      documentCount: manifest.documentCount,
      terms: termsText === '' ? [] : termsText.split('\n'),
      termOffsets: section('termOffsets', Int32Array),
      postings: section('postings', Int32Array),
      fieldLengths: section('fieldLengths', Int32Array),
      averageFieldLengths: section('averageFieldLengths', Float64Array),
      sequenceOffsets: section('sequenceOffsets', Int32Array),
      sequences: section('sequences', Int32Array),
    };
    checkShape(compact);
    const catalog = JSON.parse(catalogBytes.toString('utf8')) as Catalog;
    if (catalog.id?.length !== manifest.documentCount) throw new Error('document count mismatch');
    const layout = {
      offsets: section('lineOffsets', Float64Array),
      textStarts: section('textStarts', Float64Array),
      textBytes: section('textBytes', Float64Array),
      textChecks: section('textChecks', Int32Array),
    };
    const documents = storedArticles(documentsFile, catalog, layout, files['documents.jsonl']!.bytes);
    const index = assembleIndex(documents, compact, manifest.corpus);
    index.manifest = manifest;
    return index;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new IndexLoadError(`index build ${build} is damaged (${code === 'ENOENT' ? 'a file is missing' : message.split('\n')[0]})`, 'damaged');
  }
}

/** Throws when the arrays of a loaded index do not fit together. */
function checkShape(c: CompactIndex): void {
  const slots = c.terms.length * 5;
  const ok =
    c.termOffsets.length === slots + 1 &&
    c.termOffsets[slots] * 2 === c.postings.length &&
    c.fieldLengths.length === c.documentCount * 5 &&
    c.sequenceOffsets.length === c.documentCount * 2 + 1 &&
    c.sequenceOffsets[c.documentCount * 2] === c.sequences.length;
  if (!ok) throw new Error('index.bin arrays do not fit together');
}
