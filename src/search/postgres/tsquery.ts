/**
 * The query plan (src/search/query-plan.ts) mapped onto a PostgreSQL
 * tsquery: the plan's rules, PostgreSQL's lexemes (the plan is built on
 * ./term-dictionary.ts):
 *
 *     word            ( 'alternative' | 'alternative' | ... ), as the plan lists them
 *                     (exact lexemes, never a `:*` prefix that would match every row)
 *     vice-président  ( 'vice-president' | 'vicepresident' | 'vice' <-> 'president' ):
 *                     the compound, joined, and apart (the plan's spellings)
 *     "a b c"         phraseto_tsquery: 'a' <-> 'b' <2> 'c' (stop words are gaps)
 *     -word -"a b"    !'lexeme'   !( 'a' <-> 'b' )       (exact, no typo)
 *     a OR b          ( a | b )
 *     speaker:x       weight B only; org:x weight C only; source:x 'source:x'
 *                     (the weights and tags of src/index/postgres/fields.ts)
 */
import type pg from 'pg';
import { fieldRestriction, TAGGED_FIELDS, TS_CONFIG } from '../../index/postgres/index.js';
import { planQueryAsync, wordPlans, type ClausePlan, type QueryPlan, type WordPlan } from '../query-plan.js';
import type { Clause, ParsedQuery, QueryField } from '../types.js';
import { postgresDictionary } from './term-dictionary.js';

/** The tsqueries of a request: what must match, and what to highlight. */
export interface CompiledTsQuery {
  /** Null when the query asks for nothing (empty, stop words only): every document matches. */
  match: string | null;
  /** Every positive lexeme OR'ed, without field weights: what snippets highlight. Null when none. */
  highlight: string | null;
  /** The positive clauses and the excluded ones, each a tsquery: for the relaxed match. */
  positive: string[];
  negative: string[];
  /** By positive clause: its place in the parsed query (what a partial hit lacks is said by it). */
  positiveClauses: number[];
  /** The plan it was compiled from (for the `understood` line). */
  plan: QueryPlan;
}

/** A lexeme as a tsquery operand: quoted, optional prefix and weight ("'lavr':*B"). */
export function operand(lexeme: string, prefix = false, weight = ''): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return prefix || weight ? `${quoted}:${prefix ? '*' : ''}${weight}` : quoted;
}

/** Adds a weight to every operand of a tsquery as PostgreSQL prints it. */
function weighted(tsquery: string, weight: string): string {
  return weight ? tsquery.replace(/'((?:[^'\\]|''|\\.)*)'(?::(\*?)[A-D]*)?/g, (_m, lexeme: string, star: string) => `'${lexeme}':${star ?? ''}${weight}`) : tsquery;
}

/** Adds a field's tag to every lexeme of a tsquery as PostgreSQL prints it ('matin' -> 'source:matin'). */
function tagged(tsquery: string, tag: string): string {
  return tag ? tsquery.replace(/'((?:[^'\\]|''|\\.)*)'/g, (_m, lexeme: string) => `'${tag}${lexeme}'`) : tsquery;
}

/** A field clause's tsquery: weight-restricted, or on the field's tagged lexemes. */
function restricted(tsquery: string, field: QueryField | undefined): string {
  if (!field) return tsquery;
  const { weight, tag } = fieldRestriction(field);
  return tagged(weighted(tsquery, weight), tag);
}

const TAGS = new RegExp(`'(?:${[...TAGGED_FIELDS].join('|') || '(?!)'}):`, 'g');

/** A tsquery without field weights or tags: snippets highlight a speaker's name in the text too. */
function unweighted(tsquery: string): string {
  return tsquery.replace(TAGS, "'").replace(/'((?:[^'\\]|''|\\.)*)':(\*?)[A-D]*/g, (_m, lexeme: string, star: string) => (star ? `'${lexeme}':*` : `'${lexeme}'`));
}

/**
 * The relaxed form of a query that no article matches whole: any of its
 * positive clauses (the excluded ones still excluded). Articles are then
 * kept only when they match the most clauses any article matches.
 */
export function relaxedMatch(compiled: CompiledTsQuery): string {
  return [`( ${compiled.positive.join(' | ')} )`, ...compiled.negative.map((n) => `!${n}`)].join(' & ');
}

/**
 * The partial fill's match, when few articles hold every positive clause
 * (as the embedded engine's, src/search/evaluate.ts): the articles holding
 * all but one clause and not all (`required` of `clauses`). Of two clauses,
 * those holding the rarer (`counts`: the articles each clause matches).
 * `lacked`: the place in `positive` of the clause all of them lack, when one.
 */
export function partialMatch(compiled: CompiledTsQuery, counts: number[]): { match: string; clauses: string[]; required: number; lacked: number | null } {
  const { positive, negative } = compiled;
  const not = negative.map((n) => `!${n}`);
  if (positive.length === 2) {
    const commoner = counts[0] <= counts[1] ? 1 : 0;
    return { match: [positive[1 - commoner], `!${positive[commoner]}`, ...not].join(' & '), clauses: [], required: 0, lacked: commoner };
  }
  return { match: [`( ${positive.join(' | ')} )`, `!( ${positive.join(' & ')} )`, ...not].join(' & '), clauses: positive, required: positive.length - 1, lacked: null };
}

