/**
 * PostgreSQL's term dictionary for the query plan (src/search/query-plan.ts):
 * the plan's look-ups answered on depeches.terms, each batch in one
 * statement. It decides nothing: which beginnings to complete, which to try
 * as a truncated stem, the typo budget and the forms one typo away come in
 * the requests; the rules are the plan's, the budgets match-options.ts's.
 *
 * Words are analyzed by PostgreSQL itself (the depeches.french configuration
 * that built the tsvectors); completions come from the btree of
 * depeches.terms in byte order (or depeches.short_completions for a
 * beginning of one or two letters), typo neighbours from its trigram index,
 * checked with Levenshtein distance.
 */
import type pg from 'pg';
import { TS_CONFIG } from '../../index/postgres/index.js';
import { MATCH_OPTIONS } from '../match-options.js';
import type { AsyncTermDictionary, TypoAnswer, TypoRequest, WordAnswer, WordRequest } from '../term-dictionary.js';

const { max: MAX_COMPLETIONS, short: SHORT_COMPLETIONS, shortPrefix: SHORT_PREFIX } = MATCH_OPTIONS.completions;

/** Whether the index holds a term: an index probe (never a hash of the whole table, whatever the planner expects of the words). */
const known = (term: string) => `(SELECT count(*) FROM depeches.terms t WHERE t.term = ${term}) > 0`;

const SHORT_LIMIT = `CASE char_length(p.prefix) ${SHORT_COMPLETIONS.map((n, k) => `WHEN ${k} THEN ${n}`).join(' ')} ELSE 0 END`;
/** The most frequent completions of `p.prefix` (itself excluded), as the embedded engine keeps them (match-terms.ts). */
const COMPLETIONS = `
  SELECT unnest(sc.terms[1:${SHORT_LIMIT}]) FROM depeches.short_completions sc
  WHERE char_length(p.prefix) BETWEEN 1 AND ${SHORT_PREFIX - 1} AND sc.prefix = p.prefix
  UNION ALL
  (SELECT t.term FROM depeches.terms t
   WHERE char_length(p.prefix) >= ${SHORT_PREFIX} AND t.term COLLATE "C" > p.prefix AND t.term COLLATE "C" < p.prefix || U&'\\+10FFFF'
   ORDER BY t.documents DESC, t.term COLLATE "C" LIMIT ${MAX_COMPLETIONS})`;

/** The first indexed of beginnings (longest first). */
const firstKnown = (array: string) => `(SELECT s.t FROM unnest(${array}) WITH ORDINALITY AS s(t, n) WHERE ${known('s.t')} ORDER BY s.n LIMIT 1)`;

/** The lexeme of a compound's parts written together ("anticasseurs"), when it is one and indexed. */
const JOINED = `CASE WHEN l.joined IS NOT NULL THEN (
    SELECT CASE WHEN cardinality(j.a) = 1 AND ${known('j.a[1]')} THEN j.a[1] END
    FROM (SELECT tsvector_to_array(to_tsvector('${TS_CONFIG}', l.joined)) AS a) j) END`;

/**
 * The compound lexemes whose hyphens taken out give the word's lexeme
 * ("anti-casseur" for "anticasseurs"): PostgreSQL stems a compound whole,
 * as one word with hyphens, so its lexeme is the joined word's with the
 * hyphens in. Read on depeches.terms_joined (an index of the compounds by
 * their letters, migration 8): one probe, no guessed split. Each comes with
 * the phrase of its parts, which ts_headline marks (it marks no compound
 * lexeme): the stems of its stemmed parts, the parts' own lexemes.
 */
const HYPHENATED = `CASE WHEN l.hyphenated_parts IS NOT NULL AND l.term IS NOT NULL THEN ARRAY(
    SELECT json_build_object('term', t.term, 'parts', phraseto_tsquery('${TS_CONFIG}', replace(t.term, '-', ' '))::text) FROM depeches.terms t
    WHERE replace(t.term, '-', '') = l.term AND strpos(t.term, '-') > 0
      AND char_length(t.term) - char_length(replace(t.term, '-', '')) < l.hyphenated_parts
      AND t.term !~ '(^-|--|-$)'
    ORDER BY t.documents DESC, t.term) END`;

/** Where the hyphens of a compound lexeme cut its letters ("anti-casseur" -> [4]). */
function cutsOf(term: string): number[] {
  const cuts: number[] = [];
  let letters = 0;
  for (const c of term) {
    if (c === '-') cuts.push(letters);
    else letters++;
  }
  return cuts;
}

/**
 * Each word's lexeme: the folded stop word as typed; the one lexeme of a
 * word; the whole of a hyphenated compound (PostgreSQL also indexes it
 * whole). A word it cuts into several lexemes otherwise ("aujourd'hui") is
 * kept as its own tsquery (`expression`).
 */
