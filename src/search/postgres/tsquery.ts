/**
 * Our parsed query (src/search/parse-query.ts) mapped onto a PostgreSQL
 * tsquery, with the same rules as the embedded engine:
 *
 *     word            'lexeme' | typo neighbours | terms of the words one typo away
 *                     (| completions | longest indexed beginning, when unknown)
 *     word (typing)   ... | its most frequent completions (exact lexemes, as the embedded engine counts them)
 *     "a b c"         phraseto_tsquery: 'a' <-> 'b' <2> 'c' (stop words are gaps)
 *     -word -"a b"    !'lexeme'   !( 'a' <-> 'b' )       (exact, no typo)
 *     a OR b          ( a | b )
 *     speaker:x       weight B only; org:x weight C only; source:x 'source:x'
 *                     (the weights and tags of src/index/postgres/fields.ts)
 *
 * Words are analyzed by PostgreSQL itself (the depeches.french
 * configuration that built the tsvectors), and typo neighbours come from the
 * trigram index of depeches.terms, filtered by Levenshtein distance with the
 * embedded engine's budget (none under 5 letters, one up to 8, two beyond).
 * All words of a query are looked up in one round trip.
 */
import type pg from 'pg';
import { foldWord, JOINER, withoutElision } from '../../analysis/index.js';
import { fieldRestriction, TAGGED_FIELDS, TS_CONFIG } from '../../index/postgres/index.js';
import { lookupWord, MAX_COMPLETIONS, oneTypoForms, SHORT_COMPLETIONS, SHORT_PREFIX } from '../match-terms.js';
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

/** What is sent to PostgreSQL for one word or phrase. */
interface Lookup {
  i: number;
  kind: 'word' | 'phrase';
  text: string;
  budget: number;
  swaps: string[];
  /** The word is being typed: it completes to the most frequent indexed terms it begins. */
  prefix: boolean;
  /** A stop word being typed: only its completions (and itself) can match. */
  stop: boolean;
  /** The word folded (lowercase, no accents): a beginning to complete, as the stem is. */
  folded: string;
  /** Beginnings of the folded word that stand for it when indexed, longest first (the "truncated stem" rule). */
  stems: string[];
  /**
   * A finished word with a typo budget: when the index does not know it, it
   * may be unfinished ("Tachke" for "Tachkent"), so it also stands for its
   * completions and for the longest indexed of its `beginnings`.
   */
  guess: boolean;
  beginnings: string[];
}

interface Analyzed {
  i: number;
  /** plainto_tsquery (word) or phraseto_tsquery (phrase), as text; '' for stop words only. */
  base: string;
  /** The single lexeme of a plain word (the folded word for a stop word being typed), else null. */
  lexeme: string | null;
  /** The index holds the lexeme. */
  exact: boolean;
  /** Indexed terms standing for a word being typed: its beginnings when indexed, their most frequent completions, the truncated stem. */
  completions: string[];
  fuzzy: string[];
  swapped: string[];
  /** For a finished word the index does not know: its completions and its longest indexed beginning. */
  guesses: string[];
}

/**
 * Completions as the embedded engine counts them (src/search/match-terms.ts):
 * a beginning of one or two letters completes to its SHORT_COMPLETIONS most
 * frequent terms (precomputed in depeches.short_completions), a longer one to
 * its MAX_COMPLETIONS most frequent (a range of the terms' btree in byte
 * order, then the top by document count). The beginning itself is not one of
 * its completions.
 */
/** Whether the index holds a term: an index probe (never a hash of the whole table, whatever the planner expects of the words). */
const known = (term: string) => `(SELECT count(*) FROM depeches.terms t WHERE t.term = ${term}) > 0`;

const SHORT_LIMIT = `CASE char_length(p.prefix) ${SHORT_COMPLETIONS.map((n, k) => `WHEN ${k} THEN ${n}`).join(' ')} ELSE 0 END`;
const COMPLETIONS = `
  SELECT p.prefix AS term WHERE p.prefix <> l.lexeme AND ${known('p.prefix')}
  UNION ALL
  SELECT unnest(sc.terms[1:${SHORT_LIMIT}]) FROM depeches.short_completions sc
  WHERE char_length(p.prefix) BETWEEN 1 AND ${SHORT_PREFIX - 1} AND sc.prefix = p.prefix
  UNION ALL
  (SELECT t.term FROM depeches.terms t
   WHERE char_length(p.prefix) >= ${SHORT_PREFIX} AND t.term COLLATE "C" > p.prefix AND t.term COLLATE "C" < p.prefix || U&'\\+10FFFF'
   ORDER BY t.documents DESC, t.term COLLATE "C" LIMIT ${MAX_COMPLETIONS})`;

