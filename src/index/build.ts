import { randomBytes } from 'node:crypto';
import type { Article } from '../ingest/types.js';
import { ANALYZER_VERSION, fieldText, INDEXED_FIELDS } from '../analysis/index.js';
import { analyzeText, IntList, TermDictionary } from './analyze-fields.js';
import { ALL_FIELDS, CompactBuilder, QUOTES_FIELD, SEQUENCE_FIELD_COUNT, TEXT_FIELD, termPositions, type CompactIndex } from './compact.js';
import { QuotationRecorder, type QuotationSpan } from './quotation-record.js';
import { quotationSpansOf, quotationsOf } from './documents.js';
import type { ArticleIds } from './packed-catalog.js';
import { storyGroups, StorySignatures } from './stories.js';
import { INDEX_FORMAT_VERSION, type IndexedFields, type IndexManifest, type SearchIndex } from './types.js';

/** The fields of an article that the index holds. */
export function indexedFields(article: Article, n: number): IndexedFields {
  const fields = { n } as IndexedFields;
  // A loaded article reads its text from disk on each use: read once, its quotations given their words from it.
  const text = article.text;
  const held = Object.create(article, { text: { value: text }, quotes: { value: quotationsOf(article, text) } }) as Article;
  for (const name of INDEXED_FIELDS) fields[name] = fieldText(held, name);
  return fields;
}

/** The fields of an article that the analyzer reads: its text read once, and its quotations (spans of it) given their words from it. */
function analyzedFields(article: Article): { fields: Partial<Omit<IndexedFields, 'n' | 'quotes'>>; quotes: readonly QuotationSpan[] } {
  const text = article.text;
  const fields: Partial<Omit<IndexedFields, 'n' | 'quotes'>> = {};
  for (const name of INDEXED_FIELDS) if (name !== 'quotes') fields[name] = name === 'text' ? text : fieldText(article, name);
  return { fields, quotes: quotationSpansOf(article) };
}

/** A sortable, unique build name: "20260123T101500Z-3fa2". */
export function newBuildId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * Throws when two articles share an id. Ids are made unique once, by the
 * corpus reader (`assembleCorpus`: the first file in listing order wins, the
 * others are reported as skipped); the index stages only check it.
 */
export function requireUniqueIds(articles: readonly Article[]): void {
  const seen = new Set<string>();
  for (const { id } of articles) {
    if (seen.has(id)) throw new Error(`two articles have the id ${id}: read the corpus with readCorpus, which keeps the first`);
    seen.add(id);
  }
}

/**
 * Analyzes articles into packed records for `CompactBuilder.addPacked`:
 * for each indexed field the ids of its terms (`indexTerms`), and for the
 * title and the text the term id at each position (`tokenize`); the
 * quotations' from the text's (quotation-record.ts); and the same-story
 * signature of the text, from those term ids (stories.ts).
 */
export class ArticleAnalyzer {
  readonly dictionary = new TermDictionary();
  private readonly indexed = new IntList(1 << 14);
  private readonly sequence = new IntList(1 << 14);
  private readonly textIndexed = new IntList(1 << 14);
  private readonly textSequence = new IntList(1 << 14);
  /** The quotations of the last article analysed (their places and span words, for storeQuotes). */
  readonly quotations = new QuotationRecorder();
  private readonly signatures = new StorySignatures();

  /**
   * Appends the record of one article's fields (those of `only`, ascending; default all) to `out`, and its story
   * signature to `signatures` when the text is among them. The `quotes` field is made of `quotes`, spans of `fields.text`.
   */
  analyze(fields: Partial<Omit<IndexedFields, 'n' | 'quotes'>>, out: IntList, signatures: IntList, only: readonly number[] = ALL_FIELDS, quotes: readonly QuotationSpan[] = []): void {
    const { dictionary } = this;
    let textAnalysed = false;
    for (const f of only) {
      if (f === QUOTES_FIELD) {
        this.quotations.write(quotes, fields.text ?? '', textAnalysed ? this.textIndexed : null, textAnalysed ? this.textSequence : null, dictionary, out);
        continue;
      }
      const isText = f === TEXT_FIELD;
      const indexed = isText ? this.textIndexed : this.indexed;
      const sequence = isText ? this.textSequence : this.sequence;
      indexed.length = 0;
      sequence.length = 0;
      const positioned = f < SEQUENCE_FIELD_COUNT;
      analyzeText(fields[INDEXED_FIELDS[f] as keyof typeof fields] ?? '', dictionary, indexed, positioned ? sequence : null, isText && quotes.length > 0 ? this.quotations.layout(quotes) : null);
      append(out, indexed);
      if (positioned) append(out, sequence);
      if (isText) {
        textAnalysed = true;
        this.signatures.write(sequence, dictionary.terms, signatures);
      }
    }
  }
}

function append(out: IntList, list: IntList): void {
  out.push(list.length);
  if (out.length + list.length > out.data.length) out.grow(out.length + list.length);
  out.data.set(list.data.subarray(0, list.length), out.length);
  out.length += list.length;
}

/** The manifest of a new build (its files' checksums are added when it is saved). */
export function newManifest(documentCount: number, termCount: number, corpus: string | null, readFrom: Date): IndexManifest {
  return { formatVersion: INDEX_FORMAT_VERSION, analyzerVersion: ANALYZER_VERSION, buildId: newBuildId(), builtAt: readFrom.toISOString(), corpus, documentCount, termCount };
}

/**
 * Builds the SearchIndex of articles (already unique by id) from their
 * compact index (`byId`: their numbers by id when the caller has them, as a loaded build's catalog does). `readFrom`: when the corpus began to be read (the index
 * holds no change made after it).
 */
export function assembleIndex(documents: Article[], compact: CompactIndex, storyOf: Int32Array, corpus: string | null, readFrom = new Date(), byId?: ArticleIds): SearchIndex {
  if (storyOf.length !== documents.length) throw new Error('one story per article expected');
  const index: SearchIndex = {
    manifest: newManifest(documents.length, compact.terms.length, corpus, readFrom),
    compact,
    documents,
    byId: byId ?? new Map(documents.map((d, n) => [d.id, n])),
    positions: termPositions(compact),
    storyOf,
  };
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

/**
 * Builds an in-memory index of articles (unique by id, as readCorpus gives
 * them), in this thread. `indexCorpus` does the same work spread over worker
 * threads.
 */
export function buildIndex(articles: Article[], corpus: string | null = null): SearchIndex {
  requireUniqueIds(articles);
  const documents = [...articles];
  const analyzer = new ArticleAnalyzer();
  const builder = new CompactBuilder();
  const record = new IntList(1 << 16);
  const signatures = new IntList(1 << 16);
  const remap = new TermRemap(builder);
  for (let n = 0; n < documents.length; n++) {
    record.length = 0;
    const { fields, quotes } = analyzedFields(documents[n]);
    analyzer.analyze(fields, record, signatures, ALL_FIELDS, quotes);
    builder.addPacked(record.data, 0, remap.add(analyzer.dictionary.terms, remap.count));
  }
  return assembleIndex(documents, builder.finish(), storyGroups(documents, [signatures.toArray()]), corpus);
}
