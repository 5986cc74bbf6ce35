import { CLASS_NOUNS } from '../lexicon/org-words.js';
import { isPlace } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { tokenize } from '../text/tokens.js';
import { WordSieve } from '../text/word-sieve.js';
import { isAcronymToken, longFormKind, joined, longFormAfter, longFormStart, shoutingTokens } from './acronyms.js';
import { COMPANY_SUFFIXES, acronymConfirmedByContext, classNounNames, suffixedCompanyNames } from './context-names.js';
import {
  ACRONYM_HEADS, GENERIC_HEADS, INSTITUTION_HEADS, LOWERCASE_DISPLAY_HEADS, LOWERCASE_HEADS, NAME_PREFIXES, canonicalOrganisation, isMedia, isSeat, mediaTailAt, organisationMatcher,
} from './gazetteer.js';
import { institutionNameLast, isCapitalised } from './institution-names.js';
import { isAffiliation, isBodyOf, isCredit, isPlaceUse, isSurnameUse } from './mention-checks.js';

const CONTRACTED_ARTICLES = new Set(['du', 'au', 'des', 'aux']);
/** "(Ofpra)", "(Giec)": a titlecase acronym, taken only when the initials of its long form spell it. */
const TITLECASE_ACRONYM = /^\p{Lu}\p{Ll}{2,5}$/u;

/** Most lowercase words are neither: the sieves spare their look-ups. */
const LOWERCASE_HEAD_SIEVE = new WordSieve(LOWERCASE_HEADS);
const CLASS_NOUN_SIEVE = new WordSieve(CLASS_NOUNS);

/**
 * Organisations named in a text, canonical and merged, most mentioned first:
 * 1. curated names and aliases (organisations.json), longest match, save
 *    bylines "(Le Matin)", seats used as places ("reçus à l'Élysée") and
 *    surnames ("Martin Bouygues");
 *    media titles also after "du", "au" ("au Figaro");
 * 2. "Long Form (ACRONYM)" and "ACRONYM (Long Form)" pairs whose long form
 *    looks like an organisation (not a tax or a measure): the long form
 *    counts as the acronym, here and elsewhere in the text;
 * 3. other acronyms, only when the text confirms them somewhere (a class
 *    noun, a member, a source, a verb of speech: context-names.ts; a
 *    person's affiliation, "Philippe Bas (LR)"); an all-capital word nothing
 *    confirms is not an organisation;
 * 4. an institution word (Organisation, Conseil, Parti…; ministère,
 *    préfecture… with a capitalised complement) and its complement, read by
 *    the grammar of institution names;
 * 5. capitalised names after a class noun ("le groupe Auchan") or before a
 *    company suffix ("Bombardier Inc.").
 * One pass sorts the tokens into candidates; every rule then reads a bounded
 * window around its candidates, so the cost is linear in the text.
 */