/**
 * Typo neighbours and swapped-letter forms only for a word the index does not
 * know, nor any completion of it: a known word is taken as meant.
 */
const ANALYZE = `
  WITH w AS MATERIALIZED (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(i int, kind text, text text, budget int, swaps text[], prefix boolean, stop boolean, folded text, stems text[], guess boolean, beginnings text[])
  ),
  l AS MATERIALIZED (
    SELECT w.*, b.base, CASE WHEN w.stop THEN w.folded WHEN w.kind = 'word' AND cardinality(b.a) = 1 THEN b.a[1] END AS lexeme
    FROM w CROSS JOIN LATERAL (
      SELECT (CASE WHEN w.kind = 'phrase' THEN phraseto_tsquery('${TS_CONFIG}', w.text) ELSE plainto_tsquery('${TS_CONFIG}', w.text) END)::text AS base,
             tsvector_to_array(to_tsvector('${TS_CONFIG}', w.text)) AS a
    ) b
  ),
  c AS MATERIALIZED (
    SELECT l.*, l.lexeme IS NOT NULL AND ${known('l.lexeme')} AS exact,
      ARRAY(
        SELECT DISTINCT x.term FROM (
          SELECT DISTINCT p.prefix FROM unnest(CASE WHEN l.prefix AND l.lexeme IS NOT NULL THEN
            (CASE WHEN l.stop THEN ARRAY[l.folded] ELSE ARRAY[l.lexeme, l.folded] END) ELSE '{}'::text[] END) AS p(prefix)
          WHERE p.prefix <> ''
        ) p
        CROSS JOIN LATERAL (${COMPLETIONS}) x
        UNION
        (SELECT s.t FROM unnest(l.stems) WITH ORDINALITY AS s(t, n) WHERE ${known('s.t')} ORDER BY s.n LIMIT 1)
      ) AS completions
    FROM l
  )
  SELECT c.i, c.base, c.lexeme, c.exact, c.completions,
         CASE WHEN c.budget > 0 AND c.lexeme IS NOT NULL AND NOT c.exact AND cardinality(c.completions) = 0 THEN ARRAY(
           SELECT t.term FROM depeches.terms t
           WHERE t.term % c.lexeme AND t.term <> c.lexeme AND levenshtein_less_equal(t.term, c.lexeme, c.budget) <= c.budget
           ORDER BY t.documents DESC, t.term LIMIT 64) ELSE '{}'::text[] END AS fuzzy,
         CASE WHEN cardinality(c.swaps) > 0 AND NOT c.exact AND cardinality(c.completions) = 0 THEN ARRAY(
           SELECT DISTINCT x FROM unnest(c.swaps) AS s(word), unnest(tsvector_to_array(to_tsvector('${TS_CONFIG}', s.word))) AS x
           WHERE ${known('x')}) ELSE '{}'::text[] END AS swapped,
         CASE WHEN c.guess AND c.lexeme IS NOT NULL AND NOT c.exact AND cardinality(c.completions) = 0 THEN ARRAY(
           SELECT DISTINCT x.term FROM (SELECT c.folded AS prefix) p, LATERAL (SELECT c.lexeme) l(lexeme) CROSS JOIN LATERAL (${COMPLETIONS}) x
           UNION
           (SELECT s.t FROM unnest(c.beginnings) WITH ORDINALITY AS s(t, n) WHERE ${known('s.t')} ORDER BY s.n LIMIT 1)) ELSE '{}'::text[] END AS guesses
  FROM c`;

