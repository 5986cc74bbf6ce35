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
/** Class nouns named by an adjective, which then belongs to the name: "le parti Communiste" is "Parti Communiste". */
const ADJECTIVE_NAMED_NOUNS = new Set(['parti', 'mouvement', 'front', 'rassemblement', 'union', 'alliance', 'ligue', 'coalition', 'bloc']);
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

/** Words that end a capitalised name read after a class noun: pronouns and determiners opening the next clause. */
const NAME_BREAKERS = new Set(['il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'ce', 'cette', 'ces', 'le', 'la', 'les', 'l', 'un', 'une', 'et', 'ou', 'mais', 'selon', 'pour', 'dans']);

function skipAdjectives(text: string, tokens: Token[], j: number): number {
  for (let n = 0; n < MAX_ADJECTIVES && j < tokens.length && isLowercase(tokens[j]) && isAdjectiveLike(tokens[j].key) && joined(text, tokens[j - 1], tokens[j]); n++) j++;
  return j;
}

/** Last token of the capitalised name starting at `first` ("Harris Interactive", "Le Parisien", "L'Auberge des migrants", "Taxis de France"). */
function capitalisedNameLast(text: string, tokens: Token[], first: number): number {
  const titled = ARTICLES.has(tokens[first].key); // "Le Parisien", "L'Auberge des migrants"
  let last = titled ? first + 1 : first;
  const continues = (k: number) => k < tokens.length && joined(text, tokens[k - 1], tokens[k]);
  while (continues(last + 1) && last - first + 1 < MAX_NAME_WORDS && isCapitalised(tokens[last + 1].text) && !NAME_BREAKERS.has(tokens[last + 1].key) && !COMPANY_SUFFIXES.has(tokens[last + 1].text)) last++;
  if (continues(last + 2) && TITLE_CONNECTORS.has(tokens[last + 1].key) && !ARTICLES.has(tokens[last + 2].key)) {
    // a title goes on after "de" ("L'Auberge des migrants"); another name only with a place ("Taxis de France")
    if (titled || (isCapitalised(tokens[last + 2].text) && isPlace(tokens[last + 2].text))) last += 2;
  }
  return last;
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
    // "le directeur de cabinet Patrick Strzoda": the class noun is part of a title
    if (k >= 2 && tokens[k - 1].key === 'de' && MEMBER_NOUNS.has(tokens[k - 2].key)) continue;
    let j = skipAdjectives(text, tokens, k + 1);
    if (j + 1 < tokens.length && (tokens[j].key === 'de' || tokens[j].key === 'd') && isLowercase(tokens[j + 1]) && joined(text, tokens[j - 1], tokens[j])) {
      j = skipAdjectives(text, tokens, j + 2); // "institut de sondage", "chaîne d'information"
    }
    if (j >= tokens.length || !joined(text, tokens[j - 1], tokens[j]) || !isCapitalised(tokens[j].text) || tokens[j].text.length < 2) continue;
    const first = j;
    const titled = ARTICLES.has(tokens[j].key) && j + 1 < tokens.length && isCapitalised(tokens[j + 1].text) && joined(text, tokens[j], tokens[j + 1]);
    if (!titled && (isNonNameWord(tokens[j].text) || TIME_WORDS.has(tokens[j].key))) continue;
    const last = capitalisedNameLast(text, tokens, first);
    // after adjectives only one word: "le réseau social Facebook", not "le groupe socialiste Valérie Rabault"
    if ((j !== k + 1 && last > first) || (first === last && isPlace(tokens[first].text))) continue;
    readUntil = last;
    // "la fondation Jérôme Lejeune" is named "Fondation Jérôme Lejeune", "le parti Communiste" "Parti Communiste"; "le groupe Auchan" is "Auchan"
    const includesNoun = j === k + 1 && (NAMING_CLASS_NOUNS.has(tokens[k].key) || (first === last && ADJECTIVE_NAMED_NOUNS.has(tokens[k].key) && isAdjectiveLike(tokens[first].key)));
    yield includesNoun ? [k, last] : [first, last];
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
