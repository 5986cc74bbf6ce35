/**
 * The PostgreSQL schema of depeches, created and migrated by the app
 * (longer than 300 lines: every migration stays listed in order, as applied).
 *
 * Everything lives in the `depeches` schema:
 *
 *     depeches.migrations   versions applied (one row each)
 *     depeches.documents    one row per article: metadata, text, the article
 *                           as JSON (for incremental reindexing), folded facet
 *                           keys (facet key columns as declared in
 *                           src/analysis/fields.ts, their SQL in ./fields.ts)
 *     depeches.search_rows  what a search reads of every matching article,
 *                           narrow (id, date, story, facet keys) and `tsv`, the
 *                           weighted tsvector (title A > speakers B,
 *                           organisations C > text and source D) kept out of
 *                           line: a keystroke matching most of the archive
 *                           reads ~270 bytes a row here, not the ~1.4 kB of a
 *                           documents row (SEARCH_ROW_COLUMNS); one GIN index
 *                           (search_rows_match) of the tsvector and the facet
 *                           keys finds a query's rows and those of a query
 *                           with a facet filter
 *     depeches.terms        every lexeme of the index with its document
 *                           count, trigram-indexed (typo tolerance and the
 *                           "vouliez-vous dire" corrections look here),
 *                           btree-indexed in byte order (completions of the
 *                           word being typed) and, for compounds, by their
 *                           letters without hyphens (a word written together)
 *                           (`story`: the first article of its story;
 *                           `in_story`: the story holds other articles)
 *     depeches.short_completions
 *                           the most frequent terms each beginning of one or
 *                           two letters completes to (live typing)
 *     depeches.facet_names  the name shown for each folded facet key
 *     depeches.prefix_answers
 *                           the search statement's rows for the beginnings of
 *                           one or two letters, computed by the build in its
 *                           transaction (src/search/postgres/prefix-answers.ts)
 *     depeches.build        the build in service (one row): id, time, corpus
 *     depeches.french       text search configuration: unaccent, then
 *                           Snowball French stemming and stop words
 *
 * Migrations are applied in order inside one transaction holding an advisory
 * lock, so two processes starting together apply each one once; applied
 * versions are skipped, so running them again changes nothing.
 */
import type pg from 'pg';
import { FACETS, FIELDS, type FacetName } from '../../analysis/index.js';
import { inSearchSample } from './search-sample.js';
import { SHORT_COMPLETIONS_REFRESH } from './short-completions.js';

/** The text search configuration every tsvector and tsquery of depeches uses. */
export const TS_CONFIG = 'depeches.french';

/**
 * The text as the parser sees it: "<" and "&" replaced by private-use
 * characters, so that PostgreSQL's parser reads no HTML tag or entity in an
 * article (ts_headline would drop them); snippets turn them back, escaped.
 */
export function parsable(sqlText: string): string {
  return `translate(${sqlText}, '<&', E'\\uE002\\uE003')`;
}

/** Key of the advisory lock taken by migrations (and by writers, see write.ts). */
export const MIGRATION_LOCK = 0x64657065; // "depe"

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Token types of PostgreSQL's default parser that hold words: all of them go
 * through the French stop words as written ("à", "été"), then unaccent (a
 * filtering dictionary: it folds and passes the word on), then the French
 * Snowball stemmer, which drops the stop words typed without accents.
 * The parser splits "l'OTAN" at the apostrophe and the elided articles
 * (l, d, j, m, n, s, t, c, qu) are French stop words, so elisions are cut as
 * by the embedded analyzer. Hyphenated compounds give the compound whole
 * (hword) and each part, as the embedded analyzer does. Where this
 * configuration differs from src/analysis is listed once, in the README's
 * "French analysis" section.
 */
const WORD_TOKENS = 'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart';

export { SHORT_COMPLETIONS_REFRESH, SHORT_COMPLETIONS_STORED } from './short-completions.js';

/**
 * The migration that adds a facet to a database indexed before it was
 * declared (src/analysis/fields.ts): its keys column and index. The rows are
 * filled by the reindex that must follow: the backend refuses an older
 * schema, and a row's content hash includes the schema version, so that
 * reindex rewrites every row, with the new keys, names and tsvector.
 */
function addFacetSql(name: FacetName): string {
  const keys = FIELDS[name].facet.pgKeysColumn;
  return `
    ALTER TABLE depeches.documents ADD COLUMN IF NOT EXISTS ${keys} text[] NOT NULL DEFAULT '{}';
    ALTER TABLE IF EXISTS depeches.search_rows ADD COLUMN IF NOT EXISTS ${keys} text[] NOT NULL DEFAULT '{}';
    CREATE INDEX IF NOT EXISTS documents_${keys} ON depeches.documents USING gin (${keys});`;
}

