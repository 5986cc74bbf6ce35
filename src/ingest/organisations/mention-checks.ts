import { isNonNameWord } from '../lexicon/name-words.js';
import { CLASS_NOUNS, NON_ORGANISATION_HEADS, TIME_WORDS } from '../lexicon/org-words.js';
import { INSTITUTION_HEADS } from './gazetteer.js';
import type { Token } from '../text/tokens.js';

/** Checks on one gazetteer match: is it a mention of the organisation, or something else written with its name? */

/** "(Le Matin)", "(AFP)", "(ats/nxp)": a name alone in parentheses is a byline or a credit, not a mention. */
export function isCredit(text: string, tokens: Token[], from: number, to: number): boolean {
  const before = text[tokens[from].start - 1];
  const after = text[tokens[to].end];
  return (before === '(' || before === '/') && (after === ')' || after === '/');
}

const PLACE_PREPOSITIONS = new Set(['a', 'au', 'vers', 'devant', 'dans', 'depuis', 'jusqu', 'quitter', 'quitte', 'conquerir', 'reconquerir']);

/** "reçus à l'Élysée", "marcher vers l'Élysée", "les accords de Matignon": the building as a place, not the institution. */
export function isPlaceUse(tokens: Token[], from: number): boolean {
  let k = from - 1;
  if (k >= 0 && (tokens[k].key === 'l' || tokens[k].key === 'la' || tokens[k].key === 'le')) k--;
  if (k < 0) return false;
  // "les accords de Matignon": a treaty named after the place
  if ((tokens[k].key === 'de' || tokens[k].key === 'du') && k > 0 && NON_ORGANISATION_HEADS.has(tokens[k - 1].key)) return true;
  return PLACE_PREPOSITIONS.has(tokens[k].key);
}

/** A capitalised word that is not all capitals ('Bas', not 'PARIS'). */
const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’-]/u;

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'van', 'von', 'del', 'della']);

const BODY_OF = /(?:\sde l['’]|\sde la\s|\sdu\s|\sdes\s|\sde\s)$/;

/** "Conseil de sécurité de l'ONU" is a body of "ONU" (both count); "La Presse canadienne" is not one of "La Presse". */
export function isBodyOf(outer: string, inner: string): boolean {
  return outer.length > inner.length && outer.endsWith(inner) && BODY_OF.test(outer.slice(0, outer.length - inner.length));
}

/** "Philippe Bas (LR)", "Roger Golay (MCG/GE)": an acronym in parentheses after a full name is the person's party or union. */
export function isAffiliation(text: string, tokens: Token[], acronym: number): boolean {
  if (acronym < 2) return false;
  const name = tokens[acronym - 1];
  const given = tokens[acronym - 2];
  if (!/^ ?\($/.test(text.slice(name.end, tokens[acronym].start))) return false;
  if (!CAPITALISED_WORD.test(name.text) || !CAPITALISED_WORD.test(given.text)) return false;
  const gap = text.slice(given.end, name.start);
  return gap === ' ' || gap === '-';
}

/**
 * "Martin Bouygues", "Léonard de Vinci": a one-word company name after a
 * capitalised word that may be a first name is a person's surname. Words
 * that are never names ("Hier", "Selon"), institution words ("Groupe PSA")
 * and all-capital words do not make it one.
 */
export function isSurnameUse(text: string, tokens: Token[], from: number, to: number): boolean {
  if (to - from !== 1 || from === 0) return false;
  const word = tokens[from].text;
  if (word.length < 2 || !CAPITALISED_WORD.test(word)) return false;
  let before = tokens[from - 1];
  if (text.slice(before.end, tokens[from].start) !== ' ') return false;
  // "Léonard de Vinci": a particle between the first name and the surname
  if (NAME_PARTICLES.has(before.text) && from >= 2 && text.slice(tokens[from - 2].end, before.start) === ' ') before = tokens[from - 2];
  if (!CAPITALISED_WORD.test(before.text)) return false;
  return !isNonNameWord(before.text) && !INSTITUTION_HEADS.has(before.text) && !CLASS_NOUNS.has(before.key) && !TIME_WORDS.has(before.key);
}
