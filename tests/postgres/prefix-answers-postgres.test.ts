/**
 * The answers a PostgreSQL build precomputes for the beginnings of one or
 * two letters (src/search/postgres/prefix-answers.ts): written by the build
 * (through the backend factory's writer), read by the backend for exactly
 * the requests they were computed for, equal to the statement's own
 * answers, and never those of another build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/index/postgres/index.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import { FILTERED_PREFIX_LENGTH, precomputePrefixAnswers, PREFIX_ANSWER_MIN_MATCHES, PREFIX_FILTER_VALUES } from '../../src/search/postgres/prefix-answers.js';
import type { SearchRequest, SearchResponse } from '../../src/search/types.js';
import { prepareIndex } from '../helpers/backends.js';
import { generateArchive, type GeneratedArchive } from '../helpers/generated-archive.js';
import { request } from '../helpers/sample-index.js';

let archive: GeneratedArchive;
let release: () => Promise<void>;
let databaseUrl: string;
/** Reads the precomputed answers (the default). */
let answered: PostgresBackend;
/** Runs the statement for every request. */
let computed: PostgresBackend;
/** Answers the factory's writer stored in its build, and those the defaults store. */
let byWriter = -1;
let byDefaults = -2;
beforeAll(async () => {
  archive = await generateArchive({ articles: 600 });
  const prepared = await prepareIndex('postgres', archive.dir);
  release = prepared.release;
  ({ databaseUrl } = prepared.location as { databaseUrl: string });
  // What the writer stored is what the defaults store; then, for these tests, the answers of every beginning held by 5 % of this small archive.
  const pool = createPool(databaseUrl, { max: 2 });
  try {
    byWriter = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM depeches.prefix_answers'))[0].n;
    await sql('DELETE FROM depeches.prefix_answers');
    byDefaults = await precomputeInTransaction(pool, PREFIX_ANSWER_MIN_MATCHES);
    await sql('DELETE FROM depeches.prefix_answers');
    await precomputeInTransaction(pool, 0);
  } finally {
    await pool.end();
  }
  answered = await PostgresBackend.connect(databaseUrl);
  computed = await PostgresBackend.connect(databaseUrl, { prefixAnswers: false });
}, 120_000);
afterAll(async () => {
  for (const backend of [answered, computed]) await backend?.close();
  await release?.();
  await archive?.cleanup();
});

/** Precomputes the build's answers in a transaction of their own, with no minimum of matches; returns how many. */
async function precomputeInTransaction(pool: ReturnType<typeof createPool>, minMatches: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const [{ build_id }] = (await client.query<{ build_id: string }>('SELECT build_id FROM depeches.build')).rows;
    const stored = await precomputePrefixAnswers(client, build_id, minMatches);
    await client.query('COMMIT');
    return stored;
  } finally {
    client.release();
  }
}

/** A response without its timing. */
const timeless = ({ took_ms: _took, ...rest }: SearchResponse) => rest;

async function sql<T>(text: string, parameters: unknown[] = []): Promise<T[]> {
  const pool = createPool(databaseUrl, { max: 1 });
  try {
    return (await pool.query(text, parameters)).rows as T[];
  } finally {
    await pool.end();
  }
}

/** Marks the stored answers (their total set to -1), runs `check`, then puts them back. */
async function withMarkedAnswers(check: () => Promise<void>): Promise<void> {
  const saved = await sql<{ request_key: string; answer: unknown }>('SELECT request_key, answer FROM depeches.prefix_answers');
  await sql(`UPDATE depeches.prefix_answers SET answer = json_build_object('row', (answer->'row')::jsonb || '{"total": -1}', 'estimated', false)`);
  try {
    await check();
  } finally {
    for (const { request_key, answer } of saved) await sql('UPDATE depeches.prefix_answers SET answer = $2::json WHERE request_key = $1', [request_key, JSON.stringify(answer)]);
  }
}

