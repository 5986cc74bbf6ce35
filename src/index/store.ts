import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import { readSections, writeSections } from './binary-file.js';
import { assembleIndex, compactOf } from './build.js';
import type { CompactIndex } from './compact.js';
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
 * (documents.ts).
 *
 * A build is written in a temporary folder, renamed into `builds/` when
 * complete, and only then does `current.json` (itself written to a temporary
 * file and renamed) point at it. A killed indexer therefore leaves the
 * previous build whole and in service, and a reader never sees half a build.
 */
const POINTER = 'current.json';
const BUILDS = 'builds';
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

/** Writes `data` to `file` atomically: readers see the old content or the new, never a part. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  await writeFileDurably(temporary, data);
  await rename(temporary, file);
}

export async function saveIndex(index: SearchIndex, dir: string): Promise<string> {
  const buildsDir = path.join(dir, BUILDS);
  await mkdir(buildsDir, { recursive: true });
  const { buildId } = index.manifest;
  const staging = path.join(buildsDir, `.staging-${buildId}`);
  await mkdir(staging, { recursive: true });
  const compact = compactOf(index);
  const { catalog, offsets } = await writeDocuments(path.join(staging, 'documents.jsonl'), index.documents);
  await writeFileDurably(path.join(staging, 'catalog.json'), JSON.stringify(catalog));
  await writeSections(path.join(staging, 'index.bin'), {
    terms: compact.terms.join('\n'),
    termOffsets: compact.termOffsets,
    postings: compact.postings,
    fieldLengths: compact.fieldLengths,
    averageFieldLengths: compact.averageFieldLengths,
    sequenceOffsets: compact.sequenceOffsets,
    sequences: compact.sequences,
    lineOffsets: offsets,
  });
  await writeFileDurably(path.join(staging, 'manifest.json'), JSON.stringify(index.manifest, null, 2));
  const final = path.join(buildsDir, buildId);
  await rename(staging, final);
  await writeFileAtomic(path.join(dir, POINTER), JSON.stringify({ build: buildId }) + '\n');
  await pruneBuilds(dir, buildId);
  return final;
}

/** Removes staging leftovers of killed runs and builds older than the last few. */
async function pruneBuilds(dir: string, current: string): Promise<void> {
  const buildsDir = path.join(dir, BUILDS);
  const names = (await readdir(buildsDir)).sort();
  const finished = names.filter((n) => !n.startsWith('.') && n !== current);
  const stale = [...names.filter((n) => n.startsWith('.staging-') && !n.endsWith(current)), ...finished.slice(0, Math.max(0, finished.length - KEEP_PREVIOUS))];
  await Promise.all(stale.map((n) => rm(path.join(buildsDir, n), { recursive: true, force: true })));
}

/** The manifest of the build in service, or null when the folder holds none. */
export async function readCurrentManifest(dir: string): Promise<IndexManifest | null> {
  try {
    const build = await currentBuild(dir);
    return JSON.parse(await readFile(path.join(dir, BUILDS, build, 'manifest.json'), 'utf8')) as IndexManifest;
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

async function readDocuments(file: string): Promise<Article[]> {
  const documents: Article[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) documents.push(JSON.parse(line) as Article);
  return documents;
}

/** The articles of the build in service, without loading its inverted index; null when there is none usable. */
export async function readCurrentDocuments(dir: string): Promise<Article[] | null> {
  try {
    const manifest = await readCurrentManifest(dir);
    if (!manifest || manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) return null;
    return await readDocuments(path.join(dir, BUILDS, manifest.buildId, 'documents.jsonl'));
  } catch {
    return null;
  }
}

/** Loads the build in service from an index folder; throws IndexLoadError saying what is wrong. */
export async function loadIndex(dir: string): Promise<SearchIndex> {
  const build = await currentBuild(dir);
  const buildDir = path.join(dir, BUILDS, build);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(buildDir, 'manifest.json'), 'utf8')) as IndexManifest;
  } catch {
    throw new IndexLoadError(`index build ${build} has no readable manifest`, 'damaged');
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) {
    throw new IndexLoadError(
      `index built by another version (format ${manifest.formatVersion}, analyzer ${manifest.analyzerVersion}; this program reads format ${INDEX_FORMAT_VERSION}, analyzer ${ANALYZER_VERSION})`,
      'stale',
    );
  }
  try {
    const documentsFile = path.join(buildDir, 'documents.jsonl');
    const [sections, catalogJson, documentsStat] = await Promise.all([
      readSections(path.join(buildDir, 'index.bin')),
      readFile(path.join(buildDir, 'catalog.json'), 'utf8'),
      stat(documentsFile),
    ]);
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
    const catalog = JSON.parse(catalogJson) as Catalog;
    if (catalog.id?.length !== manifest.documentCount) throw new Error('document count mismatch');
    const documents = storedArticles(documentsFile, catalog, section('lineOffsets', Float64Array), documentsStat.size);
    const index = assembleIndex(documents, compact, manifest.corpus);
    index.manifest = manifest;
    return index;
  } catch (error) {
    throw new IndexLoadError(`index build ${build} is damaged (${(error as Error).message})`, 'damaged');
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
