import { FACETS, facetOf, FIELDS, withoutElision, type FacetName } from '../analysis/index.js';
import { nearPattern } from './near.js';
import type { ClausePlan, QueryPlan, WordPlan } from './query-plan.js';
import type { Clause, ParsedQuery, SearchRequest } from './types.js';

/**
 * How the engine understood a query, said back to the reader (a discreet
 * line under the box, and `understood` in the JSON): each word as searched
 * (its stem, its completions, a typo corrected), phrases, NEAR groups,
 * exclusions, fields, words left out, and the filter that emptied the
 * results. Each part that can be undone carries what undoes it: a query
 * (the same query without that part, or with it written so that the engine
 * takes it literally), or a filter to remove.
 */
export type UnderstoodUndo = { q: string } | { filter: FacetName; value: string } | { dates: true };

export interface UnderstoodPart {
  kind: 'word' | 'completion' | 'typo' | 'unknown' | 'stopword' | 'elision' | 'phrase' | 'near' | 'excluded' | 'field' | 'alternatives' | 'dropped' | 'partial' | 'filter';
  /** French, as shown. */
  text: string;
  undo?: UnderstoodUndo;
  /** French label of the undo link. */
  undoLabel?: string;
}

/** Most terms named for a word being completed or corrected. */
const SHOWN_TERMS = 3;

/** A clause written back as query text (so a query can be rebuilt without one of its clauses). */
export function formatClause(clause: Clause): string {
  if (clause.kind === 'any') return clause.clauses.map(formatClause).join(' OR ');
  const minus = clause.negated ? '-' : '';
  if (clause.kind === 'near') return minus + clause.words.map((w, k) => (k === 0 ? w : `NEAR/${clause.distances[k - 1]} ${w}`)).join(' ');
  const field = clause.field ? `${FIELDS[clause.field].prefixes[0]}:` : '';
  if (clause.kind === 'phrase') return `${minus}${field}"${clause.words.join(' ')}"`;
  return `${minus}${field}${clause.text}`;
}

/**
 * The query without clause k (or with clause k replaced by `replacement`),
 * its last word finished (a trailing space): a link is not typing, its
 * last word is not to be completed.
 */
function rewritten(parsed: ParsedQuery, k: number, replacement?: string): string {
  // cite: names stay (their clauses then read back as citation:, the same search)
  const cited = (parsed.cited ?? []).map((name) => `cite:"${name}"`);
  const q = [...cited, ...parsed.clauses.map((c, i) => (i === k ? replacement ?? null : formatClause(c)))]
    .filter((t): t is string => t !== null && t !== '')
    .join(' ');
  return /[\p{L}\p{N}]$/u.test(q) ? `${q} ` : q;
}

/** The query without its `cite:` names, their words searched in the whole article again. */
function withoutCited(parsed: ParsedQuery): string {
  const loose = (c: Clause): Clause => (c.kind === 'any' ? { ...c, clauses: c.clauses.map(loose) } : c.kind !== 'near' && c.field === 'quotes' ? { ...c, field: undefined } : c);
  const q = parsed.clauses.map((c) => formatClause(loose(c))).filter((t) => t !== '').join(' ');
  return /[\p{L}\p{N}]$/u.test(q) ? `${q} ` : q;
}

/** Where a field clause is searched, in French. */
function fieldPlace(field: string | undefined): string {
  if (!field) return '';
  if (field === 'quotes') return ' dans les citations';
  return ` parmi les ${facetOf(field as FacetName)?.title.toLowerCase() ?? field}`;
}

const quoted = (s: string) => `« ${s} »`;

function termsList(terms: string[]): string {
  return terms.slice(0, SHOWN_TERMS).join(', ') + (terms.length > SHOWN_TERMS ? '…' : '');
}

/**
 * The other spellings a word was also searched as, in French: a compound
 * joined or apart, a word as the compounds it is written together
 * (« anticasseurs (aussi anti-casseurs) »); empty when none.
 */
function otherSpellings(plan: WordPlan): string {
  const written = plan.alternatives.filter((a) => a.kind === 'joined' || a.kind === 'hyphenated').map((a) => a.written ?? a.form);
  if (plan.apart) written.push(plan.apart.words.join(' '));
  const unique = [...new Set(written)];
  return unique.length > 0 ? `aussi ${termsList(unique)}` : '';
}

