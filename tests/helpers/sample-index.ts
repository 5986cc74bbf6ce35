import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexCorpus, loadIndex, type SearchIndex } from '../../src/index/index.js';
import type { SearchRequest } from '../../src/search/index.js';

export const SAMPLE_CORPUS = path.resolve('corpus');
export const SHARED_EVAL = path.resolve('..', 'shared', 'eval', 'cases.json');

/** Builds the real index of a corpus folder into a fresh temporary folder. */
export async function buildSampleIndex(corpus = SAMPLE_CORPUS): Promise<{ dir: string; index: SearchIndex; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-index-'));
  await indexCorpus(corpus, dir);
  const index = await loadIndex(dir);
  return { dir, index, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A search request with defaults, for tests. */
export function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { q: '', speakers: [], organisations: [], from: null, to: null, page: 1, perPage: 10, sort: 'relevance', ...overrides };
}
