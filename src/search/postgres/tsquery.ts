/**
 * Our parsed query (src/search/parse-query.ts) mapped onto a PostgreSQL
 * tsquery, with the same rules as the embedded engine:
 *
 *     word            'lexeme' | typo neighbours | swapped-letter forms
 *     word (typing)   ... | 'lexeme':* | 'folded':*      (3 letters at least)
 *     "a b c"         phraseto_tsquery: 'a' <-> 'b' <2> 'c' (stop words are gaps)
 *     -word -"a b"    !'lexeme'   !( 'a' <-> 'b' )       (exact, no typo)
 *     a OR b          ( a | b )
 *     speaker:x       weight B only; org:x weight C only
 *
 * Words are analyzed by PostgreSQL itself (the depeches.french
 * configuration that built the tsvectors), and typo neighbours come from the
 * trigram index of depeches.terms, filtered by Levenshtein distance with the
 * embedded engine's budget (none under 5 letters, one up to 8, two beyond).
 * All words of a query are looked up in one round trip.
 */
import type pg from 'pg';
import { analyzeWord, ELISION, foldWord } from '../../analysis/index.js';
import { TS_CONFIG } from '../../index/postgres/schema.js';
import { lookupWord } from '../match-terms.js';
import type { Clause, ParsedQuery, QueryField } from '../types.js';

/** The tsqueries of a request: what must match, and what to highlight. */
export interface CompiledTsQuery {
  /** Null when the query asks for nothing (empty, stop words only): every document matches. */
  match: string | null;
  /** Every positive lexeme OR'ed, without field weights: what snippets highlight. Null when none. */
  highlight: string | null;
  /** The positive clauses and the excluded ones, each a tsquery: for the relaxed match. */
  positive: string[];
  negative: string[];
}

const WEIGHT: Record<QueryField, string> = { speakers: 'B', organisations: 'C' };

/** A lexeme as a tsquery operand: quoted, optional prefix and weight ("'lavr':*B"). */
export function operand(lexeme: string, prefix = false, weight = ''): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return prefix || weight ? `${quoted}:${prefix ? '*' : ''}${weight}` : quoted;
}

/** Adds a weight to every operand of a tsquery as PostgreSQL prints it. */
function weighted(tsquery: string, weight: string): string {
  return weight ? tsquery.replace(/'((?:[^'\\]|''|\\.)*)'(?::(\*?)[A-D]*)?/g, (_m, lexeme: string, star: string) => `'${lexeme}':${star ?? ''}${weight}`) : tsquery;
}

/** A tsquery without field weights: snippets highlight a speaker's name in the text too. */
function unweighted(tsquery: string): string {
  return tsquery.replace(/'((?:[^'\\]|''|\\.)*)':(\*?)[A-D]*/g, (_m, lexeme: string, star: string) => (star ? `'${lexeme}':*` : `'${lexeme}'`));
}

/** Every form of a word with two neighbouring letters swapped: a swap is one typo. */
function swappedForms(folded: string): string[] {
  const forms = new Set<string>();
  for (let k = 0; k + 1 < folded.length; k++) {
    if (folded[k] === folded[k + 1]) continue;
    const swapped = folded.slice(0, k) + folded[k + 1] + folded[k] + folded.slice(k + 2);
    if (analyzeWord(swapped) !== null) forms.add(swapped);
  }
  return [...forms];
}

/** What is sent to PostgreSQL for one word or phrase. */
interface Lookup {
  i: number;
  kind: 'word' | 'phrase';
  text: string;
  budget: number;
  swaps: string[];
}

interface Analyzed {
  i: number;
  /** plainto_tsquery (word) or phraseto_tsquery (phrase), as text; '' for stop words only. */
  base: string;
  /** The single lexeme of a plain word, else null. */
  lexeme: string | null;
  fuzzy: string[];
  swapped: string[];
}

const ANALYZE = `
  SELECT w.i,
         (CASE WHEN w.kind = 'phrase' THEN phraseto_tsquery('${TS_CONFIG}', w.text) ELSE plainto_tsquery('${TS_CONFIG}', w.text) END)::text AS base,
         l.lexeme,
         CASE WHEN w.budget > 0 AND l.lexeme IS NOT NULL THEN ARRAY(
           SELECT t.term FROM depeches.terms t
           WHERE t.term % l.lexeme AND t.term <> l.lexeme AND levenshtein_less_equal(t.term, l.lexeme, w.budget) <= w.budget
           ORDER BY t.documents DESC, t.term LIMIT 64) ELSE '{}'::text[] END AS fuzzy,
         ARRAY(SELECT DISTINCT x FROM unnest(w.swaps) AS s(word), unnest(tsvector_to_array(to_tsvector('${TS_CONFIG}', s.word))) AS x
               WHERE EXISTS (SELECT 1 FROM depeches.terms t WHERE t.term = x)) AS swapped
  FROM jsonb_to_recordset($1::jsonb) AS w(i int, kind text, text text, budget int, swaps text[])
  LEFT JOIN LATERAL (
    SELECT CASE WHEN w.kind = 'word' AND cardinality(a) = 1 THEN a[1] END AS lexeme
    FROM (SELECT tsvector_to_array(to_tsvector('${TS_CONFIG}', w.text)) AS a) v
  ) l ON true`;

