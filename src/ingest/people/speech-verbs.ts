/**
 * Verbs that report speech, as data. A person is a speaker when one of them
 * has the person as subject: "X a déclaré", "», a déclaré X", "X souligne".
 * Extend the lists freely; forms are derived (déclaré/déclarée/déclarés…).
 */

/** Past participles of -er verbs, without the final "é". */
const ER_PARTICIPLE_STEMS = [
  'déclar', 'soulign', 'affirm', 'indiqu', 'not', 'rappel', 'estim', 'expliqu', 'ajout', 'assur', 'réitér', 'félicit',
  'précis', 'annonc', 'insist', 'martel', 'confi', 'jug', 'plaid', 'répét', 'observ', 'relev', 'déplor', 'dénonc', 'salu',
  'exhort', 'lanc', 'comment', 'confirm', 'propos', 'suggér', 'signal', 'mentionn', 'tweet', 'racont', 'témoign', 'réaffirm',
  'regrett', 'considér', 'argu', 'ironis', 'rétorqu', 'lâch', 'gliss', 'résum', 'clam', 'proclam', 'rapport', 'détaill',
  'assén', 'souhait', 'exprim', 'avou', 'confess', 'nuanc', 'tranch', 'concéd', 'précon', 'appel', 'rassur', 'prôn',
];

/** Other past participles (agreement endings e/s/es are added). */
const OTHER_PARTICIPLES = [
  'dit', 'conclu', 'écrit', 'admis', 'promis', 'poursuivi', 'averti', 'prévenu', 'répondu', 'soutenu', 'reconnu', 'démenti',
  'renchéri', 'fait savoir', 'fait valoir', 'fait remarquer', 'fait observer', 'mis en garde', 'prédit', 'redit',
];

/** Present tense, third person singular and plural ("X souligne que…"). */
const PRESENT_FORMS = [
  'déclare', 'souligne', 'affirme', 'indique', 'dit', 'note', 'rappelle', 'estime', 'explique', 'ajoute', 'conclut', 'assure',
  'poursuit', 'réitère', 'précise', 'annonce', 'insiste', 'martèle', 'avertit', 'prévient', 'plaide', 'répond', 'reconnaît',
  'observe', 'relève', 'déplore', 'dénonce', 'confirme', 'dément', 'écrit', 'raconte', 'témoigne', 'réaffirme', 'regrette',
  'déclarent', 'soulignent', 'affirment', 'indiquent', 'disent', 'estiment', 'expliquent', 'ajoutent', 'assurent',
];

/** Words allowed between the auxiliary and the participle ("a d'ailleurs réitéré", "a également dit"). */
const ADVERBS = [
  'également', 'aussi', 'encore', 'alors', "d'ailleurs", 'd’ailleurs', 'notamment', 'ensuite', 'enfin', 'par ailleurs',
  'pour sa part', 'pour leur part', 'de son côté', 'de leur côté', 'toutefois', 'cependant', 'néanmoins', 'en outre',
  'déjà', 'aussitôt', 'lui-même', 'elle-même', 'une nouvelle fois', 'à nouveau', 'de nouveau', 'plus tard', 'ainsi',
  'pourtant', 'donc', 'bien', 'même', 'toujours', 'récemment', '\\p{Ll}{3,}ment',
];

const participles = [
  `(?:${ER_PARTICIPLE_STEMS.join('|')})(?:é|ée|és|ées)`,
  `(?:${OTHER_PARTICIPLES.join('|')})(?:e|s|es)?`,
].join('|');

/** Auxiliaries, with the pronoun inversions ("a-t-il") and the reflexive "s'est" ("s'est dit", "s'est félicité"). */
const AUXILIARIES = [
  '(?:a|avait|aurait|ont|avaient|auraient)-t?-?(?:il|elle|ils|elles)',
  "s['’](?:est|était)",
  'se sont',
  'a', 'avait', 'aurait', 'ont', 'avaient', 'auraient', 'aura',
];

/**
 * One match per speech verb. Groups: 1 auxiliary, 2 participle, 3 present
 * tense form. Lowercase only: a speech verb never opens a sentence. Use with
 * wordStartMatches (the match must start a word; an apostrophe before it is
 * fine: "comme l'a indiqué X").
 */
export const SPEECH_VERB = new RegExp(
  `(?:(${AUXILIARIES.join('|')})(?:\\s+(?:${ADVERBS.join('|')})){0,3}\\s+(${participles})|(${PRESENT_FORMS.join('|')}))(?![\\p{L}-])`,
  'gu',
);

/** Characters that may not come right before a speech verb. */
export const GLUED_TO_VERB = /[\p{L}\p{N}-]/u;

/** "selon X", "d'après X": the subject follows. Use with wordStartMatches. */
export const ACCORDING_TO = /(?:[Ss]elon|[Dd]['’]après)\s+/gu;
