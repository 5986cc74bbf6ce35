import MiniSearch from 'minisearch';
import { randomBytes } from 'node:crypto';
import type { Article } from '../ingest/types.js';
import { ANALYZER_VERSION } from '../analysis/index.js';
import { MINISEARCH_OPTIONS } from './schema.js';
import { INDEX_FORMAT_VERSION, type IndexedFields, type SearchIndex } from './types.js';

/** The fields of an article that MiniSearch indexes. */
export function indexedFields(article: Article, n: number): IndexedFields {
  return {
    n,
    title: article.title,
    text: article.text,
    speakers: article.speakers.join(' ; '),
    organisations: article.organisations.join(' ; '),
    source: article.source ?? '',
  };
}

/** A sortable, unique build name: "20260123T101500Z-3fa2". */
export function newBuildId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * Builds an in-memory index of articles. Articles with the same id keep the
 * last one read (a JSON Lines file may repeat an id), so ids stay unique.
 */
export function buildIndex(articles: Article[], corpus: string | null = null): SearchIndex {
  const unique = new Map<string, Article>();
  for (const article of articles) unique.set(article.id, article);
  const documents = [...unique.values()];
  const miniSearch = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
  miniSearch.addAll(documents.map(indexedFields));
  const byId = new Map(documents.map((d, n) => [d.id, n]));
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      buildId: newBuildId(),
      builtAt: new Date().toISOString(),
      corpus,
      documentCount: documents.length,
    },
    miniSearch,
    documents,
    byId,
  };
}