/** The parts of one word clause, read from its plan (null: the analysis dropped it). */
function wordParts(plan: WordPlan | null, clause: Extract<Clause, { kind: 'word' }>, k: number, parsed: ParsedQuery, matched: number | null): UnderstoodPart[] {
  const parts: UnderstoodPart[] = [];
  const bare = withoutElision(clause.text);
  if (bare !== clause.text) parts.push({ kind: 'elision', text: `${quoted(clause.text)} cherché comme ${quoted(bare)} (élision retirée)` });
  // The word as shown from here: without its elision, said once above.
  clause = { ...clause, text: bare };
  if (!plan) return [...parts, { kind: 'stopword', text: `${quoted(clause.text)} ignoré (mot vide)` }];
  if (clause.negated) {
    return [...parts, { kind: 'excluded', text: `sans ${quoted(clause.text)}`, undo: { q: rewritten(parsed, k) }, undoLabel: 'ne plus exclure' }];
  }
  if (plan.optional) return [...parts, { kind: 'completion', text: `${quoted(clause.text)} : mot vide, ou début d’un mot` }];
  const where = fieldPlace(clause.field);
  // A completion that is a compound whole ("chin" -> "chin-russ") is no word the reader meant to name.
  const shown = [...plan.alternatives].sort((a, b) => b.weight - a.weight).filter((a) => !a.form.includes('-') || a.form === plan.term);
  const known = plan.alternatives.some((a) => a.form === plan.term && (a.kind === 'stem' || a.kind === 'exact'));
  const others = shown.filter((a) => a.form !== plan.term).map((a) => a.form);
  const completions = shown.filter((a) => a.kind === 'completion').map((a) => a.form);
  const corrected = shown.some((a) => a.kind === 'typo' || a.kind === 'typo-on-stem');
  const also = otherSpellings(plan);
  if (plan.alternatives.length === 0 && !plan.apart) {
    parts.push({ kind: 'unknown', text: `${quoted(clause.text)} : aucun article`, undo: { q: rewritten(parsed, k) }, undoLabel: 'chercher sans ce mot' });
  } else if (!known && completions.length === 0 && corrected) {
    parts.push({
      kind: 'typo',
      text: `${quoted(clause.text)} → ${termsList(others)} (faute corrigée)${where}`,
      undo: { q: rewritten(parsed, k, `"${clause.text}"`) },
      undoLabel: `chercher « ${clause.text} » tel quel`,
    });
  } else if (clause.prefix && completions.length > 0) {
    parts.push({ kind: 'completion', text: `${quoted(clause.text)} et les mots qu’il commence : ${termsList(completions)}${also ? ` (${also})` : ''}${where}` });
  } else {
    // A compound's term is its parts' stems, each backend's own: no form to name to the reader.
    const notes = [also, !plan.compound && plan.term !== null && plan.term !== plan.folded ? `toutes les formes de ${plan.term}…` : ''].filter(Boolean);
    parts.push({ kind: 'word', text: `${quoted(clause.text)}${notes.length ? ` (${notes.join(' ; ')})` : ''}${where}` });
  }
  // under cite:, the words are in the quotations because of the name: said once, by the name's part
  if (clause.field && !(clause.field === 'quotes' && parsed.cited?.length)) parts.push({ kind: 'field', text: `${quoted(clause.text)} cherché${where} seulement`, undo: { q: rewritten(parsed, k, clause.text) }, undoLabel: 'chercher partout' });
  if (matched === 0 && plan.alternatives.length > 0) parts.push({ kind: 'dropped', text: `${quoted(clause.text)} : dans aucun article avec les autres mots` });
  return parts;
}

/**
 * The partial fill said: the full matches, then how many lack a word and
 * which (« 3 articles contiennent tous les mots ; ensuite 12 résultats sans
 * le mot « boxeur » »), with the search without the word most lacked.
 * `total` counts the full matches.
 */
function partialPart(parsed: ParsedQuery, partial: { matched: number; of: number; count: number; lacking: string[] }, total: number): UnderstoodPart {
  const head = `${total} ${total > 1 ? 'articles contiennent' : 'article contient'} tous les mots ; ensuite ${partial.count} ${partial.count > 1 ? 'résultats' : 'résultat'}`;
  const words = partial.lacking;
  const text = words.length === 1 ? `${head} sans le mot ${quoted(words[0])}` : words.length > 1 ? `${head} sans l’un des mots ${words.map(quoted).join(', ')}` : `${head} avec ${partial.matched} des ${partial.of} mots`;
  const k = words.length > 0 ? parsed.clauses.findIndex((c) => formatClause(c) === words[0]) : -1;
  if (k < 0) return { kind: 'partial', text };
  return { kind: 'partial', text, undo: { q: rewritten(parsed, k) }, undoLabel: `chercher sans ${quoted(words[0])}` };
}