export function extractOrganisations(text: string): string[] {
  const tokens = tokenize(text);
  const n = tokens.length;
  const tallies = new Map<string, { name: string; count: number; first: number }>();
  const count = (written: string, at: number) => {
    const name = written.includes('’') ? written.replace(/’/g, "'") : written;
    const key = foldKey(name);
    const tally = tallies.get(key);
    if (tally) tally.count++;
    else tallies.set(key, { name, count: 1, first: at });
  };
  const covered = new Uint8Array(n);
  const cover = (from: number, to: number) => covered.fill(1, from, to);

  const acronyms: number[] = [];
  const parenthesised: number[] = [];
  const heads: number[] = [];
  const afterContraction: number[] = [];
  const classNouns: number[] = [];
  const suffixes: number[] = [];
  for (let i = 0; i < n; i++) {
    const token = tokens[i];
    if (isCapitalised(token.text)) {
      if (isAcronymToken(token)) acronyms.push(i);
      if (text[token.start - 1] === '(') parenthesised.push(i);
      if (INSTITUTION_HEADS.has(token.text) || ACRONYM_HEADS.has(token.text)) heads.push(i);
      if (COMPANY_SUFFIXES.has(token.text)) suffixes.push(i);
      if (i > 0 && CONTRACTED_ARTICLES.has(tokens[i - 1].text)) afterContraction.push(i);
    } else {
      if (LOWERCASE_HEAD_SIEVE.mayHold(token.text) && LOWERCASE_HEADS.has(token.text)) heads.push(i);
      if (CLASS_NOUN_SIEVE.mayHold(token.key) && CLASS_NOUNS.has(token.key)) classNouns.push(i);
    }
  }

  let outer: { value: string; to: number } | null = null;
  for (const match of organisationMatcher.findAll(tokens)) {
    // inside a known name, a known name counts only when the outer one is one of its bodies ("Conseil de sécurité de l'ONU")
    if (covered[match.from] && !(outer && match.to <= outer.to && isBodyOf(outer.value, match.value))) continue;
    const ignored =
      (isMedia(match.value) && isCredit(text, tokens, match.from, match.to - 1)) ||
      (isSeat(match.value) && isPlaceUse(tokens, match.from)) ||
      (!covered[match.from] && isSurnameUse(text, tokens, match.from, match.to));
    if (!ignored) count(match.value, tokens[match.from].start);
    if (!covered[match.from]) outer = { value: match.value, to: match.to };
    cover(match.from, match.to);
  }
  for (const i of afterContraction) {
    if (covered[i] || !joined(text, tokens[i - 1], tokens[i])) continue;
    if (i >= 2 && isCapitalised(tokens[i - 2].text) && joined(text, tokens[i - 2], tokens[i - 1])) continue; // "Coupe du Monde"
    const contraction = tokens[i - 1].text;
    const match = mediaTailAt(tokens, i, contraction === 'des' || contraction === 'aux');
    // "directeur des Temps Modernes" is another title
    if (!match || (match.to < n && isCapitalised(tokens[match.to].text) && joined(text, tokens[match.to - 1], tokens[match.to]))) continue;
    count(match.value, tokens[i].start);
    cover(i, match.to);
  }

  const shouting = shoutingTokens(text, tokens);
  const confirmed = new Map<string, string>(); // acronym -> its value
  const rejected = new Set<string>(); // acronyms the text defines as something else ("(ISF)" after "impôt…")
  const longForms: { phrase: string; value: string }[] = [];
  const pairEnds = new Set<number>();
  const pair = (acronym: number, from: number, to: number) => {
    const word = tokens[acronym].text;
    const kind = longFormKind(tokens, from);
    if (kind !== 'organisation') {
      if (kind === 'other') rejected.add(word);
      return;
    }
    const value = canonicalOrganisation(word) ?? word;
    confirmed.set(word, value);
    longForms.push({ phrase: text.slice(tokens[from].start, tokens[to].end), value });
  };
  for (const i of parenthesised) {
    const after = text[tokens[i].end];
    if (i === 0 || covered[i] || shouting[i] || (after !== ')' && after !== ',' && after !== '/')) continue; // "(M5S, antisystème)"
    const titlecase = !isAcronymToken(tokens[i]);
    if (titlecase && !TITLECASE_ACRONYM.test(tokens[i].text)) continue;
    const start = longFormStart(text, tokens, i, titlecase);
    if (start < 0 && !titlecase && isAffiliation(text, tokens, i) && !rejected.has(tokens[i].text)) {
      confirmed.set(tokens[i].text, canonicalOrganisation(tokens[i].text) ?? tokens[i].text);
      continue;
    }
    if (start < 0 || covered[start]) continue;
    pair(i, start, i - 1);
    pairEnds.add(i);
  }
  for (const i of acronyms) {
    if (covered[i] || shouting[i]) continue;
    const end = longFormAfter(text, tokens, i); // "la BRI (Brigade de recherche et d'intervention)"
    if (end < 0 || covered[i + 1]) continue;
    pair(i, i + 1, end);
    cover(i + 1, end + 1);
  }
  if (longForms.length > 0) {
    // the long form written elsewhere counts as the acronym; right before "(ACR)" the acronym already counts it
    for (const match of new PhraseMatcher(longForms).findAll(tokens)) {
      if (covered[match.from]) continue;
      if (!pairEnds.has(match.to)) count(match.value, tokens[match.from].start);
      cover(match.from, match.to);
    }
  }

  for (const i of acronyms) {
    const word = tokens[i].text;
    if (covered[i] || shouting[i] || confirmed.has(word) || rejected.has(word)) continue;
    if (acronymConfirmedByContext(text, tokens, i)) confirmed.set(word, canonicalOrganisation(word) ?? word);
  }
  if (confirmed.size > 0) {
    for (let i = 0; i < n; i++) {
      if (covered[i] || shouting[i]) continue;
      const value = confirmed.get(tokens[i].text);
      if (value === undefined) continue;
      count(value, tokens[i].start);
      covered[i] = 1;
    }
  }

  let insideNameUntil = -1;
  for (const i of heads) {
    // an institution word inside a name already read ("Bureau politique du Comité central") does not open another
    if (covered[i] || shouting[i] || i <= insideNameUntil) continue;
    const token = tokens[i];
    const needsComplement = !isCapitalised(token.text) || ACRONYM_HEADS.has(token.text);
    const last = institutionNameLast(text, tokens, i, needsComplement, !GENERIC_HEADS.has(token.text));
    if (last === i) continue;
    const first = i > 0 && NAME_PREFIXES.has(tokens[i - 1].text) && joined(text, tokens[i - 1], token) ? i - 1 : i;
    let phrase = text.slice(tokens[first].start, tokens[last].end);
    if (isPlace(phrase)) continue;
    if (first === i && LOWERCASE_DISPLAY_HEADS.has(token.key)) phrase = phrase[0].toLowerCase() + phrase.slice(1);
    count(canonicalOrganisation(phrase) ?? phrase, tokens[first].start);
    cover(i, last + 1);
    insideNameUntil = last;
  }

  const countSpan = ([first, last]: [number, number]) => {
    if (covered[first] || covered[last] || shouting[last]) return;
    let phrase = text.slice(tokens[first].start, tokens[last].end);
    if (!isCapitalised(phrase)) phrase = phrase[0].toUpperCase() + phrase.slice(1);
    count(canonicalOrganisation(phrase) ?? phrase, tokens[first].start);
    cover(first, last + 1);
  };
  for (const span of classNounNames(text, tokens, classNouns)) countSpan(span);
  for (const span of suffixedCompanyNames(text, tokens, suffixes)) countSpan(span);

  return [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((t) => t.name);
}
