import { isNonNameWord } from '../lexicon/name-words.js';
import { isPlace } from '../lexicon/places.js';
import { AGENT_VERBS, CLASS_NOUNS, MEMBER_NOUNS, SOURCE_PREPOSITIONS, SPEECH_PARTICIPLES, TIME_WORDS, isAdjectiveLike } from '../lexicon/org-words.js';
import type { Token } from '../text/tokens.js';
import { joined } from './acronyms.js';
import { isCapitalised } from './institution-names.js';

/**
 * What the words around a name say about it. An all-capital word alone is
 * not an organisation ("VRAIS", "NDLR", "(TDG)"); the context confirms one:
 * a class noun ("le syndicat CGT", "la chaîne BFMTV"), a member of it ("le
 * secrétaire général de FO", "le député LR"), a source ("selon l'Insee",
 * "chez PSA") or a verb of will or speech ("la CGT appelle", "FO a
 * dénoncé"). Class nouns also introduce names that are not acronyms ("le
 * groupe Auchan", "l'institut de sondage Elabe"). Each test looks at a
 * bounded number of neighbouring tokens.
 */

const ARTICLES = new Set(['la', 'le', 'les', 'l', 'un', 'une']);
const CONNECTORS = new Set(['de', 'du', 'des', 'd', 'au', 'aux']);
const AUXILIARIES = new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'va', 'vont', 'doit', 'doivent', 'veut', 'veulent', 'ne', 'n', 'se', 's', 'lui', 'leur', 'y']);
const MAX_ADJECTIVES = 2;
const TITLE_CONNECTORS = new Set(['de', 'des', 'du', 'pour']);
/** Class nouns that are part of the name they introduce. */
const NAMING_CLASS_NOUNS = new Set(['fondation', 'universite', 'ecole']);
const MAX_NAME_WORDS = 5;
/** Suffixes of company names: "Bombardier Inc.", "Nestlé SA". */
export const COMPANY_SUFFIXES = new Set(['SA', 'Inc', 'Ltée', 'Ltd', 'SAS', 'SARL', 'GmbH', 'Corp', 'AG', 'LLC', 'NV', 'SpA']);

export function isLowercase(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  return c >= 97 && c <= 122 ? true : c < 128 ? false : !isCapitalised(token.text);
}

/** Whether the words around the acronym at index i say it is an organisation. */
export function acronymConfirmedByContext(text: string, tokens: Token[], i: number): boolean {
  let k = i - 1;
  let right = i;
  let afterConnector = false;
  if (k >= 0 && ARTICLES.has(tokens[k].key) && isLowercase(tokens[k]) && joined(text, tokens[k], tokens[right])) right = k--;
  if (k >= 0 && CONNECTORS.has(tokens[k].key) && joined(text, tokens[k], tokens[right])) {
    afterConnector = true;
    right = k--;
  }
  // "le secrétaire général de la CGT": a member or class noun, possibly before adjectives ("président" looks like one)
  for (let n = 0; n <= MAX_ADJECTIVES && k >= 0 && joined(text, tokens[k], tokens[right]); n++) {
    const key = tokens[k].key;
    if (CLASS_NOUNS.has(key) || MEMBER_NOUNS.has(key)) return true;
    if (n === 0 && !afterConnector && SOURCE_PREPOSITIONS.has(key) && (key !== 'apres' || (k > 0 && tokens[k - 1].key === 'd'))) return true;
    if (!isLowercase(tokens[k]) || !isAdjectiveLike(key)) break;
    right = k--;
  }
  if (isInvertedSpeaker(text, tokens, i)) return true;
  let j = i + 1;
  if (j < tokens.length && AUXILIARIES.has(tokens[j].key) && joined(text, tokens[j - 1], tokens[j])) j++;
  return j < tokens.length && AGENT_VERBS.has(tokens[j].key) && joined(text, tokens[j - 1], tokens[j]);
}

/** "«…», a indiqué la CGT", ", ont précisé les CRS": the speaker after an inverted verb of speech. */
function isInvertedSpeaker(text: string, tokens: Token[], i: number): boolean {
  let k = i - 1;
  if (k >= 0 && ARTICLES.has(tokens[k].key)) k--;
  if (k < 1 || !SPEECH_PARTICIPLES.has(tokens[k].key) || (tokens[k - 1].key !== 'a' && tokens[k - 1].key !== 'ont')) return false;
  let p = tokens[k - 1].start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\u00a0')) p--;
  return p >= 0 && (text[p] === ',' || text[p] === '»' || text[p] === '"' || text[p] === '”');
}