/**
 * `a NEAR/n b` as a tsquery: `<k>` is an exact distance in one order, so
 * the group is every distance from 1 to n, both orders
 * (`a <1> b | b <1> a | a <2> b | ...`). A chain `a NEAR b NEAR c` is its
 * pairs ANDed: each pair near, not necessarily through the same `b` (the
 * embedded engine asks for one chain). A stop word (empty base) is dropped,
 * its distance added to the next pair's.
 */
export function nearTsQuery(bases: string[], distances: number[]): string | null {
  const words: string[] = [];
  const gaps: number[] = [];
  let carried = 0;
  bases.forEach((base, k) => {
    if (!base) {
      if (k > 0) carried += distances[k - 1];
      return;
    }
    if (words.length > 0) gaps.push(carried + distances[k - 1]);
    carried = 0;
    words.push(`( ${base} )`);
  });
  if (words.length === 0) return null;
  if (words.length === 1) return words[0];
  const pairs = gaps.map((gap, k) => {
    const options: string[] = [];
    for (let d = 1; d <= gap; d++) options.push(`${words[k]} <${d}> ${words[k + 1]}`, `${words[k + 1]} <${d}> ${words[k]}`);
    return `( ${options.join(' | ')} )`;
  });
  return pairs.length === 1 ? pairs[0] : `( ${pairs.join(' & ')} )`;
}

/** Each phrase's and NEAR word's phraseto_tsquery, by its text: PostgreSQL's own positions (stop words are gaps). */
async function phraseBases(db: pg.Pool | pg.PoolClient, parsed: ParsedQuery): Promise<Map<string, string>> {
  const texts = new Set<string>();
  const visit = (c: Clause) => {
    if (c.kind === 'any') c.clauses.forEach(visit);
    else if (c.kind === 'phrase') texts.add(c.words.join(' '));
    else if (c.kind === 'near') c.words.forEach((w) => texts.add(w));
  };
  parsed.clauses.forEach(visit);
  if (texts.size === 0) return new Map();
  const rows = (await db.query<{ text: string; base: string }>(`SELECT t AS text, phraseto_tsquery('${TS_CONFIG}', t)::text AS base FROM unnest($1::text[]) AS t`, [[...texts]])).rows;
  return new Map(rows.map((r) => [r.text, r.base]));
}

/** A word's tsquery from its plan: its alternatives OR'ed (the term alone when it has none: a word nobody wrote matches nothing). */
function wordTsQuery(plan: WordPlan): string | null {
  if (plan.expression) return `( ${restricted(plan.expression, plan.field)} )`;
  if (plan.term === null) return null;
  const forms = plan.alternatives.length > 0 ? plan.alternatives.map((a) => a.form) : [plan.term];
  const alternatives = [...new Set(forms.map((form) => restricted(operand(form), plan.field)))];
  // A compound's parts written apart, as a phrase ("vice président"): PostgreSQL's own phrase of them.
  if (plan.apart?.expression) alternatives.push(`( ${restricted(plan.apart.expression, plan.field)} )`);
  return alternatives.length === 1 ? alternatives[0] : `( ${alternatives.join(' | ')} )`;
}

/** Maps a parsed query onto tsqueries through its plan (query-plan.ts): one round trip for the words, a second only for an unknown one. */
export async function compileTsQuery(db: pg.Pool | pg.PoolClient, parsed: ParsedQuery): Promise<CompiledTsQuery> {
  const [plan, bases] = await Promise.all([planQueryAsync(parsed, postgresDictionary(db)), phraseBases(db, parsed)]);

  /** The tsquery of one clause, or null when it holds no lexeme. */
  const piece = (clause: ClausePlan | null): string | null => {
    if (!clause) return null;
    if (clause.kind === 'word') return wordTsQuery(clause);
    if (clause.kind === 'near') return nearTsQuery(clause.words.map((w) => bases.get(w) ?? ''), clause.distances);
    if (clause.kind === 'phrase') {
      const base = bases.get(clause.words.join(' '));
      return base ? `( ${restricted(base, clause.field)} )` : null;
    }
    const sides = clause.clauses.map(piece).filter((p): p is string => p !== null);
    return sides.length === 0 ? null : sides.length === 1 ? sides[0] : `( ${sides.join(' | ')} )`;
  };

  const positive: { query: string; optional: boolean; clause: number }[] = [];
  const negative: string[] = [];
  plan.clauses.forEach((clause, k) => {
    const query = piece(clause);
    if (!query || !clause) return;
    if (clause.kind !== 'any' && clause.negated) negative.push(query);
    else positive.push({ query, optional: clause.kind === 'word' && clause.optional, clause: k });
  });
  // A stop word being typed ("conseil de") only counts when it is all there is.
  const keptClauses = positive.some((p) => !p.optional) ? positive.filter((p) => !p.optional) : positive;
  const kept = keptClauses.map((p) => p.query);
  const positiveClauses = keptClauses.map((p) => p.clause);
  if (kept.length === 0 && negative.length === 0) return { match: null, highlight: null, positive: kept, negative, positiveClauses, plan };
  const match = [...kept, ...negative.map((n) => `!${n}`)].join(' & ');
  // ts_headline marks no compound lexeme: a word's compounds (written together as it is) are highlighted by their parts.
  const compoundParts = wordPlans(plan).filter((w) => !w.negated).flatMap((w) => w.alternatives.flatMap((a) => (a.highlight ? [`( ${a.highlight} )`] : [])));
  const highlight = [...new Set([...kept.map(unweighted), ...compoundParts])];
  return { match, highlight: highlight.length > 0 ? highlight.join(' | ') : null, positive: kept, negative, positiveClauses, plan };
}
