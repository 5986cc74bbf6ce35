import { randomBytes } from 'node:crypto';
import type { Article } from '../ingest/types.js';
import { ANALYZER_VERSION } from '../analysis/index.js';
import { analyzeText, IntList, TermDictionary } from './analyze-fields.js';
import { CompactBuilder, FIELD_COUNT, termPositions, type CompactIndex } from './compact.js';
import { miniSearchView } from './minisearch-view.js';
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

/** Articles with unique ids: the last one read wins, in the place of the first (a JSON Lines file may repeat an id). */
export function uniqueArticles(articles: readonly Article[]): Article[] {
  const unique = new Map<string, Article>();
  for (const article of articles) unique.set(article.id, article);
  return unique.size === articles.length ? [...articles] : [...unique.values()];
}

/**
 * Analyzes articles into packed records for `CompactBuilder.addPacked`:
 * for each MiniSearch field the ids of its terms (`indexTerms`), and for the
 * title and the text the term id at each position (`tokenize`).
 */
export class ArticleAnalyzer {
  readonly dictionary = new TermDictionary();
  private readonly indexed = new IntList(1 << 14);
  private readonly sequence = new IntList(1 << 14);

  /** Appends the record of one article's fields to `out`. */
  analyze(fields: Omit<IndexedFields, 'n'>, out: IntList): void {
    const { indexed, sequence, dictionary } = this;
    const values = [fields.title, fields.text, fields.speakers, fields.organisations, fields.source];
    for (let f = 0; f < FIELD_COUNT; f++) {
      indexed.length = 0;
      sequence.length = 0;
      analyzeText(values[f], dictionary, indexed, f < 2 ? sequence : null);
      append(out, indexed);
      if (f < 2) append(out, sequence);
    }
  }
}

function append(out: IntList, list: IntList): void {
  out.push(list.length);
  if (out.length + list.length > out.data.length) out.grow(out.length + list.length);
  out.data.set(list.data.subarray(0, list.length), out.length);
  out.length += list.length;
}

/**
 * Builds the SearchIndex of articles (already unique by id) from their
 * compact index. `readFrom`: when the corpus began to be read (the index
 * holds no change made after it).
 */
export function assembleIndex(documents: Article[], compact: CompactIndex, corpus: string | null, readFrom = new Date()): SearchIndex {
  const index: SearchIndex = {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      buildId: newBuildId(),
      builtAt: readFrom.toISOString(),
      corpus,
      documentCount: documents.length,
      termCount: compact.terms.length,
    },
    miniSearch: miniSearchView(compact),
    documents,
    byId: new Map(documents.map((d, n) => [d.id, n])),
    positions: termPositions(compact),
  };
  COMPACT.set(index, compact);
  return index;
}

/** Maps the term ids of one analyzer (a worker's, or this thread's) to a builder's ids, as its dictionary grows. */
export class TermRemap {
  private ids = new Int32Array(1024);
  private mapped = 0;
  constructor(private readonly builder: CompactBuilder) {}

  /** Number of ids mapped so far. */
  get count(): number {
    return this.mapped;
  }

  /** Maps the next ids to terms[from..] and returns the map. */
  add(terms: readonly string[], from = 0): Int32Array {
    const needed = this.mapped + terms.length - from;
    if (needed > this.ids.length) {
      const ids = new Int32Array(Math.max(needed, this.ids.length * 2));
      ids.set(this.ids.subarray(0, this.mapped));
      this.ids = ids;
    }
    for (let k = from; k < terms.length; k++) this.ids[this.mapped++] = this.builder.globalId(terms[k]);
    return this.ids;
  }
}

const COMPACT = new WeakMap<SearchIndex, CompactIndex>();

/** The flat arrays behind an index built or loaded by this module. */
export function compactOf(index: SearchIndex): CompactIndex {
  const compact = COMPACT.get(index);
  if (!compact) throw new Error('not an index built or loaded by src/index');
  return compact;
}

export function rememberCompact(index: SearchIndex, compact: CompactIndex): void {
  COMPACT.set(index, compact);
}

/**
 * Builds an in-memory index of articles, in this thread. Articles with the
 * same id keep the last one read (a JSON Lines file may repeat an id), so
 * ids stay unique. `indexCorpus` does the same work spread over worker
 * threads.
 */
export function buildIndex(articles: Article[], corpus: string | null = null): SearchIndex {
  const documents = uniqueArticles(articles);
  const analyzer = new ArticleAnalyzer();
  const builder = new CompactBuilder();
  const record = new IntList(1 << 16);
  const remap = new TermRemap(builder);
  for (let n = 0; n < documents.length; n++) {
    record.length = 0;
    analyzer.analyze(indexedFields(documents[n], n), record);
    builder.addPacked(record.data, 0, remap.add(analyzer.dictionary.terms, remap.count));
  }
  return assembleIndex(documents, builder.finish(), corpus);
}
