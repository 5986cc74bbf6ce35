/**
 * The two backends answer the shared cases alike: the evaluation cases of
 * the samples (tests/fixtures/eval-cases.json) and the README's query
 * examples, each also as typed letter by letter. Both build the same query
 * plan (src/search/query-plan.ts) from their own term dictionaries, and
 * find the same articles, the partial fill's included; the differences the
 * README lists (PostgreSQL's analysis, ranking) are the only ones allowed.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex } from '../src/index/index.js';
import { createPool } from '../src/index/postgres/index.js';
import { embeddedDictionary } from '../src/search/match-terms.js';
import { parseQuery } from '../src/search/parse-query.js';
import { Searcher } from '../src/search/searcher.js';
import { compileTsQuery } from '../src/search/postgres/tsquery.js';
import { planQuery, type ClausePlan, type QueryPlan, type WordPlan, wordPlans } from '../src/search/query-plan.js';
import { parseSearchParams } from '../src/web/params.js';
import { startBackend, type BackendFixture } from './helpers/backends.js';
import { readmeExamples } from './helpers/readme-queries.js';
import { readEvalCases } from './helpers/sample-index.js';

/**
 * Where the two analyses differ by design (README, French analysis): PostgreSQL
 * stems words of three letters or fewer (here kept as typed), has other stop
 * words (its "le", "cet" are lexemes, completions of a beginning of one or two
 * letters), and stems a hyphenated compound whole ("chine-russ", here
 * "chin-russ"). Such a word is compared on its shape, not on its terms.
 */
const analysedApart = (w: WordPlan) => (w.prefix && w.folded.length <= 3) || w.compound || w.alternatives.some((a) => a.form.includes('-'));

/** A plan as comparable data: each word's term and alternatives (form and kind, in form order); weights follow from them. */
function comparable(plan: QueryPlan): unknown {
  const clause = (c: ClausePlan | null): unknown => {
    if (!c) return null;
    if (c.kind === 'any') return { any: c.clauses.map(clause) };
    if (c.kind !== 'word') return c;
    const shape = { word: c.word, negated: c.negated, prefix: c.prefix, field: c.field ?? null, optional: c.optional, budget: c.budget };
    if (analysedApart(c)) return shape;
    const alternatives = [...c.alternatives].sort((a, b) => (a.form < b.form ? -1 : 1)).map((a) => `${a.kind}:${a.form}`);
    return { ...shape, term: c.term, alternatives };
  };
  return plan.clauses.map(clause);
}

/** Every beginning of a query, as typed, and the query itself. */
const typed = (q: string) => Array.from({ length: q.length }, (_v, k) => q.slice(0, k + 1)).filter((p) => p.trim() !== '');

const evalCases = readEvalCases().cases.map((c) => c.params);
const QUERIES = [...new Set([...evalCases.map((p) => p.q ?? ''), ...readmeExamples()].flatMap(typed))];

describe('the embedded engine and PostgreSQL on the shared cases', { timeout: 300_000 }, () => {
  let embedded: BackendFixture;
  let postgres: BackendFixture;
  let searcher: Searcher;
  let pool: pg.Pool;
  beforeAll(async () => {
    [embedded, postgres] = await Promise.all([startBackend('embedded'), startBackend('postgres')]);
    searcher = new Searcher(await loadIndex((embedded.location as { indexDir: string }).indexDir));
    pool = createPool((postgres.location as { databaseUrl: string }).databaseUrl, { max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await Promise.all([embedded?.stop(), postgres?.stop()]);
  });

  it('build the same plan for every query and each of its beginnings', async () => {
    const differing: string[] = [];
    for (const q of QUERIES) {
      const parsed = parseQuery(q);
      const local = comparable(planQuery(parsed, embeddedDictionary(searcher.postings)));
      const remote = comparable((await compileTsQuery(pool, parsed)).plan);
      if (JSON.stringify(local) !== JSON.stringify(remote)) differing.push(`${q}\n  embedded ${JSON.stringify(local)}\n  postgres ${JSON.stringify(remote)}`);
    }
    expect(differing).toEqual([]);
  });

  it('find the same articles and say the same of the query for every case and example', async () => {
    const differing: string[] = [];
    const cases = [...evalCases, ...readmeExamples().map((q) => ({ q }))];
    for (const params of cases) {
      const parsed = parseSearchParams({ ...params, per_page: '100' });
      if (!parsed.ok) throw new Error(parsed.message);
      const [a, b] = await Promise.all([embedded.backend.search(parsed.request), postgres.backend.search(parsed.request)]);
      // The full matches, then the partial fill (both backends fill a short page: README, partial fill), each as a set.
      const ids = (hits: { id: string; partial?: true; lacks?: string }[]) => [hits.filter((h) => !h.partial).map((h) => h.id).sort(), hits.filter((h) => h.partial).map((h) => `${h.id} sans ${h.lacks}`).sort()];
      if (JSON.stringify(ids(a.hits)) !== JSON.stringify(ids(b.hits))) differing.push(`${JSON.stringify(params)}: embedded ${JSON.stringify(ids(a.hits))} postgres ${JSON.stringify(ids(b.hits))}`);
      if (a.total !== b.total || a.partial?.count !== b.partial?.count) differing.push(`${JSON.stringify(params)}: totals embedded ${a.total}+${a.partial?.count} postgres ${b.total}+${b.partial?.count}`);
      // The line under the box reads the plan on both: the same parts (a typo corrected, a completion, a phrase...).
      const kinds = (r: typeof a) => r.understood.map((p) => p.kind).join(' ');
      if (kinds(a) !== kinds(b)) differing.push(`${JSON.stringify(params)}: understood embedded ${kinds(a)} postgres ${kinds(b)}`);
    }
    expect(differing).toEqual([]);
  });

  it('correct a word within the same typo budget ("vouliez-vous dire")', async () => {
    // One edit forgiven up to 8 letters, two beyond (match-options.ts), on both: "Lbvrof" is two edits from "Lavrov".
    const cases: [string, string | null][] = [['Lavrof xqzwv', 'Lavrov xqzwv'], ['Lbvrof Tachkent', null], ['Kazakhstqnn xqzwv', 'Kazakhstan xqzwv']];
    for (const [q, expected] of cases) {
      const parsed = parseSearchParams({ q });
      if (!parsed.ok) throw new Error(parsed.message);
      const [a, b] = await Promise.all([embedded.backend.search(parsed.request), postgres.backend.search(parsed.request)]);
      expect([q, a.suggestion]).toEqual([q, expected]);
      expect([q, b.suggestion]).toEqual([q, expected]);
    }
  });

  it('compare most words on their terms, not only on their shape', () => {
    const words = QUERIES.flatMap((q) => wordPlans(planQuery(parseQuery(q), embeddedDictionary(searcher.postings))));
    expect(words.filter((w) => !analysedApart(w)).length).toBeGreaterThan(words.length / 2);
    expect(words.some((w) => w.alternatives.some((a) => a.kind === 'typo' || a.kind === 'typo-on-stem'))).toBe(true);
    expect(words.some((w) => w.alternatives.some((a) => a.kind === 'truncated-stem'))).toBe(true);
  });
});