/**
 * The parts of a query as understood. `clauseMatches` gives, by clause, how
 * many articles it matched alone (null when it was dropped or excluded).
 */
export function understandQuery(
  plan: QueryPlan,
  parsed: ParsedQuery,
  clauseMatches: (number | null)[],
  outcome: { relaxed: { matched: number; of: number } | null; partial: { matched: number; of: number; count: number; lacking: string[] } | null; total: number },
): UnderstoodPart[] {
  const parts: UnderstoodPart[] = [];
  const wordPlan = (c: ClausePlan | null | undefined) => (c && c.kind === 'word' ? c : null);
  for (const name of parsed.cited ?? []) {
    const words = parsed.clauses.some((c) => c.kind !== 'any' && c.kind !== 'near' && !c.negated && c.field === 'quotes');
    parts.push({ kind: 'field', text: `citations de ${quoted(name)}${words ? ' : les mots dans une même citation' : ''}`, undo: { q: withoutCited(parsed) }, undoLabel: 'chercher dans tout l’article' });
  }
  parsed.clauses.forEach((clause, k) => {
    if (clause.kind === 'word') {
      parts.push(...wordParts(wordPlan(plan.clauses[k]), clause, k, parsed, outcome.relaxed ? clauseMatches[k] ?? null : null));
      return;
    }
    if (clause.kind === 'any') {
      parts.push({ kind: 'alternatives', text: `l’un de : ${clause.clauses.map((c) => quoted(formatClause(c))).join(', ')}` });
      return;
    }
    if (clause.negated) {
      parts.push({ kind: 'excluded', text: `sans ${quoted(formatClause({ ...clause, negated: false }))}`, undo: { q: rewritten(parsed, k) }, undoLabel: 'ne plus exclure' });
      return;
    }
    if (clause.kind === 'phrase') {
      const where = fieldPlace(clause.field);
      parts.push({ kind: 'phrase', text: `${quoted(clause.words.join(' '))} : mots côte à côte${where}`, undo: { q: rewritten(parsed, k, clause.words.join(' ')) }, undoLabel: 'mots séparés' });
      return;
    }
    const near = nearPattern(clause.words, clause.distances);
    const distance = near.distances.length === 1 ? `à ${near.distances[0]} mots au plus l’un de l’autre` : `à ${near.distances.join(', ')} mots au plus l’un du suivant`;
    parts.push({ kind: 'near', text: `${clause.words.map(quoted).join(', ')} ${distance}, dans un ordre ou l’autre`, undo: { q: rewritten(parsed, k, clause.words.join(' ')) }, undoLabel: 'n’importe où dans l’article' });
  });
  if (outcome.relaxed) parts.push({ kind: 'dropped', text: `aucun article ne contient tous les mots : articles en contenant ${outcome.relaxed.matched} sur ${outcome.relaxed.of}` });
  if (outcome.partial) parts.push(partialPart(parsed, outcome.partial, outcome.total));
  return parts;
}

/**
 * When filters emptied the results: for each filter value (and the period),
 * how many articles the search finds without it. `countWithout` runs the
 * search's counting with one filter taken off.
 */
export function emptyingFilters(request: SearchRequest, countWithout: (changed: SearchRequest) => number): UnderstoodPart[] {
  const parts: UnderstoodPart[] = [];
  for (const name of FACETS) {
    for (const value of request.filters[name]) {
      const filters = { ...request.filters, [name]: request.filters[name].filter((v) => v !== value) };
      const count = countWithout({ ...request, filters });
      if (count > 0) parts.push({ kind: 'filter', text: `0 résultat avec ${facetOf(name).label} : ${value} — ${count} sans ce filtre`, undo: { filter: name, value }, undoLabel: 'retirer ce filtre' });
    }
  }
  if (request.from || request.to) {
    const count = countWithout({ ...request, from: null, to: null });
    if (count > 0) parts.push({ kind: 'filter', text: `0 résultat sur cette période — ${count} sans elle`, undo: { dates: true }, undoLabel: 'toutes les dates' });
  }
  return parts;
}
