import { isNonNameWord } from '../lexicon/name-words.js';
import { isPlace } from '../lexicon/places.js';
import { NON_ORGANISATION_HEADS, TIME_WORDS, TRAILING_NON_NAME_WORDS, isAdjectiveLike } from '../lexicon/org-words.js';
import type { Token } from '../text/tokens.js';
import { joined } from './acronyms.js';

/**
 * Names opened by an institution word ("Conseil", "Parti", "ministère"…),
 * read by the grammar of French institution names:
 *
 *   head [Capitalised words] [adjectives] (de|du|des|pour [article] noun [adjectives])*
 *
 * "Mouvement Cinq Étoiles", "Parti socialiste", "Fédération nationale des
 * syndicats agricoles", "ministère de l'Enseignement supérieur". The name
 * ends at the first word that fits none of these: a verb ("l'Union
 * soutient", "le Conseil d'État avait"), a calendar word ("l'Assemblée
 * nationale jeudi"), a person's name after an adjective ("Front national
 * Marine Le Pen"), "et" not followed by "de" ("des Nations unies et
 * voisins"). Every step reads at most MAX_NAME_TOKENS tokens, so the cost is
 * linear in the text whatever it holds.
 */

export const CONNECTORS = new Set(['de', 'du', 'des', 'd']);
export const ARTICLES_AFTER_CONNECTOR = new Set(['la', 'l', 'les', 'le']);
/** Lowercase words that end an organisation's name. */
const STOP_WORDS = new Set([
  'a', 'est', 'sont', 'ont', 'etait', 'sera', 'qui', 'que', 'qu', 'dont', 'et', 'ou', 'dans', 'sur', 'avec', 'par', 'au', 'aux',
  'en', 'se', 's', 'sa', 'son', 'ses', 'leur', 'leurs', 'ce', 'cette', 'ces', 'ne', 'n', 'pas', 'plus', 'lors', 'afin', 'depuis',
  'contre', 'entre', 'sans', 'sous', 'vers', 'chez', 'comme', 'mais', 'donc', 'car', 'si', 'il', 'elle', 'ils', 'elles', 'y',
  'un', 'une', 'le', 'la', 'les', 'l', 'lui', 'tous', 'tout', 'toute', 'toutes', 'deux', 'trois', 'ainsi', 'aussi', 'ni',
  'egalement', 'notamment', 'selon', 'apres', 'avant', 'pendant', 'doit', 'peut', 'va', 'fait', 'veut', 'estime', 'appelle',
  'soutient', 'demande', 'annonce', 'condamne', 'reste', 'exige', 'souhaite', 'entend', 'prevoit', 'publie', 'juge', 'lorsque',
  'quand', 'juste', 'tres', 'bien', 'mal', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'auquel', 'duquel', 'cela', 'ca',
]);
/** Words before a noun, which is then the next word ("Tribunal de grande instance"). */
const PRENOMINAL = new Set(['grand', 'grande', 'grands', 'grandes', 'haut', 'haute', 'hauts', 'hautes', 'petit', 'petite', 'nouveau', 'nouvelle', 'premier', 'premiere']);
/** A lowercase word that looks conjugated ends the name at once. */
const ARTICLES_AFTER_POUR = new Set(['la', 'l', 'le', 'les', 'un', 'une']);
const CONJUGATED = /(?:ait|aient|ient|eront|era|ira|ont)$/;
/** "Front al-Nosra": a name after an Arabic article, written in lowercase. */
const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|ash|as|ibn|ben)-\p{Lu}/u;
/** Adjectives that follow a capitalised complement ("des Affaires étrangères", "de l'Enseignement supérieur", "de la Transition écologique"). */
const AFTER_PROPER_NAME_ADJECTIVE = /(?:al|ale|ales|aux|el|elle|els|elles|ien|ienne|iens|iennes|een|eenne|eens|eennes|ais|aise|aises|ois|oise|oises|ique|iques|if|ive|ifs|ives|aire|aires|ieur|ieure|ieurs|ieures|iere|ieres|eres|ees|ain|aine|ains|aines|iste|istes)$/;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const UPPERCASE_START = /^\p{Lu}/u;
const MAX_NAME_TOKENS = 11;
const MAX_COMPLEMENTS = 3;
const MAX_MODIFIERS = 3;
const MAX_CAPITALISED_AFTER_HEAD = 3;

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPERCASE_START.test(word);
}

/** True when the token opens a sentence (or a line), possibly after an elided article: "L'Union", "\nConseil". */
export function startsSentence(text: string, tokens: Token[], i: number): boolean {
  let k = i;
  if (k > 0 && (tokens[k - 1].key === 'l' || tokens[k - 1].key === 'd') && joined(text, tokens[k - 1], tokens[k])) k--;
  let p = tokens[k].start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '«' || text[p] === '"' || text[p] === '“' || text[p] === '\u00a0')) p--;
  if (p < 0) return true;
  const c = text[p];
  return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':' || c === '…';
}

function endsName(token: Token): boolean {
  return STOP_WORDS.has(token.key) || TIME_WORDS.has(token.key) || STARTS_WITH_DIGIT.test(token.text);
}

