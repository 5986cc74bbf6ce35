import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexCorpus, loadIndex, type SearchIndex } from '../../src/index/index.js';
import { FACETS, facetFilters, type FacetFilters } from '../../src/analysis/index.js';
import { afterAll, beforeAll } from 'vitest';
import { Searcher, type SearchRequest } from '../../src/search/index.js';

export const SAMPLE_CORPUS = path.resolve('corpus');
/** The search cases and metadata users expect of the samples, kept in the repository (a copy of the team's eval/cases.json). */
export const EVAL_CASES_FILE = path.resolve('tests', 'fixtures', 'eval-cases.json');

export interface EvalCase {
  why: string;
  params: Record<string, string>;
  include: string[];
  exclude: string[];
}

export interface SampleMetadata {
  date: string;
  speakers: string[];
  organisations_include: string[];
}

/** Reads the evaluation cases; a missing file fails the test file with a message saying where it should be. */
export function readEvalCases(): { cases: EvalCase[]; metadata: Record<string, SampleMetadata> } {
  if (!existsSync(EVAL_CASES_FILE)) throw new Error(`missing ${path.relative(process.cwd(), EVAL_CASES_FILE)}: the evaluation cases of the sample corpus must be in the repository`);
  const evaluation = JSON.parse(readFileSync(EVAL_CASES_FILE, 'utf8')) as { cases: EvalCase[]; metadata: Record<string, SampleMetadata> };
  if (!Array.isArray(evaluation.cases) || evaluation.cases.length === 0) throw new Error(`${EVAL_CASES_FILE} holds no cases`);
  return evaluation;
}

/** Builds the real index of a corpus folder into a fresh temporary folder, and loads it with its Searcher. */
export async function buildSampleIndex(corpus = SAMPLE_CORPUS): Promise<{ dir: string; index: SearchIndex; searcher: Searcher; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-index-'));
  await indexCorpus(corpus, dir);
  const index = await loadIndex(dir);
  return { dir, index, searcher: new Searcher(index), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The real index of a corpus of the given files (name -> text), written into a fresh temporary folder. */
export async function buildIndexOfFiles(files: Record<string, string>): Promise<{ index: SearchIndex; searcher: Searcher; cleanup: () => Promise<void> }> {
  const corpus = await mkdtemp(path.join(tmpdir(), 'depeches-corpus-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpus, name), text);
  const built = await buildSampleIndex(corpus);
  return {
    index: built.index,
    searcher: built.searcher,
    cleanup: async () => {
      await built.cleanup();
      await rm(corpus, { recursive: true, force: true });
    },
  };
}

/**
 * The Searcher of a corpus of the given files, built before the tests of the
 * enclosing `describe` and removed after them (call it in the describe's body).
 */
export function searcherOfFiles(files: Record<string, string>): { readonly searcher: Searcher } {
  let built: Awaited<ReturnType<typeof buildIndexOfFiles>> | undefined;
  beforeAll(async () => {
    built = await buildIndexOfFiles(files);
  });
  afterAll(async () => built?.cleanup());
  return {
    get searcher(): Searcher {
      if (!built) throw new Error('the index of the test files is not built yet: use the searcher inside a test');
      return built.searcher;
    },
  };
}

/** A search request with defaults, for tests; facet selections may be given by field name (`{ organisations: ['OCS'] }`). */
export function request(overrides: Partial<SearchRequest> & Partial<FacetFilters> = {}): SearchRequest {
  const { filters, ...rest } = overrides;
  const selected: Partial<FacetFilters> = { ...filters };
  for (const name of FACETS) {
    if (rest[name]) selected[name] = rest[name];
    delete rest[name];
  }
  return { q: '', from: null, to: null, page: 1, perPage: 10, sort: 'relevance', ...rest, filters: facetFilters(selected) };
}
