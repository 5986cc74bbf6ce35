import { isPlace } from '../lexicon/places.js';
import { foldKey } from '../text/fold.js';
import type { Token } from '../text/tokens.js';
import { CLASS_NOUNS, NON_ORGANISATION_HEADS } from '../lexicon/org-words.js';
import { INSTITUTION_HEADS, NOT_ORGANISATION_WORDS } from './gazetteer.js';

/** All-capital acronyms, where capitals mean something, and the long forms written before them in parentheses. */

/** "OTSC", "M5S", "CFE-CGC": capitals and digits, at least two capitals, not longer than a name ("ALERTE", "DIRECT"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]{1,5}(?:-\p{Lu}[\p{Lu}\p{N}]{1,4})?$/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
const ALL_CAPITALS = /^[\p{Lu}\p{N}-]+$/u;
const LETTER = /\p{L}/u;
const JOINING_GAP = /^[ \t]*['’]?[ \t]*$/;
/** Words skipped when reading an acronym's initials off its long form. */
const INITIALS_SKIPPED = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et', 'pour', 'en', 'a', 'au', 'aux', 'sur', 'dans']);
const LONG_FORM_MAX_TOKENS = 12;

/** Text between two tokens is only spacing or an elision apostrophe: one name may go on over it. */
export function joined(text: string, left: Token, right: Token): boolean {
  if (right.start - left.end === 1) {
    const c = text[left.end];
    return c === ' ' || c === "'" || c === '’';
  }
  return JOINING_GAP.test(text.slice(left.end, right.start));
}

/** "OTSC", "BRICS": the shape of an acronym, not a roman numeral ("XX"), a listed non-organisation ("AE", "COVID") or a place ("USA"). */
export function isAcronymToken(token: Token): boolean {
  // most words fail on their first two letters; the regular expressions only see the rest
  const word = token.text;
  if (word.length < 2 || word.length > 11 || isLowercaseCode(word.charCodeAt(0)) || isLowercaseCode(word.charCodeAt(1))) return false;
  return ACRONYM.test(token.text) && TWO_CAPITALS.test(token.text) && !ROMAN_NUMERAL.test(token.text) && !NOT_ORGANISATION_WORDS.has(token.text) && !isPlace(token.text);
}

function isLowercaseCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff);
}

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
export function shoutingTokens(text: string, tokens: Token[]): Uint8Array {
  const shouting = new Uint8Array(tokens.length);
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
    if (capitals >= 3 && capitals >= words * 0.6) shouting.fill(1, first, i);
  }
  let run = 0;
  for (let k = 0; k <= tokens.length; k++) {
    if (k < tokens.length && isCapitalsWord(tokens[k].text) && (run === 0 || joined(text, tokens[k - 1], tokens[k]))) {
      run++;
      continue;
    }
    if (run >= 3) shouting.fill(1, k - run, k);
    run = k < tokens.length && isCapitalsWord(tokens[k].text) ? 1 : 0;
  }
  return shouting;
}

const OPENING_PARENTHESIS_GAP = /^[ \t]*\($/;

/**
 * End of the long form written after an acronym in parentheses, "la BRI
 * (Brigade de recherche et d'intervention)": the index of its last token when
 * the initials spell the acronym and a ")" closes it, else -1.
 */
export function longFormAfter(text: string, tokens: Token[], acronymIndex: number): number {
  const first = acronymIndex + 1;
  if (first >= tokens.length || !OPENING_PARENTHESIS_GAP.test(text.slice(tokens[acronymIndex].end, tokens[first].start))) return -1;
  const acronym = foldKey(tokens[acronymIndex].text).replace(/-/g, '');
  let initials = '';
  for (let k = first; k < tokens.length && k - first < LONG_FORM_MAX_TOKENS; k++) {
    if (k > first && !joined(text, tokens[k - 1], tokens[k])) return -1;
    if (!INITIALS_SKIPPED.has(tokens[k].key) || k === first) initials += tokens[k].key[0];
    if (!acronym.startsWith(initials)) return -1;
    if (initials === acronym) return text[tokens[k].end] === ')' ? k : -1;
  }
  return -1;
}

const ARTICLES = new Set(['la', 'le', 'les', 'l']);

/**
 * What the long form of an acronym says it is: a tax, law or measure by its
 * head noun ("Impôt de solidarité sur la fortune (ISF)", "véhicules blindés
 * à roues de la gendarmerie (VBRG)"): 'other'; an organisation when it is
 * capitalised or its head is an organisation noun ("la conférence des
 * présidents d'université (CPU)"); else nothing is known ("procréation
 * médicalement assistée (PMA)"): the acronym then needs a context like any other.
 */
export function longFormKind(tokens: Token[], start: number): 'organisation' | 'other' | 'unknown' {
  let head = tokens[start];
  if (ARTICLES.has(head.key) && start + 1 < tokens.length) head = tokens[start + 1];
  if (NON_ORGANISATION_HEADS.has(head.key)) return 'other';
  if (CLASS_NOUNS.has(head.key)) return 'organisation';
  return /^\p{Lu}/u.test(head.text) ? 'organisation' : 'unknown';
}

/**
 * Start of the long form before "(ACR)": where the initials of its words
 * spell the acronym ("Organisation du traité de sécurité collective (OTSC)":
 * O-T-S-C); else, for acronyms of another language ("Autorité
 * intergouvernementale pour le développement (IGAD)"), the nearest
 * institution word before it; else -1.
 */
export function longFormStart(text: string, tokens: Token[], acronymIndex: number, initialsOnly = false): number {
  const acronym = foldKey(tokens[acronymIndex].text).replace(/-/g, '');
  let initials = '';
  let withArticles = ''; // "La France insoumise (LFI)": the article counts
  let institutionStart = -1;
  for (let k = acronymIndex - 1; k >= 0 && acronymIndex - k <= LONG_FORM_MAX_TOKENS; k--) {
    if (k < acronymIndex - 1 && !joined(text, tokens[k], tokens[k + 1])) break;
    const word = tokens[k];
    if (institutionStart === -1 && !initialsOnly && INSTITUTION_HEADS.has(word.text)) institutionStart = k;
    if (ARTICLES.has(word.key)) {
      withArticles = word.key[0] + initials;
      if (withArticles === acronym) return k;
    }
    if (INITIALS_SKIPPED.has(word.key)) continue;
    initials = word.key[0] + initials;
    if (initials === acronym) return k;
  }
  return institutionStart;
}