/** How a word clause is looked up: null when the embedded analyzer drops it (stop word). */
function wordLookup(text: string, prefix: boolean, negated: boolean, i: number): (Lookup & { optional: boolean }) | null {
  const lookup = lookupWord(text, prefix && !negated);
  if (!lookup) return null;
  const word = withoutElision(text);
  const compound = word.split(JOINER).filter(Boolean).length > 1;
  const folded = foldWord(word);
  const typing = !negated && lookup.prefixes.length > 0;
  const stems: string[] = [];
  if (typing && !lookup.stopWord && !compound && folded.length >= 5) {
    for (let length = folded.length - 1; length >= Math.max(4, folded.length - 4); length--) stems.push(folded.slice(0, length));
  }
  const guess = !negated && !compound && lookup.fuzzy > 0;
  const beginnings: string[] = [];
  if (guess) for (let length = folded.length - 1; length >= Math.max(4, Math.ceil(folded.length / 2)); length--) beginnings.push(folded.slice(0, length));
  return {
    i,
    kind: 'word',
    text: word,
    budget: negated || compound ? 0 : lookup.fuzzy,
    swaps: negated || compound || lookup.fuzzy === 0 ? [] : oneTypoForms(folded),
    prefix: typing && !compound,
    stop: typing && lookup.stopWord === true && !compound,
    folded,
    stems,
    guess,
    beginnings,
    optional: lookup.stopWord === true && !compound,
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

/** Maps a parsed query onto tsqueries, analyzing its words in one round trip. */
export async function compileTsQuery(db: pg.Pool | pg.PoolClient, parsed: ParsedQuery): Promise<CompiledTsQuery> {
  const lookups: (Lookup & { optional: boolean })[] = [];
  // Each clause (and each side of an OR) gets the index of its lookup, or -1 when dropped.
  const plan = (clause: Clause): number => {
    if (clause.kind === 'any') return -1;
    const i = lookups.length;
    if (clause.kind === 'word') {
      const lookup = wordLookup(clause.text, clause.prefix, clause.negated, i);
      if (!lookup) return -1;
      lookups.push(lookup);
    } else if (clause.kind === 'near') {
      // One lookup per word, in a row: each analyzed alone, as the phrase's words are.
      clause.words.forEach((word, k) =>
        lookups.push({ i: i + k, kind: 'phrase', text: word, budget: 0, swaps: [], prefix: false, stop: false, folded: '', stems: [], guess: false, beginnings: [], optional: false }),
      );
    } else {
      if (clause.words.length === 0) return -1;
      lookups.push({ i, kind: 'phrase', text: clause.words.join(' '), budget: 0, swaps: [], prefix: false, stop: false, folded: '', stems: [], guess: false, beginnings: [], optional: false });
    }
    return i;
  };
  const planned = parsed.clauses.map((clause) => (clause.kind === 'any' ? clause.clauses.map(plan) : [plan(clause)]));
  if (lookups.length === 0) return { match: null, highlight: null, positive: [], negative: [] };

  const sent = lookups.map(({ optional: _optional, ...lookup }) => lookup);
  const rows = (await db.query<Analyzed>(ANALYZE, [JSON.stringify(sent)])).rows;
  const byIndex = new Map(rows.map((r) => [r.i, r]));

  /** The tsquery of one word or phrase clause, or null when it holds no lexeme. */
  const piece = (clause: Clause, i: number): string | null => {
    if (i < 0 || clause.kind === 'any') return null;
    const analyzed = byIndex.get(i);
    if (!analyzed) return null;
    if (clause.kind === 'near') return nearTsQuery(clause.words.map((_w, k) => byIndex.get(i + k)?.base ?? ''), clause.distances);
    if (clause.kind === 'word' && analyzed.lexeme !== null) {
      // The lexeme itself even when unknown: a word nobody wrote matches nothing.
      const alternatives = new Set([restricted(operand(analyzed.lexeme), clause.field)]);
      if (!clause.negated) for (const t of [...analyzed.completions, ...analyzed.fuzzy, ...analyzed.swapped, ...analyzed.guesses]) alternatives.add(restricted(operand(t), clause.field));
      return alternatives.size === 1 ? [...alternatives][0] : `( ${[...alternatives].join(' | ')} )`;
    }
    return analyzed.base ? `( ${restricted(analyzed.base, clause.kind === 'phrase' ? clause.field : undefined)} )` : null;
  };

  const positive: { query: string; optional: boolean }[] = [];
  const negative: string[] = [];
  parsed.clauses.forEach((clause, k) => {
    if (clause.kind === 'any') {
      const sides = clause.clauses.map((side, s) => piece(side, planned[k][s])).filter((p): p is string => p !== null);
      if (sides.length > 0) positive.push({ query: sides.length === 1 ? sides[0] : `( ${sides.join(' | ')} )`, optional: false });
      return;
    }
    const query = piece(clause, planned[k][0]);
    if (!query) return;
    if (clause.negated) negative.push(query);
    else positive.push({ query, optional: lookups[planned[k][0]].optional });
  });
  // A stop word being typed ("conseil de") only counts when it is all there is.
  const kept = (positive.some((p) => !p.optional) ? positive.filter((p) => !p.optional) : positive).map((p) => p.query);
  if (kept.length === 0 && negative.length === 0) return { match: null, highlight: null, positive: kept, negative };
  const match = [...kept, ...negative.map((n) => `!${n}`)].join(' & ');
  const highlight = [...new Set(kept.map(unweighted))];
  return { match, highlight: highlight.length > 0 ? highlight.join(' | ') : null, positive: kept, negative };
}
