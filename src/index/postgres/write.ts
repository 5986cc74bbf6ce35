/**
 * The index stage on PostgreSQL: reads a corpus with the same TypeScript
 * ingestion as the embedded index, then writes the articles in one
 * transaction. Incremental: an article is written only when its content hash
 * changed, files whose bytes did not change are not even parsed again, and
 * articles whose file disappeared are deleted. Readers see the previous
 * index until COMMIT, then the new one: never half of it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { facetKey, FIELDS, fieldText, fieldValues, type FieldDeclaration, type FieldName } from '../../analysis/index.js';
import type { Article } from '../../ingest/types.js';
import { readLimitsOf, requireArticles, type IndexCorpusOptions, type IndexReport } from '../index-corpus.js';
import { newBuildId, requireUniqueIds } from '../build.js';
import { storyColumns, type StoryColumns } from './story-columns.js';
import { FACET_COLUMNS, TERMS_REFRESH } from './fields.js';
import { readCorpusInWorkers } from '../parallel.js';
import { checkOut } from './pool.js';
import { inSearchSample } from './search-sample.js';
import { migrate, MIGRATION_LOCK, parsable, SCHEMA_VERSION, SHORT_COMPLETIONS_REFRESH, TS_CONFIG } from './schema.js';
import { SEARCH_ROWS_REGROUP, SEARCH_ROWS_UPSERT } from './search-rows.js';

export interface PostgresIndexReport extends IndexReport {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/**
 * The name each facet key is shown by: as first written in the articles, in
 * their order (as the embedded facets name them). Rows [facet, key, value].
 */
function facetNamesJson(articles: Iterable<Article>): string {
  const names = new Map<string, [string, string, string]>();
  for (const a of articles) {
    for (const { name, pgKey } of FACET_COLUMNS) {
      for (const value of fieldValues(a, name)) {
        const key = facetKey(value);
        if (!names.has(pgKey + key)) names.set(pgKey + key, [pgKey, key, value]);
      }
    }
  }
  return JSON.stringify([...names.values()]);
}

/**
 * Hash of everything an article row is made of: a row is rewritten only when
 * it changes. Keys are hashed in a fixed order (jsonb does not keep the order
 * they were written in); the schema version is hashed too, so that the first
 * reindex after a migration rewrites every row in the new shape.
 */
export function contentHash(article: Article): string {
  const record = article as unknown as Record<string, unknown>;
  const canonical = Object.keys(record).sort().map((key) => [key, record[key]]);
  // nested objects (quotations) with sorted keys too: jsonb, which the reused articles come back from, reorders keys
  const sortedKeys = (_key: string, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]])) : value;
  return createHash('sha1').update(`${SCHEMA_VERSION}\n`).update(JSON.stringify(canonical, sortedKeys)).digest('hex');
}

/** Private-use characters that snippets use as placeholders (<mark>, "<", "&"): never stored. */
const PLACEHOLDERS = /[\uE000-\uE003]/g;

const BATCH = 200;

const ANALYZE = 'ANALYZE depeches.documents, depeches.search_rows, depeches.terms, depeches.short_completions, depeches.facet_names';

/** Rows as JSON for jsonb_to_recordset: one parameter per batch instead of one per column. */
function rowsJson(articles: Article[], stories: Map<string, StoryColumns>): string {
  return JSON.stringify(
    articles.map((a) => {
      const row: Record<string, unknown> = {
        id: a.id,
        ...stories.get(a.id),
        content_hash: contentHash(a),
        path: a.path,
        url: a.url,
        article: a,
      };
      for (const name of STORED_FIELDS) row[name] = a[name];
      row.title = a.title.replace(PLACEHOLDERS, '');
      row.text = a.text.replace(PLACEHOLDERS, '');
      // the quotations column is their words, as the embedded index reads them (fieldText); each one is a row of depeches.quotations
      row.quotes = fieldText(a, 'quotes').replace(PLACEHOLDERS, '');
      for (const { name, keys } of FACET_COLUMNS) row[keys] = [...new Set(fieldValues(a, name).map(facetKey))];
      return row;
    }),
  );
}

/** The declared fields of an article, each a column of depeches.documents under its own name. */
const STORED_FIELDS = Object.keys(FIELDS) as FieldName[];
const COLUMNS: [string, string][] = [
  ['id', 'text'],
  ['story', 'text'],
  ['in_story', 'boolean'],
  ['content_hash', 'text'],
  ['path', 'text'],
  ['url', 'text'],
  ['article', 'jsonb'],
  ...STORED_FIELDS.map((name): [string, string] => {
    const field: FieldDeclaration = FIELDS[name];
    return [name, field.kind === 'date' ? 'date' : field.multiple ? 'text[]' : 'text'];
  }),
  ...FACET_COLUMNS.map(({ keys }): [string, string] => [keys, 'text[]']),
];

