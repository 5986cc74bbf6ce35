import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/index.js';
import type { Article } from '../ingest/types.js';
import { readSections, type Section } from './binary-file.js';
import { BUILDS, currentBuild, readManifest, readServableBuild, readServableManifest } from './build-folder.js';
import { assembleIndex } from './build.js';
import { FIELD_COUNT, SEQUENCE_FIELD_COUNT, type CompactIndex } from './compact.js';
import { checkOfFilesInThread, verifyCatalog, verifyCheck, type FileCheck } from './checksums.js';
import { parseCatalog } from './catalog-file.js';
import { CatalogReader, idsOfCatalog, type PackedCatalog } from './packed-catalog.js';
import { PackedQuotesColumn, type PackedQuotes } from './shared-quotes.js';
import { takeQuotationSections } from './quotation-sections.js';
import { storedArticles } from './documents.js';
import { articleOfLine } from './stored-quotes.js';
import { checkStories } from './stories.js';
import { checkSequences } from './term-sequences.js';
import { INDEX_FORMAT_VERSION, IndexLoadError, type IndexManifest, type SearchIndex } from './types.js';

export { saveIndex, writeFileAtomic, IndexWriteError } from './save-build.js';

/**
 * On disk, an index folder holds finished builds and a pointer to the one in
 * service:
 *
 *     index/current.json            {"build": "20260123T101500Z-3fa2"}
 *     index/builds/<build>/manifest.json
 *     index/builds/<build>/documents.jsonl   one article a line, whole
 *     index/builds/<build>/catalog.json      the articles without their texts, column by column
 *     index/builds/<build>/index.bin         the inverted index, term positions, line offsets, stories, quotations
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
 * previous build whole and in service, and a reader never sees half a build
 * (save-build.ts). This file loads builds.
 */

/** The manifest of the build in service, or null when the folder holds none. */
export async function readCurrentManifest(dir: string): Promise<IndexManifest | null> {
  try {
    return await readManifest(path.join(dir, BUILDS, await currentBuild(dir)));
  } catch {
    return null;
  }
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
  for await (const line of lines) if (line) documents.push(articleOfLine(line));
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

/** The sections of a build's index.bin read (and every file of it checked) by another thread: shared-build.ts. */
export interface SharedBuild {
  build: string;
  sections: Map<string, Section>;
  /** The quotations column, packed in shared memory (shared-quotes.ts), its sections taken out of `sections`. */
  quotes: PackedQuotes;
  /** catalog.json, checked and packed in shared memory (packed-catalog.ts). */
  catalog: PackedCatalog;
}

/**
 * Loads the build in service from an index folder, every file checked against its checksum; throws IndexLoadError saying what is wrong.
 * `shared`: a build whose files another thread checked and whose index.bin and catalog it read (in SharedArrayBuffers): no file is read here.
 */
export async function loadIndex(dir: string, shared?: SharedBuild): Promise<SearchIndex> {
  return shared ? loadBuild(dir, shared.build, shared) : loadBuild(dir, await currentBuild(dir));
}

/**
 * The build in service, or when it is damaged the newest earlier build that
 * loads whole (a server keeps serving while the corpus is reindexed). Throws
 * the error of the build in service when none loads; `onRefused` hears why
 * the build in service was passed over.
 */
export async function loadServableIndex(dir: string, onRefused?: (error: IndexLoadError) => void): Promise<SearchIndex> {
  return readServableBuild(dir, (build) => loadBuild(dir, build), onRefused);
}

async function loadBuild(dir: string, build: string, given?: SharedBuild): Promise<SearchIndex> {
  const buildDir = path.join(dir, BUILDS, build);
  const manifest = await readServableManifest(buildDir, build);
  try {
    if (manifest.buildId !== build) throw new Error(`its manifest names build ${manifest.buildId}`);
    const files = manifest.files ?? {};
    const documentsFile = path.join(buildDir, 'documents.jsonl');
    const catalogFile = path.join(buildDir, 'catalog.json');
    const indexFile = path.join(buildDir, 'index.bin');
    // The three files hashed in another thread (checksums.ts) while this one reads index.bin and the catalog; a shared build's were, by the thread that read it.
    const [catalogCheck, indexCheck, documentsCheck] = given ? [null, null, null] : checkOfFilesInThread([catalogFile, indexFile, documentsFile]);
    const [sections, catalogBytes] = await Promise.all([
      given?.sections ?? readSections(indexFile, files['index.bin']?.sha256 ?? 'none', { check: indexCheck! }),
      given ? null : readFile(catalogFile),
      documentsCheck && verifyCheck(documentsCheck, 'documents.jsonl', files['documents.jsonl']),
      catalogCheck && verifyCatalog(catalogCheck, files['catalog.json']?.sha256),
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
      sequences: section('sequences', Uint8Array),
      sequenceStarts: section('sequenceStarts', Float64Array),
      quoteOffsets: section('quoteOffsets', Int32Array),
      quotePlaces: section('quotePlaces', Int32Array),
    };
    checkShape(compact);
    const quotes = new PackedQuotesColumn(given?.quotes ?? takeQuotationSections(sections, manifest.documentCount, false));
    const catalog = new CatalogReader(given?.catalog ?? parseCatalog(catalogBytes!));
    if (catalog.count !== manifest.documentCount) throw new Error('document count mismatch');
    const layout = {
      offsets: section('lineOffsets', Float64Array),
      textStarts: section('textStarts', Float64Array),
      textBytes: section('textBytes', Float64Array),
      textChecks: section('textChecks', Int32Array),
    };
    const documents = storedArticles(documentsFile, catalog, quotes, layout, files['documents.jsonl']!.bytes);
    const storyOf = section('storyOf', Int32Array);
    checkStories(storyOf, manifest.documentCount);
    const index = assembleIndex(documents, compact, storyOf, manifest.corpus, undefined, idsOfCatalog(catalog));
    index.manifest = manifest;
    return index;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new IndexLoadError(`index build ${build} is damaged (${code === 'ENOENT' ? 'a file is missing' : message.split('\n')[0]})`, 'damaged');
  }
}

/** Throws when the arrays of a loaded index do not fit together. */
function checkShape(c: CompactIndex): void {
  const slots = c.terms.length * FIELD_COUNT;
  const ok =
    c.termOffsets.length === slots + 1 &&
    c.termOffsets[slots] * 2 === c.postings.length &&
    c.fieldLengths.length === c.documentCount * FIELD_COUNT &&
    c.sequenceOffsets.length === c.documentCount * SEQUENCE_FIELD_COUNT + 1 &&
    c.quoteOffsets.length === c.documentCount + 1 &&
    c.quoteOffsets[c.documentCount] * 2 === c.quotePlaces.length;
  if (!ok) throw new Error('index.bin arrays do not fit together');
  checkSequences({ ...c, fieldCount: SEQUENCE_FIELD_COUNT });
}