/**
 * Names right after a class noun, with its adjectives and one "de" + noun:
 * "le groupe Auchan", "le réseau social Facebook", "l'institut de sondage
 * Elabe", "le quotidien Le Parisien". Yields [first, last] token indices.
 */
export function* classNounNames(text: string, tokens: Token[], classNounIndices: number[]): Generator<[number, number]> {
  let readUntil = -1;
  for (const k of classNounIndices) {
    if (k <= readUntil || k + 1 >= tokens.length) continue;
    let j = k + 1;
    for (let n = 0; n < MAX_ADJECTIVES && j < tokens.length && isLowercase(tokens[j]) && isAdjectiveLike(tokens[j].key) && joined(text, tokens[j - 1], tokens[j]); n++) j++;
    if (j + 1 < tokens.length && (tokens[j].key === 'de' || tokens[j].key === 'd') && isLowercase(tokens[j + 1]) && joined(text, tokens[j - 1], tokens[j])) {
      j += 2; // "institut de sondage", "chaîne d'information"
      for (let n = 0; n < MAX_ADJECTIVES && j < tokens.length && isLowercase(tokens[j]) && isAdjectiveLike(tokens[j].key) && joined(text, tokens[j - 1], tokens[j]); n++) j++;
    }
    if (j >= tokens.length || !joined(text, tokens[j - 1], tokens[j]) || !isCapitalised(tokens[j].text)) continue;
    // after adjectives only one word: "le réseau social Facebook", not "le groupe socialiste Valérie Rabault"
    const maxWords = j === k + 1 ? MAX_NAME_WORDS : 1;
    const first = j;
    if (ARTICLES.has(tokens[j].key) && j + 1 < tokens.length && isCapitalised(tokens[j + 1].text) && joined(text, tokens[j], tokens[j + 1])) j++;
    else if (isNonNameWord(tokens[j].text) || TIME_WORDS.has(tokens[j].key)) continue;
    let last = j;
    while (last + 1 < tokens.length && last - first + 1 < MAX_NAME_WORDS && isCapitalised(tokens[last + 1].text) && joined(text, tokens[last], tokens[last + 1]) && !isNonNameWord(tokens[last + 1].text) && !COMPANY_SUFFIXES.has(tokens[last + 1].text)) last++;
    // a title opened by an article may go on in lowercase: "l'association L'Auberge des migrants"
    if (first !== j && last + 2 < tokens.length && TITLE_CONNECTORS.has(tokens[last + 1].key) && !ARTICLES.has(tokens[last + 2].key)) {
      if (joined(text, tokens[last], tokens[last + 1]) && joined(text, tokens[last + 1], tokens[last + 2])) last += 2;
    }
    if (last - first + 1 > maxWords || (first === last && isPlace(tokens[first].text))) continue;
    // "la fondation Jérôme Lejeune" is named "Fondation Jérôme Lejeune"; "le groupe Auchan" is "Auchan"
    yield NAMING_CLASS_NOUNS.has(tokens[k].key) && j === k + 1 ? [k, last] : [first, last];
    readUntil = last;
  }
}

/** "Bombardier Inc.", "Nestlé SA": capitalised words before a company suffix. Yields [first, last] of the name without the suffix. */
export function* suffixedCompanyNames(text: string, tokens: Token[], suffixIndices: number[]): Generator<[number, number]> {
  for (const k of suffixIndices) {
    if (k < 1 || !joined(text, tokens[k - 1], tokens[k]) || !isCapitalised(tokens[k - 1].text)) continue;
    let first = k - 1;
    while (first > 0 && k - first < MAX_NAME_WORDS && isCapitalised(tokens[first - 1].text) && joined(text, tokens[first - 1], tokens[first])) first--;
    while (first < k - 1 && isNonNameWord(tokens[first].text)) first++;
    if (isNonNameWord(tokens[first].text) || isPlace(tokens[first].text)) continue;
    yield [first, k - 1];
  }
}