/** The beginnings of `length` letters of the index's terms, those whose completions the most articles hold first. */
const beginnings = async (length: number) =>
  (
    await sql<{ prefix: string }>(
      `SELECT sc.prefix FROM depeches.short_completions sc WHERE char_length(sc.prefix) = $1
       ORDER BY (SELECT sum(t.documents) FROM depeches.terms t WHERE t.term = ANY (sc.terms || sc.prefix)) DESC NULLS LAST, sc.prefix COLLATE "C"`,
      [length],
    )
  ).map((r) => r.prefix);

/** The speaker held by the most articles (one of those the build precomputes filtered answers for), as depeches.facet_names shows it. */
const topSpeaker = async () =>
  (await sql<{ value: string }>(
    `SELECT n.value FROM (SELECT k.key, count(*) AS count FROM depeches.search_rows d, unnest(d.speaker_keys) AS k(key) GROUP BY k.key ORDER BY count DESC, k.key LIMIT 1) t
     JOIN depeches.facet_names n ON n.facet = 's' AND n.key = t.key`,
  ))[0].value;

describe('precomputed answers of short beginnings on PostgreSQL', () => {
  it('the build stores answers of beginnings of one or two letters, and filtered ones for the most held values, all of its build', async () => {
    const [{ build_id }] = await sql<{ build_id: string }>('SELECT build_id FROM depeches.build');
    const rows = await sql<{ build_id: string }>('SELECT build_id FROM depeches.prefix_answers');
    const unfiltered = (await beginnings(1)).length + (await beginnings(2)).length;
    expect(rows.length).toBeGreaterThan(PREFIX_FILTER_VALUES);
    expect(rows.length).toBeLessThanOrEqual(unfiltered + (await beginnings(FILTERED_PREFIX_LENGTH)).length * PREFIX_FILTER_VALUES * 3);
    expect(new Set(rows.map((r) => r.build_id))).toEqual(new Set([build_id]));
  });

  it('is written by the factory\'s writer in its build, with the defaults (fewer answers than without a minimum of matches)', async () => {
    expect(byWriter).toBe(byDefaults);
    expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM depeches.prefix_answers'))[0].n).toBeGreaterThan(byWriter);
  });

  it('answers a short beginning, with or without a facet value, as the statement does', async () => {
    const speaker = await topSpeaker();
    const requests: SearchRequest[] = [];
    // The most held (precomputed) and the least held (run by the statement).
    for (const q of [...(await beginnings(1)).slice(0, 5), ...(await beginnings(1)).slice(-2), ...(await beginnings(2)).slice(0, 5), ...(await beginnings(2)).slice(-2)]) requests.push(request({ q }));
    for (const q of (await beginnings(1)).slice(0, 4)) requests.push(request({ q, speakers: [speaker] }));
    for (const search of requests) expect(timeless(await answered.search(search)), JSON.stringify(search.q)).toEqual(timeless(await computed.search(search)));
  });

  it('reads the stored answer for those requests only', async () => {
    const [first] = await beginnings(1);
    const [two] = await beginnings(2);
    await withMarkedAnswers(async () => {
      expect((await answered.search(request({ q: first }))).total).toBe(-1);
      expect((await answered.search(request({ q: two.toUpperCase() }))).total).toBe(-1);
      expect((await answered.search(request({ q: first, speakers: [await topSpeaker()] }))).total).toBe(-1);
      expect((await computed.search(request({ q: first }))).total).toBeGreaterThan(0);
      // Another page, sort, page size or query: the statement.
      for (const other of [request({ q: first, page: 2 }), request({ q: first, sort: 'date' }), request({ q: first, perPage: 20 }), request({ q: `${first} ${two}` }), request({ q: `${first} ` }), request({ q: first, from: '2000-01-01' })]) {
        expect((await answered.search(other)).total, JSON.stringify(other)).toBeGreaterThanOrEqual(0);
      }
    });
  });

  it('never reads the answers of another build', async () => {
    const [first] = await beginnings(1);
    await withMarkedAnswers(async () => {
      await sql("UPDATE depeches.prefix_answers SET build_id = 'an-older-build'");
      try {
        expect((await answered.search(request({ q: first }))).total).toBeGreaterThan(0);
      } finally {
        await sql('UPDATE depeches.prefix_answers SET build_id = (SELECT build_id FROM depeches.build)');
      }
    });
  });
});