/** How a word clause is looked up: null when the embedded analyzer drops it (stop word). */
function wordLookup(text: string, prefix: boolean, negated: boolean, i: number): (Lookup & { folded: string; prefixes: boolean }) | null {
  const lookup = lookupWord(text, prefix);
  if (!lookup) return null;
  const word = text.replace(ELISION, '') || text;
  const compound = lookup.term.includes('-');
  return {
    i,
    kind: 'word',
    text: word,
    budget: negated || compound ? 0 : lookup.fuzzy,
    swaps: negated || compound || lookup.fuzzy !== 1 ? [] : swappedForms(foldWord(word)),
    folded: foldWord(word),
    prefixes: !negated && lookup.prefixes.length > 0,
  };
}

/**
 * The relaxed form of a query that no article matches whole: any of its
 * positive clauses (the excluded ones still excluded). Articles are then
 * kept only when they match the most clauses any article matches.
 */
export function relaxedMatch(compiled: CompiledTsQuery): string {
  return [`( ${compiled.positive.join(' | ')} )`, ...compiled.negative.map((n) => `!${n}`)].join(' & ');
}

/** Maps a parsed query onto tsqueries, analyzing its words in one round trip. */
export async function compileTsQuery(db: pg.Pool | pg.PoolClient, parsed: ParsedQuery): Promise<CompiledTsQuery> {
  const lookups: (Lookup & { folded?: string; prefixes?: boolean })[] = [];
  // Each clause (and each side of an OR) gets the index of its lookup, or -1 when dropped.
  const plan = (clause: Clause): number => {
    if (clause.kind === 'any') return -1;
    const i = lookups.length;
    if (clause.kind === 'word') {
      const lookup = wordLookup(clause.text, clause.prefix, clause.negated, i);
      if (!lookup) return -1;
      lookups.push(lookup);
    } else {
      if (clause.words.length === 0) return -1;
      lookups.push({ i, kind: 'phrase', text: clause.words.join(' '), budget: 0, swaps: [] });
    }
    return i;
  };
  const planned = parsed.clauses.map((clause) => (clause.kind === 'any' ? clause.clauses.map(plan) : [plan(clause)]));
  if (lookups.length === 0) return { match: null, highlight: null, positive: [], negative: [] };

  const rows = (await db.query<Analyzed>(ANALYZE, [JSON.stringify(lookups.map(({ i, kind, text, budget, swaps }) => ({ i, kind, text, budget, swaps })))])).rows;
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  const highlight = new Set<string>();

  /** The tsquery of one word or phrase clause, or null when it holds no lexeme. */
  const piece = (clause: Clause, i: number): string | null => {
    if (i < 0 || clause.kind === 'any') return null;
    const analyzed = byIndex.get(i);
    if (!analyzed || !analyzed.base) return null;
    const weight = clause.field ? WEIGHT[clause.field] : '';
    const lookup = lookups[i];
    let query: string;
    if (clause.kind === 'word' && analyzed.lexeme !== null) {
      const alternatives = new Set([operand(analyzed.lexeme, false, weight)]);
      if (!clause.negated) {
        for (const t of [...analyzed.fuzzy, ...analyzed.swapped]) alternatives.add(operand(t, false, weight));
        if (lookup.prefixes) {
          alternatives.add(operand(analyzed.lexeme, true, weight));
          alternatives.add(operand(lookup.folded!, true, weight));
        }
      }
      query = alternatives.size === 1 ? [...alternatives][0] : `( ${[...alternatives].join(' | ')} )`;
    } else {
      query = `( ${weighted(analyzed.base, weight)} )`;
    }
    if (!clause.negated) highlight.add(unweighted(query));
    return query;
  };

  const positive: string[] = [];
  const negative: string[] = [];
  parsed.clauses.forEach((clause, k) => {
    if (clause.kind === 'any') {
      const sides = clause.clauses.map((side, s) => piece(side, planned[k][s])).filter((p): p is string => p !== null);
      if (sides.length > 0) positive.push(sides.length === 1 ? sides[0] : `( ${sides.join(' | ')} )`);
      return;
    }
    const query = piece(clause, planned[k][0]);
    if (query) (clause.negated ? negative : positive).push(query);
  });
  if (positive.length === 0 && negative.length === 0) return { match: null, highlight: null, positive, negative };
  const match = [...positive, ...negative.map((n) => `!${n}`)].join(' & ');
  return { match, highlight: highlight.size > 0 ? [...highlight].join(' | ') : null, positive, negative };
}
