import { foldKey } from '../text/fold.js';

/**
 * Word lists for telling people's names from other capitalised words.
 * Compared folded (lowercase, no accents). Extend freely.
 */

/** Titles and role words that may precede a name and are not part of it ("M. Wang", "le Président Xi Jinping"). */
const TITLE_WORDS = [
  'm.', 'mm.', 'mme', 'mme.', 'mmes', 'mlle', 'me', 'dr', 'dr.', 'pr', 'pr.', 'mgr', 'monsieur', 'madame', 'mademoiselle',
  'president', 'presidente', 'ministre', 'premier', 'premiere', 'vice-president', 'vice-presidente', 'vice-premier',
  'conseiller', 'conseillere', 'secretaire', 'general', 'generale', 'chef', 'roi', 'reine', 'prince', 'princesse', 'pape',
  'cheikh', 'emir', 'sultan', 'senateur', 'senatrice', 'depute', 'deputee', 'maire', 'gouverneur', 'ambassadeur',
  'ambassadrice', 'camarade', 'sir', 'lord', 'dame', 'professeur', 'docteur', 'maitre', 'colonel', 'capitaine', 'amiral',
  'marechal', 'porte-parole', 'directeur', 'directrice', 'commissaire', 'chancelier', 'chanceliere', 'excellence',
];

/**
 * Capitalised words that are never (part of) a person's name: pronouns,
 * determiners, sentence-opening words, calendar words, common nouns often
 * capitalised in news copy, and institution words.
 */
const NON_NAME_WORDS = [
  'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'tu', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd',
  'ce', 'cet', 'cette', 'ces', 'celui', 'celle', 'ceux', 'celles', 'ceci', 'cela', 'ca', 'qui', 'que', 'quoi', 'dont', 'ou',
  'chacun', 'chacune', 'tout', 'tous', 'toute', 'toutes', 'aucun', 'aucune', 'personne', 'rien', 'certains', 'certaines',
  'plusieurs', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'et', 'mais', 'or',
  'donc', 'car', 'ni', 'si', 'comme', 'quand', 'lorsque', 'alors', 'puis', 'ensuite', 'enfin', 'ainsi', 'aussi', 'selon',
  'pour', 'par', 'avec', 'sans', 'sous', 'sur', 'dans', 'en', 'a', 'au', 'aux', 'apres', 'avant', 'depuis', 'pendant',
  'lors', 'malgre', 'concernant', 'notant', 'toutefois', 'cependant', 'pourtant', 'neanmoins', 'outre', 'or', 'voici',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'fevrier', 'mars', 'avril', 'mai',
  'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre', 'noel', 'paques',
  'etat', 'etats', 'gouvernement', 'parlement', 'histoire', 'jeux', 'olympiques', 'olympique', 'nouvel', 'an', 'guerre',
  'traite', 'charte', 'annee', 'chefs', 'agenda', 'sommet', 'congres', 'fete', 'route', 'ceinture', 'affaires',
  'etrangeres', 'internet', 'covid', 'dieu', 'occidentaux', 'nations', 'unies', 'union', 'organisation', 'conseil',
  'parti', 'forum', 'comite', 'assemblee', 'banque', 'fonds', 'agence', 'ministere', 'commission', 'cour', 'tribunal',
  'federation', 'association', 'institut', 'office', 'bureau', 'senat', 'academie', 'universite', 'fondation', 'alliance',
  'ligue', 'mouvement', 'front', 'syndicat', 'confederation', 'communaute', 'republique', 'royaume', 'empire', 'presse',
  'ministres', 'presidents', 'partie', 'parties', 'pays', 'monde', 'page', 'accueil', 'source', 'photo', 'video',
  'lire', 'voir', 'partager', 'partagez', 'retrouvez', 'suivez', 'abonnez', 'inscrivez', 'publie', 'mise', 'jour',
  // ministries, capitalised after "ministre du/de la" ("le ministre du Commerce Moses Kuria")
  'commerce', 'defense', 'interieur', 'economie', 'finances', 'justice', 'sante', 'education', 'culture', 'travail',
  'agriculture', 'energie', 'environnement', 'transports', 'industrie', 'sports', 'logement', 'armees', 'outre-mer',
  'budget', 'diplomatie', 'information', 'communication', 'recherche', 'emploi', 'tourisme', 'numerique',
];

/** Capitalised particles allowed inside a name, never at its start or end ("Maëlle Le Goff", "Charles De Gaulle"). */
const INNER_PARTICLES = ['le', 'la', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'el', 'al', 'ben', 'bin', 'ibn', 'saint'];

/** Particles allowed inside a name between capitalised words ("Charles de Gaulle", "Ursula von der Leyen"). */
export const NAME_PARTICLES = ['de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'bin', 'ben', 'al', 'el', 'ibn', 'la', 'le'];

const TITLE_SET = new Set(TITLE_WORDS);
const INNER_PARTICLE_SET = new Set(INNER_PARTICLES);

/** Bits of the ASCII lowercase letters the particles start and end with. */
const PARTICLE_FIRSTS = letterBits(INNER_PARTICLES.map((p) => p[0]));
const PARTICLE_LASTS = letterBits(INNER_PARTICLES.map((p) => p[p.length - 1]));

function letterBits(letters: string[]): number {
  let bits = 0;
  for (const letter of letters) bits |= 1 << (letter.charCodeAt(0) - 97);
  return bits;
}

/**
 * False for an ASCII letter (either case) outside `bits`, true for any
 * other unit: folding keeps an ASCII letter at a word's edge (it only
 * lowercases it), so a word whose first or last unit fails cannot fold to
 * a particle.
 */
function edgeMayBe(code: number, bits: number): boolean {
  const lower = code | 0x20;
  if (lower < 97 || lower > 122) return true;
  return (bits & (1 << (lower - 97))) !== 0;
}

export function isInnerNameParticle(word: string): boolean {
  // asked for every word of every name (isFullName): most fail at their first or last letter, without folding
  if (word.length === 0 || !edgeMayBe(word.charCodeAt(0), PARTICLE_FIRSTS) || !edgeMayBe(word.charCodeAt(word.length - 1), PARTICLE_LASTS)) return false;
  return INNER_PARTICLE_SET.has(foldKey(word));
}
const NON_NAME_SET = new Set(NON_NAME_WORDS);

export function isTitleWord(word: string): boolean {
  return TITLE_SET.has(foldKey(word));
}

export function isNonNameWord(word: string): boolean {
  return NON_NAME_SET.has(foldKey(word));
}