/** The columns of depeches.search_rows besides the id and `tsv`: copies of the documents row's, kept in step by the writer (write.ts). */
export const SEARCH_ROW_COLUMNS = ['date', 'story', 'in_story', ...FACETS.map((name) => FIELDS[name].facet.pgKeysColumn)];

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'documents, terms, build, French text search configuration',
    sql: `
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
      DO $$
      DECLARE unaccent_schema text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
                       WHERE n.nspname = 'depeches' AND c.cfgname = 'french') THEN
          SELECT n.nspname INTO unaccent_schema FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE d.dictname = 'unaccent' LIMIT 1;
          CREATE TEXT SEARCH DICTIONARY depeches.french_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);
          CREATE TEXT SEARCH CONFIGURATION depeches.french (COPY = pg_catalog.french);
          EXECUTE format('ALTER TEXT SEARCH CONFIGURATION depeches.french ALTER MAPPING FOR ${WORD_TOKENS} WITH depeches.french_stop, %I.unaccent, pg_catalog.french_stem', unaccent_schema);
        END IF;
      END $$;

      CREATE TABLE IF NOT EXISTS depeches.documents (
        id text PRIMARY KEY,
        content_hash text NOT NULL,
        path text NOT NULL,
        title text NOT NULL,
        date date,
        source text,
        url text,
        speakers text[] NOT NULL,
        organisations text[] NOT NULL,
        speaker_keys text[] NOT NULL,
        organisation_keys text[] NOT NULL,
        text text NOT NULL,
        article jsonb NOT NULL,
        tsv tsvector NOT NULL
      );
      CREATE INDEX IF NOT EXISTS documents_tsv ON depeches.documents USING gin (tsv);
      CREATE INDEX IF NOT EXISTS documents_speaker_keys ON depeches.documents USING gin (speaker_keys);
      CREATE INDEX IF NOT EXISTS documents_organisation_keys ON depeches.documents USING gin (organisation_keys);
      CREATE INDEX IF NOT EXISTS documents_date ON depeches.documents (date DESC NULLS LAST, id);

      CREATE TABLE IF NOT EXISTS depeches.terms (
        term text PRIMARY KEY,
        documents integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS terms_trigram ON depeches.terms USING gin (term gin_trgm_ops);

      CREATE TABLE IF NOT EXISTS depeches.build (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        build_id text NOT NULL,
        built_at timestamptz NOT NULL,
        corpus text,
        document_count integer NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'completions of typed beginnings (terms prefix index, short_completions), facet names, facet keys once per article',
    sql: `
      CREATE INDEX IF NOT EXISTS terms_prefix ON depeches.terms (term COLLATE "C");
      CREATE TABLE IF NOT EXISTS depeches.short_completions (
        prefix text PRIMARY KEY,
        terms text[] NOT NULL
      );
      CREATE TABLE IF NOT EXISTS depeches.facet_names (
        facet "char" NOT NULL,
        key text NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (facet, key)
      );
      DELETE FROM depeches.facet_names;
      INSERT INTO depeches.facet_names (facet, key, value)
        SELECT 's', u.key, min(u.value) FROM depeches.documents d, unnest(d.speaker_keys, d.speakers) AS u(key, value) GROUP BY u.key
        UNION ALL
        SELECT 'o', u.key, min(u.value) FROM depeches.documents d, unnest(d.organisation_keys, d.organisations) AS u(key, value) GROUP BY u.key;
      UPDATE depeches.documents SET
        speaker_keys = ARRAY(SELECT DISTINCT k FROM unnest(speaker_keys) AS k),
        organisation_keys = ARRAY(SELECT DISTINCT k FROM unnest(organisation_keys) AS k)
      WHERE cardinality(speaker_keys) <> (SELECT count(DISTINCT k) FROM unnest(speaker_keys) AS k)
         OR cardinality(organisation_keys) <> (SELECT count(DISTINCT k) FROM unnest(organisation_keys) AS k);
      ${SHORT_COMPLETIONS_REFRESH}
    `,
  },
  { version: 3, description: 'source facet (source_keys); source words also tagged for source:', sql: addFacetSql('source') },
  {
    version: 4,
    description: 'same story: the id of the first article of each article story (src/index/stories.ts), written by the ingest',
    sql: `
      ALTER TABLE depeches.documents ADD COLUMN IF NOT EXISTS story text;
      CREATE INDEX IF NOT EXISTS documents_story ON depeches.documents (story);`,
  },
  {
    version: 5,
    description: 'quotations: their words as a column (citation:), one row each in depeches.quotations (text, speaker, place)',
    sql: `
      ALTER TABLE depeches.documents ADD COLUMN IF NOT EXISTS quotes text NOT NULL DEFAULT '';
      CREATE TABLE IF NOT EXISTS depeches.quotations (
        document_id text NOT NULL REFERENCES depeches.documents (id) ON DELETE CASCADE,
        n int NOT NULL,
        kind text NOT NULL,
        speaker text,
        speaker_key text,
        start_at int NOT NULL,
        end_at int NOT NULL,
        text text NOT NULL,
        tsv tsvector NOT NULL,
        PRIMARY KEY (document_id, n)
      );
      CREATE INDEX IF NOT EXISTS quotations_tsv ON depeches.quotations USING gin (tsv);
      CREATE INDEX IF NOT EXISTS quotations_speaker ON depeches.quotations (speaker_key);`,
  },
  {
    version: 6,
    description: 'in_story: the article shares its story with another, so that a search counts the stories of its other matches without grouping them',
    sql: `
      ALTER TABLE depeches.documents ADD COLUMN IF NOT EXISTS in_story boolean NOT NULL DEFAULT false;
      UPDATE depeches.documents d SET in_story = true
      FROM (SELECT story FROM depeches.documents WHERE story IS NOT NULL GROUP BY story HAVING count(*) > 1) s
      WHERE d.story = s.story AND NOT d.in_story;`,
  },
  {
    version: 7,
    description: 'search_rows: the narrow rows a search reads (id, date, story, facet keys, the tsvector out of line), apart from the documents',
    sql: `
      CREATE TABLE IF NOT EXISTS depeches.search_rows (
        id text PRIMARY KEY REFERENCES depeches.documents (id) ON DELETE CASCADE,
        date date,
        story text,
        in_story boolean NOT NULL DEFAULT false,
        ${FACETS.map((name) => `${FIELDS[name].facet.pgKeysColumn} text[] NOT NULL DEFAULT '{}'`).join(',\n        ')},
        tsv tsvector NOT NULL
      );
      -- a tsvector never fits a narrow row: straight out of line, without trying to compress it
      ALTER TABLE depeches.search_rows ALTER COLUMN tsv SET STORAGE EXTERNAL;
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'depeches' AND table_name = 'documents' AND column_name = 'tsv') THEN
          INSERT INTO depeches.search_rows (id, ${SEARCH_ROW_COLUMNS.join(', ')}, tsv)
            SELECT id, ${SEARCH_ROW_COLUMNS.join(', ')}, tsv FROM depeches.documents
            ON CONFLICT (id) DO NOTHING;
          ALTER TABLE depeches.documents DROP COLUMN tsv;
        END IF;
      END $$;
      CREATE INDEX IF NOT EXISTS search_rows_tsv ON depeches.search_rows USING gin (tsv);
      CREATE INDEX IF NOT EXISTS search_rows_date ON depeches.search_rows (date DESC NULLS LAST, id);`,
  },
  {
    version: 8,
    description: 'compounds by their letters: a word written together ("anticasseurs") finds the compound lexemes it is the joined spelling of ("anti-casseur")',
    sql: `CREATE INDEX IF NOT EXISTS terms_joined ON depeches.terms (replace(term, '-', '')) WHERE strpos(term, '-') > 0;`,
  },
  {
    version: 9,
    description: 'search_rows_sample_tsv: a GIN index of the fixed sample of stories a keystroke with many matches counts (src/index/postgres/search-sample.ts), and the build\'s count of sampled rows',
    sql: `
      CREATE INDEX IF NOT EXISTS search_rows_sample_tsv ON depeches.search_rows USING gin (tsv) WHERE ${inSearchSample()};
      ALTER TABLE depeches.build ADD COLUMN IF NOT EXISTS sampled_count integer;
      UPDATE depeches.build SET sampled_count = (SELECT count(*) FROM depeches.search_rows WHERE ${inSearchSample()});
      ANALYZE depeches.search_rows;`,
  },
  {
    version: 10,
    description: 'prefix_answers: the search statement\'s rows a build precomputes for the beginnings of one or two letters (src/search/postgres/prefix-answers.ts)',
    sql: `
      CREATE TABLE IF NOT EXISTS depeches.prefix_answers (
        request_key text PRIMARY KEY,
        build_id text NOT NULL,
        answer json NOT NULL
      );`,
  },
  {
    version: 11,
    description: 'search_rows_match: one GIN index of the tsvector and the facet keys in place of search_rows_tsv, so that the rows matching a query and a facet filter come from the index alone',
    // A separate GIN index of the keys was not taken with the tsvector's (the planner, which prices a tsvector test as cheap as the array test,
    // filtered the selected speaker's 16 000 rows by their tsvectors instead: 200 ms at 100 000 articles); one multicolumn GIN index
    // intersects both conditions inside the index (6 000 rows for a broad beginning with the most quoted speaker, not 38 000) and serves
    // a query alone as the tsvector's did.
    sql: `
      CREATE INDEX IF NOT EXISTS search_rows_match ON depeches.search_rows USING gin (tsv, ${FACETS.map((name) => FIELDS[name].facet.pgKeysColumn).join(', ')});
      DROP INDEX IF EXISTS depeches.search_rows_tsv;`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies the migrations not applied yet; returns the versions it applied. Safe to run concurrently and repeatedly. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS depeches');
    await client.query('CREATE TABLE IF NOT EXISTS depeches.migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM depeches.migrations')).rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO depeches.migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The latest migration applied to a database, 0 when depeches never ran there. */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const exists = await pool.query<{ present: boolean }>("SELECT to_regclass('depeches.migrations') IS NOT NULL AS present");
  if (!exists.rows[0].present) return 0;
  const result = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM depeches.migrations');
  return result.rows[0].version ?? 0;
}
