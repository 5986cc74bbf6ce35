import type { Token } from '../text/tokens.js';
import { joined } from './acronyms.js';

/**
 * Names opened by an institution word ("Conseil", "Parti", "Forum"…), read
 * up to a natural stop: punctuation, "et", a verb, a preposition other than
 * de/du/des/pour, a number, a fourth lowercase word in a row, nine words.
 * So "Conseil de sécurité des Nations unies et voisins" stops before "et"
 * and "l'Union soutient" gives nothing.
 */

export const CONNECTORS = new Set(['de', 'du', 'des', 'd']);
export const ARTICLES_AFTER_CONNECTOR = new Set(['la', 'l', 'les', 'le']);
/** Lowercase words that end an organisation's name. */
const STOP_WORDS = new Set([
  'a', 'est', 'sont', 'ont', 'etait', 'sera', 'qui', 'que', 'qu', 'dont', 'et', 'ou', 'dans', 'sur', 'avec', 'par', 'au', 'aux',
  'en', 'se', 's', 'sa', 'son', 'ses', 'leur', 'leurs', 'ce', 'cette', 'ces', 'ne', 'n', 'pas', 'plus', 'lors', 'afin', 'depuis',
  'contre', 'entre', 'sans', 'sous', 'vers', 'chez', 'comme', 'mais', 'donc', 'car', 'si', 'il', 'elle', 'ils', 'elles', 'y',
  'un', 'une', 'le', 'la', 'les', 'l', 'lui', 'tous', 'tout', 'toute', 'toutes', 'deux', 'trois', 'ainsi', 'aussi',
  'egalement', 'notamment', 'selon', 'apres', 'avant', 'pendant', 'doit', 'peut', 'va', 'fait', 'veut', 'estime', 'appelle',
  'soutient', 'demande', 'annonce', 'condamne', 'reste', 'exige', 'souhaite', 'entend', 'prevoit', 'publie', 'juge',
]);
/** A first word after the head that looks conjugated ("l'Union soutient") ends the name at once. */
const CONJUGATED = /(?:ait|aient|ient|eront|era|ira|ont)$/;
const CAPITALISED = /^\p{Lu}/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const MAX_NAME_TOKENS = 9;
const MAX_LOWERCASE_RUN = 3;

/** Index of the last token of the name opened by the head token, or the head itself when nothing follows it. */
export function institutionNameLast(text: string, tokens: Token[], head: number): number {
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
    if (!CAPITALISED.test(token.text)) {
      if (STOP_WORDS.has(token.key) || STARTS_WITH_DIGIT.test(token.text)) break;
      if (k === head + 1 && CONJUGATED.test(token.key)) break;
      if (++lowercaseRun > MAX_LOWERCASE_RUN) break;
    } else {
      // a capitalised word straight after a content word starts another name
      if (!afterConnector && k !== head + 1 && lowercaseRun === 0) break;
      lowercaseRun = 0;
    }
    afterConnector = false;
    k++;
    end = k;
  }
  let last = end - 1;
  while (last > head && (CONNECTORS.has(tokens[last].key) || ARTICLES_AFTER_CONNECTOR.has(tokens[last].key) || tokens[last].key === 'pour')) last--;
  return last;
}
