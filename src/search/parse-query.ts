import { PREFIXES, splitWords } from '../analysis/index.js';
import { CITE_PREFIXES, restrictToQuotations } from './quotation-query.js';
import type { Clause, ParsedQuery, QueryField } from './types.js';

/**
 * Reads the query language:
 *
 *     relations bilatérales        every word must match (ranked by BM25)
 *     "Asie centrale"              words next to each other, in this order
 *     coopération -Kazakhstan      a minus excludes a word or a "phrase"
 *     Lavrov OR Wang               either side may match
 *     policier NEAR/5 arme         words at most 5 positions apart, either order
 *     "policier arme"~5            the same
 *     speaker:Lavrov org:OTSC      a word searched in one field only (the
 *                                  prefixes of src/analysis/fields.ts)
 *     multilat                     the last word is a prefix while typing
 *     cite:Lavrov guerre           words of a quotation by that speaker
 *                                  (src/search/quotation-query.ts)
 *
 * Nothing is a syntax error: an unbalanced quote, a lone "-", "*" or
 * parentheses are read as plain text, so a query typed halfway still works.
 */
const OPENING_QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
const FIELD_PREFIX = /^([a-zé]+):(?=\S)/i;

/** A piece of the query before OR and NEAR grouping. */
type Item = Clause | 'OR' | { near: number };

/** `NEAR/5` (any case), or `NEAR` alone in capitals (DEFAULT_NEAR). */
const NEAR_OPERATOR = /^near\/(\d{1,6})$/i;
export const DEFAULT_NEAR = 5;
/** Widest distance asked for (a larger one is read as this): beyond, "near" means little. */
export const MAX_NEAR = 50;
const nearDistance = (digits: string) => Math.min(MAX_NEAR, Math.max(1, Number(digits)));

export function parseQuery(raw: string): ParsedQuery {
  const items: Item[] = [];
  const cited: string[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    if (/\s/.test(raw[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (raw[i] === '-' && i + 1 < n && !/\s/.test(raw[i + 1])) {
      negated = true;
      i++;
    }
    let field: QueryField | undefined;
    const fieldMatch = FIELD_PREFIX.exec(raw.slice(i, i + 20));
    if (fieldMatch && !negated && CITE_PREFIXES.has(fieldMatch[1].toLowerCase())) {
      // cite:Nom or cite:"Wang Yi": a speaker, not a word to search
      i += fieldMatch[0].length;
      const closing = OPENING_QUOTES[raw[i]];
      const end = closing !== undefined ? raw.indexOf(closing, i + 1) : -1;
      let name: string;
      if (end > i) {
        name = raw.slice(i + 1, end);
        i = end + 1;
      } else {
        let stop = i;
        while (stop < n && !/\s/.test(raw[stop])) stop++;
        name = raw.slice(closing !== undefined ? i + 1 : i, stop);
        i = stop;
      }
      if (splitWords(name).length > 0) cited.push(name.trim());
      continue;
    }
    if (fieldMatch && PREFIXES.has(fieldMatch[1].toLowerCase())) {
      field = PREFIXES.get(fieldMatch[1].toLowerCase());
      i += fieldMatch[0].length;
    }
    const closing = OPENING_QUOTES[raw[i]];
    if (closing !== undefined) {
      const end = raw.indexOf(closing, i + 1);
      if (end > i) {
        const words = splitWords(raw.slice(i + 1, end));
        const slop = /^~(\d{1,6})/.exec(raw.slice(end + 1, end + 8));
        if (slop && !field && words.length > 1) items.push({ kind: 'near', words, distances: words.slice(1).map(() => nearDistance(slop[1])), negated });
        else if (words.length > 0) items.push({ kind: 'phrase', words, negated, ...(field ? { field } : {}) });
        i = end + 1 + (slop ? slop[0].length : 0);
        continue;
      }
      i++; // an unbalanced quote is plain text
      continue;
    }
    let end = i;
    while (end < n && !/\s/.test(raw[end]) && OPENING_QUOTES[raw[end]] === undefined) end++;
    const chunk = raw.slice(i, end);
    i = end;
    if (chunk === 'OR' && !negated && !field) {
      items.push('OR');
      continue;
    }
    const near = NEAR_OPERATOR.exec(chunk);
    if ((near || chunk === 'NEAR') && !negated && !field) {
      items.push({ near: near ? nearDistance(near[1]) : DEFAULT_NEAR });
      continue;
    }
    const words = splitWords(chunk);
    // "Wang-Yi" stays one word (a compound); "chine/russie" gives two.
    if (field && words.length > 1) items.push({ kind: 'phrase', words, negated, field });
    else for (const text of words) items.push({ kind: 'word', text, negated, prefix: false, ...(field ? { field } : {}) });
  }
  markPrefix(items, raw);
  const clauses = groupAlternatives(groupNear(items));
  return cited.length > 0 ? { raw, clauses: restrictToQuotations(clauses), cited } : { raw, clauses };
}

const isPlainWord = (item: Item | undefined): item is Extract<Clause, { kind: 'word' }> =>
  item !== undefined && item !== 'OR' && 'kind' in item && item.kind === 'word' && !item.field;

/**
 * Joins `a NEAR/n b NEAR/m c` into one clause. A NEAR with no plain word on
 * one side (a phrase, a field, nothing) is dropped, the words then stay
 * ordinary words; a minus on the first word excludes the whole group.
 */
function groupNear(items: Item[]): Exclude<Item, { near: number }>[] {
  const out: Exclude<Item, { near: number }>[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item !== 'OR' && 'near' in item) continue;
    const next = items[k + 1];
    if (!isPlainWord(item) || next === undefined || next === 'OR' || !('near' in next) || !isPlainWord(items[k + 2]) || (items[k + 2] as Clause & { negated: boolean }).negated) {
      out.push(item);
      continue;
    }
    const group: Extract<Clause, { kind: 'near' }> = { kind: 'near', words: [item.text], distances: [], negated: item.negated };
    while (k + 2 < items.length) {
      const operator = items[k + 1];
      const word = items[k + 2];
      if (operator === 'OR' || !('near' in operator) || !isPlainWord(word) || word.negated) break;
      group.words.push(word.text);
      group.distances.push(operator.near);
      k += 2;
    }
    out.push(group);
  }
  return out;
}

/** The last word is still being typed unless a space or a quote follows it. */
function markPrefix(items: Item[], raw: string): void {
  const last = items[items.length - 1];
  if (last && last !== 'OR' && 'kind' in last && last.kind === 'word' && !last.negated && /[\p{L}\p{N}]$/u.test(raw)) last.prefix = true;
}

/** Joins `a OR b OR c` into one clause; an OR with nothing on one side is ignored. */
function groupAlternatives(items: (Clause | 'OR')[]): Clause[] {
  const clauses: Clause[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item === 'OR') continue;
    const alternatives: Clause[] = [item];
    while (items[k + 1] === 'OR' && items[k + 2] !== undefined && items[k + 2] !== 'OR') {
      const next = items[k + 2] as Clause;
      if (next.kind !== 'any' && next.negated) break;
      alternatives.push(next);
      k += 2;
    }
    const positive = alternatives.filter((c) => c.kind === 'any' || !c.negated);
    clauses.push(alternatives.length > 1 && positive.length === alternatives.length ? { kind: 'any', clauses: alternatives } : item);
  }
  return clauses;
}