const WORDS = `
  WITH w AS MATERIALIZED (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(k int, text text, shape text, folded text, complete_term boolean, complete_folded boolean, stems text[], joined text, apart text, hyphenated_parts int)
  ),
  l AS MATERIALIZED (
    SELECT w.*, CASE WHEN w.shape = 'stop' THEN w.folded
                     WHEN cardinality(a.a) = 1 THEN a.a[1]
                     WHEN w.shape = 'compound' THEN (SELECT x FROM unnest(a.a) AS x WHERE x LIKE '%-%' ORDER BY char_length(x) DESC, x LIMIT 1)
                END AS term,
           a.a AS lexemes
    FROM w CROSS JOIN LATERAL (SELECT tsvector_to_array(to_tsvector('${TS_CONFIG}', w.text)) AS a) a
  )
  SELECT l.k, l.term, l.term IS NOT NULL AND ${known('l.term')} AS known,
         CASE WHEN l.term IS NULL AND cardinality(l.lexemes) > 1 THEN plainto_tsquery('${TS_CONFIG}', l.text)::text END AS expression,
         (SELECT coalesce(json_agg(json_build_object('prefix', p.prefix, 'known', ${known('p.prefix')}, 'terms', ARRAY(${COMPLETIONS})) ORDER BY p.n), '[]'::json)
          FROM (SELECT v.prefix, min(v.n) AS n FROM (VALUES (CASE WHEN l.complete_term THEN l.term END, 1), (CASE WHEN l.complete_folded THEN l.folded END, 2)) AS v(prefix, n)
                WHERE v.prefix IS NOT NULL AND v.prefix <> '' AND (v.n = 1 OR l.term IS NULL OR v.prefix <> l.term) GROUP BY v.prefix) p) AS completions,
         ${firstKnown('l.stems')} AS truncated,
         ${JOINED} AS joined,
         CASE WHEN l.apart IS NOT NULL THEN phraseto_tsquery('${TS_CONFIG}', l.apart)::text END AS apart_expression,
         ${HYPHENATED} AS hyphenated
  FROM l ORDER BY l.k`;

const TYPOS = `
  SELECT w.k, ${known('w.folded')} AS folded_known,
         ARRAY(SELECT x.term FROM (SELECT w.folded AS prefix) p CROSS JOIN LATERAL (${COMPLETIONS}) AS x(term)) AS completions,
         ${firstKnown('w.beginnings')} AS truncated,
         (SELECT coalesce(json_agg(json_build_array(n.term, n.distance) ORDER BY n.documents DESC, n.term), '[]'::json) FROM (
            SELECT t.term, t.documents, levenshtein_less_equal(t.term, w.term, w.budget) AS distance FROM depeches.terms t
            WHERE t.term % w.term AND t.term <> w.term AND levenshtein_less_equal(t.term, w.term, w.budget) <= w.budget
            ORDER BY t.documents DESC, t.term LIMIT 64) n) AS near,
         ARRAY(SELECT DISTINCT x FROM unnest(w.forms) AS s(word), unnest(tsvector_to_array(to_tsvector('${TS_CONFIG}', s.word))) AS x WHERE ${known('x')}) AS form_terms
  FROM jsonb_to_recordset($1::jsonb) AS w(k int, term text, folded text, budget int, forms text[], beginnings text[])
  ORDER BY w.k`;

interface WordRow {
  k: number;
  term: string | null;
  known: boolean;
  expression: string | null;
  completions: { prefix: string; known: boolean; terms: string[] }[];
  truncated: string | null;
  joined: string | null;
  apart_expression: string | null;
  hyphenated: { term: string; parts: string }[] | null;
}

interface TypoRow {
  k: number;
  folded_known: boolean;
  completions: string[];
  truncated: string | null;
  near: [string, number][];
  form_terms: string[];
}

/** The dictionary the query plan reads on PostgreSQL: one round trip a batch. */
export function postgresDictionary(db: pg.Pool | pg.PoolClient): AsyncTermDictionary {
  return {
    async words(requests: WordRequest[]): Promise<WordAnswer[]> {
      const sent = requests.map((r, k) => ({
        k, text: r.text, shape: r.shape, folded: r.folded, complete_term: r.completeTerm, complete_folded: r.completeFolded, stems: r.stems,
        joined: r.joined ?? null, apart: r.apart ?? null, hyphenated_parts: r.hyphenatedParts ?? null,
      }));
      const rows = (await db.query<WordRow>(WORDS, [JSON.stringify(sent)])).rows;
      return rows.map((r, k) => ({
        term: r.term,
        known: r.known,
        completions: r.completions,
        truncated: r.truncated,
        ...(r.expression ? { expression: r.expression } : {}),
        ...(requests[k].joined !== undefined ? { joined: r.joined } : {}),
        ...(r.apart_expression ? { apartExpression: r.apart_expression } : {}),
        ...(r.hyphenated ? { hyphenated: r.hyphenated.map(({ term, parts }) => ({ term, cuts: cutsOf(term), ...(parts ? { highlight: parts } : {}) })) } : {}),
      }));
    },
    async typos(requests: TypoRequest[]): Promise<TypoAnswer[]> {
      const sent = requests.map((r, k) => ({ k, ...r }));
      const rows = (await db.query<TypoRow>(TYPOS, [JSON.stringify(sent)])).rows;
      return rows.map((r) => ({ foldedKnown: r.folded_known, completions: r.completions, truncated: r.truncated, near: r.near, formTerms: r.form_terms }));
    },
  };
}
