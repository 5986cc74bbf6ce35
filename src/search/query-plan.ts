/**
 * One query plan for both backends (after Meilisearch milli's QueryTerm):
 * for each word of a parsed query, its alternatives written down once, as
 * data: the word's own term, the words it is the beginning of, the
 * truncated stem, the typo corrections as written and on the stem, with
 * what each counts; whether it is an optional stop word, its field; the
 * phrases, NEAR groups and exclusions as parsed. The rules and budgets are
 * those of match-options.ts; this file applies them, and nothing else does.
 *
 * A backend gives the plan a term dictionary (term-dictionary.ts: the embedded
 * engine's flat term dictionary in match-terms.ts, PostgreSQL's terms
 * table in postgres/term-dictionary.ts) answering two batches of look-ups:
 * first each word's term and completions, then, only for the words the
 * index does not know, the typo neighbours. The embedded evaluator and the
 * SQL builder then only read the plan, and the `understood` line says it.
 */
import { analyzeWord, compoundTerm, foldWord, JOINER, withoutElision } from '../analysis/index.js';
import { completionWeight, MATCH_OPTIONS, truncatedStemCandidates, typoBudget, typoWeight, type MatchOptions } from './match-options.js';
import type { AsyncTermDictionary, TermDictionary, TypoAnswer, TypoRequest, WordAnswer, WordRequest } from './term-dictionary.js';
import { hyphenParts, spellingAlternatives, spellingRequest, type ApartPhrase } from './spellings.js';
import type { Clause, ParsedQuery, QueryField } from './types.js';

export type { AsyncTermDictionary, TermDictionary, TypoAnswer, TypoRequest, WordAnswer, WordRequest, ApartPhrase };
export { hyphenatedSpelling } from './spellings.js';

export type AlternativeKind = 'exact' | 'stem' | 'completion' | 'truncated-stem' | 'typo' | 'typo-on-stem' | 'joined' | 'hyphenated';

/** One index term a word stands for. */
export interface Alternative {
  form: string;
  /**
   * `exact`: the word as typed (folded) is itself a term; `stem`: the word's
   * term, which its other forms share; `completion`: a term the typed
   * letters begin; `truncated-stem`: the longest indexed beginning of the
   * word; `typo`: the term of a word one typo away as written;
   * `typo-on-stem`: a term within the typo budget of the word's term;
   * `joined`: a hyphenated compound's parts written as one word
   * ("anti-casseurs" -> "anticasseur"); `hyphenated`: a compound the index
   * holds whose parts written together are the word ("anticasseurs" ->
   * "anti-casseur").
   */
  kind: AlternativeKind;
  /** How much it counts against the word itself (1); PostgreSQL's ts_rank ignores it. */
  weight: number;
  /** The other spelling as the reader is told it (`joined` and `hyphenated` only): "anti-casseurs". */
  written?: string;
  /** A backend's own expression of a `hyphenated` compound's parts, for highlighting; not part of the shared plan. */
  highlight?: string;
}

export interface WordPlan {
  kind: 'word';
  /** As typed, without its elision ("l'OTAN" -> "OTAN"). */
  word: string;
  folded: string;
  /** The word's term as the backend analyzes it (the stop word folded, a compound whole); null when it analyzes to none. */
  term: string | null;
  /** A hyphenated compound, searched whole ("chin-russ"). */
  compound: boolean;
  negated: boolean;
  /** Still being typed (the last word, no space after it). */
  prefix: boolean;
  field?: QueryField;
  /** A stop word being typed: it counts only when the query holds nothing else. */
  optional: boolean;
  /** Typos forgiven (0 for an excluded word, a compound, a short word). */
  budget: number;
  /** The terms it stands for; an excluded word is its term alone, as written. */
  alternatives: Alternative[];
  /** A hyphenated compound also stands for its parts written apart, as a phrase ranked below it; null otherwise. */
  apart: ApartPhrase | null;
  /** A backend's own expression of a word it cuts into several terms (PostgreSQL: "aujourd'hui"); not part of the shared plan. */
  expression?: string;
}

export type ClausePlan =
  | WordPlan
  | { kind: 'phrase'; words: string[]; negated: boolean; field?: QueryField }
  | { kind: 'near'; words: string[]; distances: number[]; negated: boolean }
  | { kind: 'any'; clauses: (ClausePlan | null)[] };