const UPSERT = `
  INSERT INTO depeches.documents AS d (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT ${COLUMNS.map(([c]) => `r.${c}`).join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([c, type]) => `${c} ${type}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET
    ${COLUMNS.filter(([c]) => c !== 'id').map(([c]) => `${c} = EXCLUDED.${c}`).join(', ')}
  WHERE d.content_hash IS DISTINCT FROM EXCLUDED.content_hash`;

/** The quotations of articles as rows of depeches.quotations (replaced whole when an article changes). */
function quotationsJson(articles: Article[]): string {
  return JSON.stringify(
    articles.flatMap((a) =>
      a.quotes.map((q, n) => ({ document_id: a.id, n, kind: q.kind, speaker: q.speaker, speaker_key: q.speaker === null ? null : facetKey(q.speaker), start_at: q.start, end_at: q.end, text: q.text.replace(PLACEHOLDERS, '') })),
    ),
  );
}

const QUOTATIONS_DELETE = 'DELETE FROM depeches.quotations WHERE document_id = ANY($1::text[])';
const QUOTATIONS_INSERT = `
  INSERT INTO depeches.quotations (document_id, n, kind, speaker, speaker_key, start_at, end_at, text, tsv)
  SELECT r.document_id, r.n, r.kind, r.speaker, r.speaker_key, r.start_at, r.end_at, r.text, to_tsvector('${TS_CONFIG}', ${parsable('r.text')})
  FROM jsonb_to_recordset($1::jsonb) AS r(document_id text, n int, kind text, speaker text, speaker_key text, start_at int, end_at int, text text)`;

/** The articles in the database, for reuse by the corpus reader (by file path). */
async function previousArticles(client: pg.PoolClient): Promise<{ byPath: Map<string, Article[]>; all: Set<Article> }> {
  const byPath = new Map<string, Article[]>();
  const all = new Set<Article>();
  const result = await client.query<{ article: Article }>('SELECT article FROM depeches.documents');
  for (const { article } of result.rows) {
    all.add(article);
    const list = byPath.get(article.path);
    if (list) list.push(article);
    else byPath.set(article.path, [article]);
  }
  return { byPath, all };
}

/**
 * Work done in a build's transaction once its rows, derived tables and build
 * row are written, just before it commits (the search stage's precomputed
 * answers, src/search/postgres/prefix-answers.ts): readers, standbys
 * included, see the build and what it computed together. It runs after the
 * tables are analysed, and even when the build changed nothing (it decides
 * whether its results are still there).
 */
export type BuildFinisher = (client: pg.PoolClient, buildId: string) => Promise<void>;

interface Written {
  documents: number;
  /** Seconds spent writing the changed rows (their tsvectors computed) and then refreshing the derived tables and committing. */
  rowsSeconds: number;
  commitSeconds: number;
  buildId: string;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** The content hash of each article id the database holds. */
async function storedHashes(client: pg.PoolClient): Promise<Map<string, string>> {
  const rows = (await client.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM depeches.documents')).rows;
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/**
 * Makes the database hold exactly `articles`, in one transaction: rows whose
 * content hash changed are upserted, rows of other ids deleted, the terms
 * table and the build row refreshed; the ids and hashes held are read
 * under the writers' lock.
 */
async function writeInTransaction(client: pg.PoolClient, articles: Article[], corpus: string | null, readFrom: Date | null = null, finish?: BuildFinisher): Promise<Written> {
  requireUniqueIds(articles);
  const unique = new Map(articles.map((article) => [article.id, article]));
  const started = performance.now();
  let rowsWritten = started;
  try {
    await client.query('BEGIN');
    // A build's statements (the terms of a whole archive, on a loaded machine) may take longer than a search may.
    await client.query('SET LOCAL statement_timeout = 0');
    // One writer at a time; readers go on reading the committed index meanwhile.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK + 1]);
    // What the database holds now, under the lock: another writer may have committed since this run began.
    const previous = await storedHashes(client);
    const changed = [...unique.values()].filter((a) => previous.get(a.id) !== contentHash(a));
    const inserted = changed.filter((a) => !previous.has(a.id)).length;
    const deletedIds = [...previous.keys()].filter((id) => !unique.has(id));
    const all = [...unique.values()];
    const stories = storyColumns(all);
    // Rows written carry their story; only unchanged rows that were regrouped are updated after (an update rewrites every index entry of a row).
    for (let k = 0; k < changed.length; k += BATCH) {
      const batch = changed.slice(k, k + BATCH);
      await client.query(UPSERT, [rowsJson(batch, stories)]);
      await client.query(SEARCH_ROWS_UPSERT, [batch.map((a) => a.id)]);
      await client.query(QUOTATIONS_DELETE, [batch.map((a) => a.id)]);
      await client.query(QUOTATIONS_INSERT, [quotationsJson(batch)]);
    }
    if (deletedIds.length > 0) await client.query('DELETE FROM depeches.documents WHERE id = ANY($1::text[])', [deletedIds]);
    const storyRows = JSON.stringify(all.map((a) => ({ id: a.id, ...stories.get(a.id) })));
    const regrouped = await client.query<{ id: string }>(
      `UPDATE depeches.documents d SET story = r.story, in_story = r.in_story FROM jsonb_to_recordset($1::jsonb) AS r(id text, story text, in_story boolean)
       WHERE d.id = r.id AND (d.story IS DISTINCT FROM r.story OR d.in_story IS DISTINCT FROM r.in_story) RETURNING d.id`,
      [storyRows],
    );
    if (regrouped.rows.length > 0) await client.query(SEARCH_ROWS_REGROUP, [regrouped.rows.map((r) => r.id)]);
    rowsWritten = performance.now();
    const dirty = changed.length + deletedIds.length + (regrouped.rowCount ?? 0) > 0;
    if (dirty) {
      await client.query('DELETE FROM depeches.terms');
      await client.query(TERMS_REFRESH);
      await client.query(SHORT_COMPLETIONS_REFRESH);
      await client.query('DELETE FROM depeches.facet_names');
      await client.query(
        "INSERT INTO depeches.facet_names (facet, key, value) SELECT (r->>0)::\"char\", r->>1, r->>2 FROM jsonb_array_elements($1::jsonb) AS r",
        [facetNamesJson(unique.values())],
      );
    }
    const current = await client.query<{ build_id: string }>('SELECT build_id FROM depeches.build');
    const buildId = dirty || current.rowCount === 0 ? newBuildId() : current.rows[0].build_id;
    await client.query(
      `INSERT INTO depeches.build (singleton, build_id, built_at, corpus, document_count, sampled_count)
       VALUES (true, $1, coalesce($3::timestamptz, now()), $2, (SELECT count(*) FROM depeches.documents), (SELECT count(*) FROM depeches.search_rows WHERE ${inSearchSample()}))
       ON CONFLICT (singleton) DO UPDATE SET build_id = EXCLUDED.build_id, built_at = EXCLUDED.built_at, corpus = EXCLUDED.corpus, document_count = EXCLUDED.document_count, sampled_count = EXCLUDED.sampled_count`,
      [buildId, corpus, readFrom?.toISOString() ?? null],
    );
    // The finisher's statements are planned on the new rows' statistics (ANALYZE sees the transaction's own rows).
    if (dirty && finish) await client.query(ANALYZE);
    if (finish) await finish(client, buildId);
    await client.query('COMMIT');
    if (dirty && !finish) await client.query(ANALYZE);
    return {
      documents: unique.size,
      rowsSeconds: (rowsWritten - started) / 1000,
      commitSeconds: (performance.now() - rowsWritten) / 1000,
      buildId, inserted, updated: changed.length - inserted, deleted: deletedIds.length, unchanged: unique.size - changed.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Writes a list of articles (already read) as the whole index of a database, transactionally and incrementally. */
export async function writeArticlesToPostgres(pool: pg.Pool, articles: Article[], corpus: string | null = null, finish?: BuildFinisher): Promise<Written> {
  await migrate(pool);
  const { client, done } = await checkOut(pool);
  try {
    return await writeInTransaction(client, articles, corpus, null, finish);
  } finally {
    done();
  }
}

/**
 * Reads `corpusDir` and brings the database's index up to date with it.
 * Throws when the folder is missing or holds nothing readable, leaving the
 * database as it was.
 */
export async function indexCorpusToPostgres(corpusDir: string, pool: pg.Pool, options: IndexCorpusOptions & { finish?: BuildFinisher } = {}): Promise<PostgresIndexReport> {
  const t0 = performance.now();
  const limits = readLimitsOf(options); // a bad limit in the environment stops the run before any work
  await migrate(pool);
  const { client, done } = await checkOut(pool);
  try {
    const previous = await previousArticles(client);
    // As in the embedded index: the build is as old as the start of reading.
    const readFrom = new Date();
    // The same reading as the embedded index: worker threads, with their per-file size limit and time budget.
    const corpus = await readCorpusInWorkers(corpusDir, { onProgress: options.onProgress, previous: previous.byPath, threads: options.threads, workerHeapMb: options.workerHeapMb, ...limits });
    const t1 = performance.now();
    requireArticles(corpus, corpusDir);
    const written = await writeInTransaction(client, corpus.articles, path.resolve(corpusDir), readFrom, options.finish);
    return {
      filesSeen: corpus.filesSeen,
      filesReused: new Set(corpus.articles.filter((a) => previous.all.has(a)).map((a) => a.path)).size,
      documentsIndexed: written.documents,
      skipped: corpus.skipped,
      buildId: written.buildId,
      // PostgreSQL builds the index as it writes the rows (tsvectors, GIN entries); saving is the derived tables and the commit.
      seconds: { read: (t1 - t0) / 1000, build: written.rowsSeconds, save: written.commitSeconds },
      inserted: written.inserted,
      updated: written.updated,
      deleted: written.deleted,
      unchanged: written.unchanged,
    };
  } finally {
    done();
  }
}

export { readPostgresBuild, postgresRebuildReason, type PostgresBuild } from './build-row.js';
