import { isPlace } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';
import { tokenize, type Token } from '../text/tokens.js';
import { INSTITUTION_HEADS, NOT_ORGANISATION_WORDS, canonicalOrganisation, organisationMatcher } from './gazetteer.js';

/**
 * Organisations named in a text, canonical and merged, most mentioned first:
 * 1. curated names and aliases (organisations.json), longest match;
 * 2. "Long Form (ACRONYM)" pairs: the long form counts as the acronym;
 * 3. other all-capital acronyms (2-6 letters, not roman numerals nor listed non-organisations);
 * 4. an institution word (Organisation, Conseil, Parti…) and its complement,
 *    read up to a natural stop (punctuation, "et", a verb, a preposition
 *    other than de/du/des/pour) so "Conseil de sécurité des Nations unies et
 *    voisins" stops before "et".
 */

const ACRONYM = /^\p{Lu}{2,6}$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
/** Words skipped when reading an acronym's initials off its long form. */
const INITIALS_SKIPPED = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et', 'pour', 'en', 'a', 'au', 'aux', 'sur', 'dans']);
const CONNECTORS = new Set(['de', 'du', 'des', 'd']);
const ARTICLES_AFTER_CONNECTOR = new Set(['la', 'l', 'les', 'le']);
/** Lowercase words that end an organisation's name. */
const STOP_WORDS = new Set([
  'a', 'est', 'sont', 'ont', 'etait', 'sera', 'qui', 'que', 'qu', 'dont', 'et', 'ou', 'dans', 'sur', 'avec', 'par', 'au', 'aux',
  'en', 'se', 's', 'sa', 'son', 'ses', 'leur', 'leurs', 'ce', 'cette', 'ces', 'ne', 'n', 'pas', 'plus', 'lors', 'afin', 'depuis',
  'contre', 'entre', 'sans', 'sous', 'vers', 'chez', 'comme', 'mais', 'donc', 'car', 'si', 'il', 'elle', 'ils', 'elles', 'y',
  'un', 'une', 'le', 'la', 'les', 'l', 'lui', 'leur', 'tous', 'tout', 'toute', 'toutes', 'deux', 'trois', 'ainsi', 'aussi',
  'egalement', 'notamment', 'selon', 'apres', 'avant', 'pendant', 'doit', 'peut', 'va', 'fait', 'veut', 'estime', 'appelle',
  'soutient', 'demande', 'annonce', 'condamne', 'reste', 'exige', 'souhaite', 'entend', 'prevoit', 'publie', 'juge',
]);
const CONJUGATED = /(?:ait|aient|ient|eront|era|ira|ont)$/;
const MAX_NAME_TOKENS = 9;
const JOINING_GAP = /^[ \t]*['’]?[ \t]*$/;
const CAPITALISED = /^\p{Lu}/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const MAX_LOWERCASE_RUN = 3;

/** Text between two tokens is only spacing or an elision apostrophe: the name may go on. */
function joined(text: string, left: Token, right: Token): boolean {
  if (right.start - left.end === 1) {
    const c = text[left.end];
    return c === ' ' || c === "'" || c === '’';
  }
  return JOINING_GAP.test(text.slice(left.end, right.start));
}

function isAcronymToken(token: Token): boolean {
  return ACRONYM.test(token.text) && !ROMAN_NUMERAL.test(token.text) && !NOT_ORGANISATION_WORDS.has(token.text) && !isPlace(token.text);
}

const ALL_CAPITALS = /^[\p{Lu}\p{N}-]+$/u;
const LETTER = /\p{L}/u;

/** "ONU", "LA": two or more letters, all capitals (a cheap first-letter test spares the regex on most words). */
function isCapitalsWord(word: string): boolean {
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  const second = word.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return ALL_CAPITALS.test(word) && LETTER.test(word[0]);
}

/**
 * Token indices where capitals say nothing: lines mostly written in
 * capitals (headlines, banners), and runs of three capitalised words ("LA CHINE VEUT").
 */
function shoutingTokens(text: string, tokens: Token[]): Set<number> {
  const shouting = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const lineEnd = text.indexOf('\n', tokens[i].start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const first = i;
    let words = 0;
    let capitals = 0;
    for (; i < tokens.length && tokens[i].start < end; i++) {
      const word = tokens[i].text;
      if (word.length < 2) continue;
      words++;
      if (isCapitalsWord(word)) capitals++;
    }
    if (capitals >= 3 && capitals >= words * 0.6) for (let k = first; k < i; k++) shouting.add(k);
  }
  let run = 0;
  for (let k = 0; k <= tokens.length; k++) {
    if (k < tokens.length && isCapitalsWord(tokens[k].text) && (run === 0 || joined(text, tokens[k - 1], tokens[k]))) {
      run++;
      continue;
    }
    if (run >= 3) for (let j = k - run; j < k; j++) shouting.add(j);
    run = k < tokens.length && isCapitalsWord(tokens[k].text) ? 1 : 0;
  }
  return shouting;
}

/** Start of the long form before "(ACR)" whose initials spell the acronym, or -1. */
function longFormStart(text: string, tokens: Token[], acronymIndex: number): number {
  const acronym = foldKey(tokens[acronymIndex].text);
  let initials = '';
  for (let k = acronymIndex - 1; k >= 0 && acronymIndex - k <= 12; k--) {
    if (k < acronymIndex - 1 && !joined(text, tokens[k], tokens[k + 1])) return -1;
    const word = tokens[k];
    if (!INITIALS_SKIPPED.has(word.key)) initials = word.key[0] + initials;
    if (initials === acronym && !INITIALS_SKIPPED.has(word.key)) return k;
    if (initials.length > acronym.length) return -1;
  }
  return -1;
}

function isFollowedByParenthesisedAcronym(text: string, tokens: Token[], i: number): boolean {
  const token = tokens[i];
  return text[token.start - 1] === '(' && text[token.end] === ')' && ACRONYM.test(token.text);
}

/** End (exclusive) of the institution name starting at head token i, or i + 1 when nothing follows it. */
function institutionNameEnd(text: string, tokens: Token[], head: number): number {
  let end = head + 1;
  let k = head + 1;
  let lowercaseRun = 0;
  let afterConnector = false;
  while (k < tokens.length && k - head < MAX_NAME_TOKENS && joined(text, tokens[k - 1], tokens[k])) {
    const token = tokens[k];
    if (CONNECTORS.has(token.key) || (token.key === 'pour' && !afterConnector)) {
      afterConnector = true;
      lowercaseRun = 0;
      k++;
      if (k < tokens.length && ARTICLES_AFTER_CONNECTOR.has(tokens[k].key) && joined(text, tokens[k - 1], tokens[k])) k++;
      continue;
    }
    const capitalised = CAPITALISED.test(token.text);
    if (!capitalised) {
      if (STOP_WORDS.has(token.key) || STARTS_WITH_DIGIT.test(token.text)) break;
      if (k === head + 1 && CONJUGATED.test(token.key)) break;
      if (++lowercaseRun > MAX_LOWERCASE_RUN) break;
    } else {
      // a capitalised word directly after a content word starts a new name ("Union Poutine" is not one)
      if (!afterConnector && k !== head + 1 && lowercaseRun === 0) break;
      lowercaseRun = 0;
    }
    afterConnector = false;
    k++;
    end = k;
  }
  return end;
}

interface Tally {
  name: string;
  count: number;
  first: number;
}

export function extractOrganisations(text: string): string[] {
  const tokens = tokenize(text);
  const tallies = new Map<string, Tally>();
  const count = (name: string, at: number) => {
    const key = foldKey(name);
    const tally = tallies.get(key);
    if (tally) tally.count++;
    else tallies.set(key, { name, count: 1, first: at });
  };

  const covered = new Uint8Array(tokens.length);
  for (const match of organisationMatcher.findAll(tokens)) {
    count(match.value, tokens[match.from].start);
    for (let k = match.from; k < match.to; k++) covered[k] = 1;
  }

  const shouting = shoutingTokens(text, tokens);
  const longForms = new Map<string, string>();
  for (let i = 1; i < tokens.length; i++) {
    if (covered[i] || shouting.has(i) || !isAcronymToken(tokens[i]) || !isFollowedByParenthesisedAcronym(text, tokens, i)) continue;
    const start = longFormStart(text, tokens, i);
    if (start < 0) continue;
    const acronym = canonicalOrganisation(tokens[i].text) ?? tokens[i].text;
    longForms.set(foldKey(text.slice(tokens[start].start, tokens[i - 1].end)), acronym);
  }

  // Institution words inside a name already read ("Bureau politique du Comité central") do not start
  // another; acronyms inside it ("… du PCC") still count on their own.
  let insideNameUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || shouting.has(i)) continue;
    const token = tokens[i];
    if (isAcronymToken(token)) {
      count(canonicalOrganisation(token.text) ?? token.text, token.start);
      continue;
    }
    if (i <= insideNameUntil || !INSTITUTION_HEADS.has(token.text)) continue;
    const end = institutionNameEnd(text, tokens, i);
    if (end === i + 1) continue;
    let last = end - 1;
    while (last > i && (CONNECTORS.has(tokens[last].key) || ARTICLES_AFTER_CONNECTOR.has(tokens[last].key) || tokens[last].key === 'pour')) last--;
    if (last === i) continue;
    const phrase = text.slice(token.start, tokens[last].end);
    if (isPlace(phrase)) continue;
    count(canonicalOrganisation(phrase) ?? longForms.get(foldKey(phrase)) ?? phrase, token.start);
    insideNameUntil = last;
  }

  return [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((t) => t.name);
}