export interface QueryPlan {
  raw: string;
  /** By clause of the parsed query; null for a word the analysis drops (a finished stop word). */
  clauses: (ClausePlan | null)[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words one typo away from a folded word: a letter left out, added,
 * replaced, or two neighbours swapped (a swap is one typo for a reader, two
 * edits for Levenshtein). About 600 for a ten-letter word.
 *
 * Why on the word and not on its term: a typo in an ending changes what the
 * stemmer cuts. "pécherezs" stems to itself, nowhere near "pech" (the term
 * of "pécherez"), while the word without its last letter stems to "pech".
 */
export function oneTypoForms(folded: string, options: MatchOptions = MATCH_OPTIONS): string[] {
  const forms = new Set<string>();
  if (folded.length > options.typos.maxLength) return [];
  for (let k = 0; k <= folded.length; k++) {
    const before = folded.slice(0, k);
    const after = folded.slice(k);
    if (k < folded.length) forms.add(before + after.slice(1));
    if (k + 1 < folded.length && folded[k] !== folded[k + 1]) forms.add(before + folded[k + 1] + folded[k] + folded.slice(k + 2));
    for (const letter of LETTERS) {
      forms.add(before + letter + after);
      if (k < folded.length && letter !== folded[k]) forms.add(before + letter + after.slice(1));
    }
  }
  forms.delete(folded);
  return [...forms];
}

/** A word clause's shape before the dictionary: null when the analysis drops it (a finished stop word). */
interface Draft {
  plan: WordPlan;
  request: WordRequest;
}

/** What a typed word is before any index: the word kept (elision cut, a compound's single word), folded; null when the analysis drops it. */
export interface WordShape {
  word: string;
  folded: string;
  compound: boolean;
  /** A stop word (kept only while typed: it may begin a real word). */
  stop: boolean;
  /** A compound joined by hyphens only (not "aujourd'hui"): its parts as written, for its other spellings. */
  hyphenParts: string[] | null;
}

export function wordShape(text: string, typing: boolean, options: MatchOptions = MATCH_OPTIONS): WordShape | null {
  let word = withoutElision(text);
  const parts = word.split(JOINER).filter(Boolean);
  let compound = false;
  if (parts.length > 1) {
    // Indexed whole only when two of its parts or more are words (indexTerms): "au-delà" is "delà" alone.
    const words = parts.filter((part) => analyzeWord(part) !== null);
    if (words.length === 1) word = words[0];
    else if (words.length === 0 && typing) word = parts[parts.length - 1];
    else if (words.length === 0) return null;
    else compound = true;
  }
  const folded = compound ? compoundTerm(parts) : foldWord(word);
  const stop = !compound && analyzeWord(word) === null;
  if (stop && !(typing && folded && options.stopWords.completeWhileTyping)) return null;
  return { word, folded, compound, stop, hyphenParts: hyphenParts(word, parts, compound) };
}

function draftWord(clause: Extract<Clause, { kind: 'word' }>, options: MatchOptions): Draft | null {
  const typing = clause.prefix && !clause.negated;
  const shape = wordShape(clause.text, typing, options);
  if (!shape) return null;
  const { word, folded, compound, stop } = shape;
  const budget = clause.negated || compound || stop ? 0 : typoBudget(folded, typing, options);
  const plan: WordPlan = {
    kind: 'word',
    word,
    folded,
    term: null,
    compound,
    negated: clause.negated,
    prefix: clause.prefix,
    ...(clause.field ? { field: clause.field } : {}),
    optional: stop,
    budget,
    alternatives: [],
    apart: null,
  };
  const request: WordRequest = {
    text: word,
    shape: compound ? 'compound' : stop ? 'stop' : 'simple',
    folded,
    completeTerm: typing,
    completeFolded: typing && !compound,
    stems: typing && !stop && !compound ? truncatedStemCandidates(folded, true, options) : [],
    // Other spellings of the same word (spellings.ts): a compound joined or apart, a word as the compounds it joins.
    ...spellingRequest(shape, clause.negated, options),
  };
  return { plan, request };
}

/** Adds an alternative, keeping the larger weight of a form found twice (with what it says of its spelling). */
function add(plan: WordPlan, form: string, kind: AlternativeKind, weight: number, spelling: Pick<Alternative, 'written' | 'highlight'> = {}): void {
  const old = plan.alternatives.find((a) => a.form === form);
  if (!old) plan.alternatives.push({ form, kind, weight, ...spelling });
  else if (weight > old.weight) {
    delete old.written;
    delete old.highlight;
    Object.assign(old, { kind, weight, ...spelling });
  }
}

function applyWord(plan: WordPlan, request: WordRequest, answer: WordAnswer, options: MatchOptions): void {
  plan.term = answer.term;
  if (answer.expression) plan.expression = answer.expression;
  if (answer.term === null) return;
  // An excluded word is excluded as written: no completions, no typos.
  // A compound's term is its parts' stems: a stem, whatever the folded parts.
  const own: AlternativeKind = answer.term === plan.folded && !plan.compound ? 'exact' : 'stem';
  if (plan.negated) return add(plan, answer.term, own, 1);
  if (answer.known) add(plan, answer.term, own, 1);
  for (const { prefix, known, terms } of answer.completions) {
    if (known && prefix !== answer.term) add(plan, prefix, 'exact', 1);
    for (const term of terms) add(plan, term, 'completion', completionWeight(term, prefix, options));
  }
  if (answer.truncated) add(plan, answer.truncated, 'truncated-stem', options.completions.weight);
  const spellings = spellingAlternatives(plan, request, answer, options);
  for (const { form, kind, weight, ...spelling } of spellings.alternatives) add(plan, form, kind, weight, spelling);
  plan.apart = spellings.apart;
}

/** The forms of the last unknown words: an unknown word stays in the query for every keystroke after it. */
const recentForms = new Map<string, string[]>();

function typoForms(folded: string, options: MatchOptions): string[] {
  let forms = options === MATCH_OPTIONS ? recentForms.get(folded) : undefined;
  if (forms) return forms;
  forms = oneTypoForms(folded, options);
  if (options === MATCH_OPTIONS) {
    if (recentForms.size >= 64) recentForms.delete(recentForms.keys().next().value!);
    recentForms.set(folded, forms);
  }
  return forms;
}

/** The typo look-up of a word that matched nothing: a known word is taken as meant. */
function typoRequest(plan: WordPlan, options: MatchOptions): TypoRequest | null {
  if (plan.negated || plan.term === null || plan.alternatives.length > 0 || plan.budget === 0) return null;
  return { term: plan.term, folded: plan.folded, budget: plan.budget, forms: typoForms(plan.folded, options), beginnings: truncatedStemCandidates(plan.folded, false, options) };
}

function applyTypos(plan: WordPlan, answer: TypoAnswer, options: MatchOptions): void {
  // It may be a word left unfinished ("enflaie" for "enflaient"), a form the stemmer does not know, or a typo.
  if (answer.foldedKnown) add(plan, plan.folded, 'exact', 1);
  for (const term of answer.completions) add(plan, term, 'completion', completionWeight(term, plan.folded, options));
  if (answer.truncated) add(plan, answer.truncated, 'truncated-stem', options.typos.weight);
  for (const [term, distance] of answer.near) add(plan, term, 'typo-on-stem', typoWeight(term, distance, options));
  for (const term of answer.formTerms) add(plan, term, 'typo', typoWeight(term, 1, options));
}

/** The plan's clauses and its word drafts, in the order the dictionary answers them. */
function draftPlan(parsed: ParsedQuery, options: MatchOptions): { plan: QueryPlan; drafts: Draft[] } {
  const drafts: Draft[] = [];
  const clausePlan = (clause: Clause): ClausePlan | null => {
    if (clause.kind === 'any') return { kind: 'any', clauses: clause.clauses.map(clausePlan) };
    if (clause.kind === 'phrase') return { kind: 'phrase', words: clause.words, negated: clause.negated, ...(clause.field ? { field: clause.field } : {}) };
    if (clause.kind === 'near') return { kind: 'near', words: clause.words, distances: clause.distances, negated: clause.negated };
    const draft = draftWord(clause, options);
    if (!draft) return null;
    drafts.push(draft);
    return draft.plan;
  };
  return { plan: { raw: parsed.raw, clauses: parsed.clauses.map(clausePlan) }, drafts };
}

function afterWords(drafts: Draft[], answers: WordAnswer[], options: MatchOptions): { plan: WordPlan; request: TypoRequest }[] {
  drafts.forEach((d, k) => applyWord(d.plan, d.request, answers[k], options));
  return drafts.map((d) => ({ plan: d.plan, request: typoRequest(d.plan, options) })).filter((t): t is { plan: WordPlan; request: TypoRequest } => t.request !== null);
}

/** The plan of a parsed query on a dictionary that answers at once (the embedded engine). */
export function planQuery(parsed: ParsedQuery, dictionary: TermDictionary, options: MatchOptions = MATCH_OPTIONS): QueryPlan {
  const { plan, drafts } = draftPlan(parsed, options);
  if (drafts.length === 0) return plan;
  const typos = afterWords(drafts, dictionary.words(drafts.map((d) => d.request)), options);
  if (typos.length > 0) dictionary.typos(typos.map((t) => t.request)).forEach((answer, k) => applyTypos(typos[k].plan, answer, options));
  return plan;
}

/** The same plan on a dictionary behind a connection (PostgreSQL): one round trip, a second only when a word is unknown. */
export async function planQueryAsync(parsed: ParsedQuery, dictionary: AsyncTermDictionary, options: MatchOptions = MATCH_OPTIONS): Promise<QueryPlan> {
  const { plan, drafts } = draftPlan(parsed, options);
  if (drafts.length === 0) return plan;
  const typos = afterWords(drafts, await dictionary.words(drafts.map((d) => d.request)), options);
  if (typos.length > 0) (await dictionary.typos(typos.map((t) => t.request))).forEach((answer, k) => applyTypos(typos[k].plan, answer, options));
  return plan;
}

/** The word plans of a plan, in query order (OR sides included). */
export function wordPlans(plan: QueryPlan): WordPlan[] {
  const out: WordPlan[] = [];
  const visit = (c: ClausePlan | null) => {
    if (!c) return;
    if (c.kind === 'any') c.clauses.forEach(visit);
    else if (c.kind === 'word') out.push(c);
  };
  plan.clauses.forEach(visit);
  return out;
}
