import { NON_ORGANISATION_HEADS } from '../lexicon/org-words.js';
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
