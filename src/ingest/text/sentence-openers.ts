import { foldKey } from './fold.js';

/**
 * French grammar words that open sentences: determiners, pronouns,
 * prepositions, conjunctions and adverbs. Written with a capital inside a
 * run of text after a lowercase word ("…avec la France En voulant…",
 * "…humanitaireUne ONG…") they mark where a headline or an intertitle ended
 * and the next sentence began, because a title word in mid-sentence is
 * rarely one of them. Compared folded (lowercase, no accents).
 */
const OPENERS = [
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'd', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs',
  'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'il', 'ils', 'elle', 'elles', 'on', 'nous', 'vous', 'je', 'j', 'c',
  'ceux', 'celui', 'celle', 'celles', 'cela', 'ceci', 'selon', 'pour', 'dans', 'en', 'au', 'aux', 'a', 'apres', 'avant',
  'depuis', 'lors', 'pendant', 'mais', 'or', 'donc', 'car', 'alors', 'ainsi', 'enfin', 'environ', 'quelque', 'quelques',
  'plusieurs', 'certains', 'certaines', 'chaque', 'tous', 'toutes', 'tout', 'toute', 'si', 'quand', 'lorsque', 'comme',
  'parmi', 'sous', 'par', 'avec', 'sans', 'entre', 'vers', 'chez', 'cependant', 'toutefois', 'pourtant', 'neanmoins',
  'outre', 'hier', 'aujourd', 'demain', 'ici', 'la-bas', 'aucun', 'aucune', 'plus', 'moins', 'pres', 'face', 'malgre',
  'cote', 'sur', 'qu', 'que', 'qui', 'autre', 'autres', 'deja', 'encore', 'puis', 'ensuite', 'desormais', 'jusqu', 'de',
  'devant', 'derriere', 'contre', 'durant', 'lorsqu', 'puisque', 'tandis', 'voici', 'voila', 'ni', 'et', 'ou',
];

const OPENER_SET = new Set(OPENERS);

/** True when the word (any case) is a grammar word that may open a sentence. */
export function isSentenceOpener(word: string): boolean {
  return OPENER_SET.has(foldKey(word));
}