/**
 * Index of the last token of the name opened by the head token, or the
 * head itself when no name follows it. `needsCapitalisedComplement` is for
 * lowercase heads ("ministère", "préfecture"): "le ministère de l'Intérieur"
 * is a name, "le ministère des finances" is not. Without
 * `capitalisedAfterHeadAllowed` (generic heads: "Centre", "Bureau") a
 * capitalised word right after the head is not part of the name ("le Bureau
 * Ovale", "le Centre Beaubourg" are places).
 */
export function institutionNameLast(text: string, tokens: Token[], head: number, needsCapitalisedComplement = false, capitalisedAfterHeadAllowed = true): number {
  let last = head;
  let k = head + 1;
  let complements = 0;
  let modifiers = 0;
  let capitalisedAfterHead = 0;
  let inHeadChain = true; // still right after the head or its capitalised words ("Mouvement Cinq Étoiles")
  let distinctive = false; // an adjective or a capitalised word: "Association de malfaiteurs" at a sentence start is not a name
  let capitalisedComplement = false;
  while (k < tokens.length && k - head < MAX_NAME_TOKENS && joined(text, tokens[k - 1], tokens[k])) {
    const token = tokens[k];
    const key = token.key;
    const isEtDe = key === 'et' && k + 1 < tokens.length && CONNECTORS.has(tokens[k + 1].key) && joined(text, token, tokens[k + 1]);
    // "pour" opens a complement right after the head and before an article: "Fondation pour l'innovation", not "l'Assemblée pour défendre"
    const isPour = key === 'pour' && last === head && k + 1 < tokens.length && ARTICLES_AFTER_POUR.has(tokens[k + 1].key);
    if (CONNECTORS.has(key) || isPour || isEtDe) {
      if (complements >= MAX_COMPLEMENTS) break;
      let j = isEtDe ? k + 2 : k + 1;
      if (j < tokens.length && ARTICLES_AFTER_CONNECTOR.has(tokens[j].key) && !isCapitalised(tokens[j].text) && joined(text, tokens[j - 1], tokens[j])) j++;
      if (j >= tokens.length || !joined(text, tokens[j - 1], tokens[j])) break;
      let noun = tokens[j];
      if (isCapitalised(noun.text)) {
        if (TIME_WORDS.has(noun.key) || (STOP_WORDS.has(noun.key) && !ARTICLES_AFTER_CONNECTOR.has(noun.key))) break;
        // "le ministère de Benjamin Griveaux": a person, unless a place ("Banque de France François Villeroy")
        const next = tokens[j + 1];
        if (next && isCapitalised(next.text) && joined(text, noun, next) && !isPlace(noun.text)) break;
        capitalisedComplement = true;
        distinctive = true;
      } else {
        if (PRENOMINAL.has(noun.key) && j + 1 < tokens.length && joined(text, noun, tokens[j + 1]) && !isCapitalised(tokens[j + 1].text)) noun = tokens[++j];
        if (endsName(noun) || CONJUGATED.test(noun.key) || TRAILING_NON_NAME_WORDS.has(noun.key)) break;
        if (complements > 0 && NON_ORGANISATION_HEADS.has(noun.key)) break;
        // after a proper name only another one: "l'office de tourisme de Dijon", not "… de Dijon de faire mieux"
        if (capitalisedComplement) break;
      }
      complements++;
      modifiers = 0;
      inHeadChain = false;
      last = j;
      k = j + 1;
      // "des réfugiés et apatrides": a second lowercase noun joined by "et" ends the name
      if (!isCapitalised(noun.text) && k + 1 < tokens.length && tokens[k].key === 'et' && joined(text, noun, tokens[k]) && joined(text, tokens[k], tokens[k + 1])) {
        const other = tokens[k + 1];
        if (!isCapitalised(other.text) && !endsName(other) && !CONNECTORS.has(other.key) && !CONJUGATED.test(other.key) && !TRAILING_NON_NAME_WORDS.has(other.key)) {
          last = k + 1;
          break;
        }
      }
      continue;
    }
    if (isCapitalised(token.text) || (inHeadChain && ARABIC_ARTICLE_NAME.test(token.text))) {
      if (!inHeadChain || capitalisedAfterHead >= MAX_CAPITALISED_AFTER_HEAD || needsCapitalisedComplement || !capitalisedAfterHeadAllowed) break;
      if (isNonNameWord(token.text) || TIME_WORDS.has(key)) break;
      capitalisedAfterHead++;
      distinctive = true;
      last = k++;
      continue;
    }
    if (endsName(token) || CONJUGATED.test(key) || modifiers >= MAX_MODIFIERS || !isAdjectiveLike(key)) break;
    // after a capitalised complement a verb is likelier than an adjective: "ministère de l'Intérieur ajoutent", "… du Sénat dévoile"
    if (capitalisedComplement && !AFTER_PROPER_NAME_ADJECTIVE.test(key)) break;
    modifiers++;
    distinctive = true;
    inHeadChain = false;
    last = k++;
  }
  if (needsCapitalisedComplement && !capitalisedComplement) return head;
  if (!distinctive && startsSentence(text, tokens, head)) return head;
  return last;
}
