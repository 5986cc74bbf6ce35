import { isWhitespaceUnit } from '../text/whitespace.js';
import { conjugate, secondGroupParts, type PrincipalParts } from './conjugate.js';

/**
 * Verbs that report speech, as lemmas; their forms are generated
 * (conjugate.ts). A person is a speaker when one of them has the person as
 * subject: "X a déclaré", "», a répliqué X", "X souligne que", "X s'est
 * réjoui". Every verb may also be reflexive ("s'est dit", "se félicite").
 * Extend the lists freely.
 */

/** Regular -er verbs. */
const FIRST_GROUP = [
  'déclarer', 'souligner', 'affirmer', 'indiquer', 'noter', 'rappeler', 'estimer', 'expliquer', 'ajouter', 'assurer',
  'réitérer', 'féliciter', 'préciser', 'annoncer', 'insister', 'marteler', 'confier', 'juger', 'plaider', 'répéter',
  'observer', 'relever', 'déplorer', 'dénoncer', 'saluer', 'exhorter', 'lancer', 'commenter', 'confirmer', 'proposer',
  'suggérer', 'signaler', 'mentionner', 'raconter', 'témoigner', 'réaffirmer', 'regretter', 'considérer', 'arguer',
  'ironiser', 'rétorquer', 'répliquer', 'lâcher', 'glisser', 'résumer', 'clamer', 'proclamer', 'rapporter', 'détailler',
  'asséner', 'souhaiter', 'exprimer', 'avouer', 'confesser', 'nuancer', 'trancher', 'concéder', 'préconiser', 'appeler',
  'rassurer', 'prôner', 'inquiéter', 'indigner', 'étonner', 'interroger', 'exclamer', 'écrier', 'protester', 'critiquer',
  'fustiger', 'tempêter', 'révéler', 'énumérer', 'recommander', 'plaisanter', 'soupirer', 'murmurer', 'alarmer',
  'alerter', 'menacer', 'jurer', 'certifier', 'insurger', 'offusquer', 'contester', 'invoquer', 'justifier', 'blâmer',
  'enchaîner', 'abonder', 'objecter', 'rectifier', 'corriger', 'persister', 'évoquer', 'nier', 'riposter', 'relativiser',
  'minimiser', 'exposer', 'relater', 'souffler', 'scander', 'tweeter', 'twitter', 'désoler', 'interpeller', 'expliciter',
  'claironner', 'attester', 'reprocher', 'signifier', 'informer', 'tonner', 'pester', 'railler', 'moquer', 'remercier',
  'exulter', 'agacer', 'compléter', 'emporter', 'accuser', 'constater', 'tempérer', 'analyser', 'raisonner', 'souligner', 'résumer', 'conseiller',
  'ordonner', 'encourager', 'qualifier', 'implorer', 'supplier', 'réclamer', 'demander', 'préciser',
].filter((lemma, i, all) => lemma.endsWith('er') && all.indexOf(lemma) === i);

/** Second-group -ir verbs. */
const SECOND_GROUP = ['avertir', 'réagir', 'renchérir', 'garantir', 'réjouir', 'applaudir', 'rugir'];

/** Other verbs, by their principal parts. */
const IRREGULAR: Record<string, PrincipalParts> = {
  dire: { participle: 'dit', present: ['dit', 'disent'], imperfectStem: 'dis', simplePast: ['dit', 'dirent'] },
  redire: { participle: 'redit', present: ['redit', 'redisent'], imperfectStem: 'redis', simplePast: ['redit', 'redirent'] },
  prédire: { participle: 'prédit', present: ['prédit', 'prédisent'], imperfectStem: 'prédis', simplePast: ['prédit', 'prédirent'] },
  contredire: { participle: 'contredit', present: ['contredit', 'contredisent'], imperfectStem: 'contredis', simplePast: ['contredit', 'contredirent'] },
  écrire: { participle: 'écrit', present: ['écrit', 'écrivent'], imperfectStem: 'écriv', simplePast: ['écrivit', 'écrivirent'] },
  décrire: { participle: 'décrit', present: ['décrit', 'décrivent'], imperfectStem: 'décriv', simplePast: ['décrivit', 'décrivirent'] },
  conclure: { participle: 'conclu', present: ['conclut', 'concluent'], imperfectStem: 'conclu', simplePast: ['conclut', 'conclurent'] },
  admettre: { participle: 'admis', present: ['admet', 'admettent'], imperfectStem: 'admett', simplePast: ['admit', 'admirent'] },
  promettre: { participle: 'promis', present: ['promet', 'promettent'], imperfectStem: 'promett', simplePast: ['promit', 'promirent'] },
  reconnaître: { participle: 'reconnu', present: ['reconnaît', 'reconnaissent'], imperfectStem: 'reconnaiss', simplePast: ['reconnut', 'reconnurent'] },
  reconnaitre: { participle: 'reconnu', present: ['reconnait', 'reconnaissent'], imperfectStem: 'reconnaiss', simplePast: ['reconnut', 'reconnurent'] },
  répondre: { participle: 'répondu', present: ['répond', 'répondent'], imperfectStem: 'répond', simplePast: ['répondit', 'répondirent'] },
  défendre: { participle: 'défendu', present: ['défend', 'défendent'], imperfectStem: 'défend', simplePast: ['défendit', 'défendirent'] },
  soutenir: { participle: 'soutenu', present: ['soutient', 'soutiennent'], imperfectStem: 'souten', simplePast: ['soutint', 'soutinrent'] },
  maintenir: { participle: 'maintenu', present: ['maintient', 'maintiennent'], imperfectStem: 'mainten', simplePast: ['maintint', 'maintinrent'] },
  prévenir: { participle: 'prévenu', present: ['prévient', 'préviennent'], imperfectStem: 'préven', simplePast: ['prévint', 'prévinrent'] },
  convenir: { participle: 'convenu', present: ['convient', 'conviennent'], imperfectStem: 'conven', simplePast: ['convint', 'convinrent'] },
  poursuivre: { participle: 'poursuivi', present: ['poursuit', 'poursuivent'], imperfectStem: 'poursuiv', simplePast: ['poursuivit', 'poursuivirent'] },
  démentir: { participle: 'démenti', present: ['dément', 'démentent'], imperfectStem: 'dément', simplePast: ['démentit', 'démentirent'] },
  reprendre: { participle: 'repris', present: ['reprend', 'reprennent'], imperfectStem: 'repren', simplePast: ['reprit', 'reprirent'] },
  plaindre: { participle: 'plaint', present: ['plaint', 'plaignent'], imperfectStem: 'plaign', simplePast: ['plaignit', 'plaignirent'] },
};

/**
 * Verbs that count only with a complement that makes them speech:
 * "fait savoir", "a mis en garde", "a fait part de".
 */
const WITH_TAIL: [PrincipalParts, string[]][] = [
  [{ participle: 'fait', present: ['fait', 'font'], imperfectStem: 'fais', simplePast: ['fit', 'firent'] }, ['savoir', 'valoir', 'remarquer', 'observer', 'part', 'état']],
  [{ participle: 'mis', present: ['met', 'mettent'], imperfectStem: 'mett', simplePast: ['mit', 'mirent'] }, ['en garde', 'en avant']],
  [{ participle: 'pris', present: ['prend', 'prennent'], imperfectStem: 'pren', simplePast: ['prit', 'prirent'] }, ['la parole']],
];

/**
 * Verbs that often mean something else with their subject before them
 * ("ont maintenu des échanges", "a lancé une réforme", "a repris le
 * travail"): before their subject they count only when a quote, a colon or
 * "que" follows; after a quote or a comma ("», a lancé X") always.
 */
const NEEDS_CUE = new Set([
  'maintenir', 'reprendre', 'poursuivre', 'soutenir', 'lancer', 'défendre', 'relever', 'noter', 'observer', 'rapporter',
  'exposer', 'proposer', 'glisser', 'lâcher', 'souffler', 'confier', 'qualifier', 'informer', 'appeler', 'menacer',
  'signaler', 'trancher', 'enchaîner', 'corriger', 'compléter', 'analyser', 'raisonner', 'conseiller', 'encourager',
  'ordonner', 'mettre',
]);

/** Verbs that report speech only as reflexives: "s'emporte", "s'est inquiété", not "inquiète les marchés". */
const REFLEXIVE_ONLY = new Set([
  'emporter', 'inquiéter', 'étonner', 'indigner', 'insurger', 'offusquer', 'moquer', 'désoler', 'agacer', 'alarmer', 'exclamer',
  'écrier', 'réjouir', 'plaindre',
]);

/** What a word form is: a participle (after an auxiliary), a finite form, or both; with the words that must follow it. */
export interface SpeechForm {
  participle: boolean;
  finite: boolean;
  tails: string[] | null;
  /** Counts before its subject only when a quote, a colon or "que" follows (NEEDS_CUE). */
  needsCue: boolean;
  /** Counts only after "se"/"s'" (REFLEXIVE_ONLY). */
  reflexiveOnly: boolean;
}

function buildForms(): Map<string, SpeechForm> {
  const forms = new Map<string, SpeechForm>();
  const add = (form: string, kind: 'participle' | 'finite', tails: string[] | null, needsCue: boolean, reflexiveOnly: boolean) => {
    const known = forms.get(form) ?? { participle: false, finite: false, tails, needsCue, reflexiveOnly };
    known[kind] = true;
    // a form shared by two verbs ("dit") needs a cue, or "se", only when both do
    known.needsCue &&= needsCue;
    known.reflexiveOnly &&= reflexiveOnly;
    forms.set(form, known);
  };
  const verbs: [string, PrincipalParts | undefined, string[] | null][] = [
    ...FIRST_GROUP.map((lemma): [string, undefined, null] => [lemma, undefined, null]),
    ...SECOND_GROUP.map((lemma): [string, PrincipalParts, null] => [lemma, secondGroupParts(lemma), null]),
    ...Object.entries(IRREGULAR).map(([lemma, parts]): [string, PrincipalParts, null] => [lemma, parts, null]),
    ...WITH_TAIL.map(([parts, tails]): [string, PrincipalParts, string[]] => [parts.participle, parts, tails]),
  ];
  for (const [lemma, parts, tails] of verbs) {
    const { participles, finite } = conjugate(lemma, parts);
    const needsCue = NEEDS_CUE.has(lemma) && tails === null;
    const reflexiveOnly = REFLEXIVE_ONLY.has(lemma);
    for (const form of participles) add(form, 'participle', tails, needsCue, reflexiveOnly);
    for (const form of finite) add(form, 'finite', tails, needsCue, reflexiveOnly);
  }
  return forms;
}

let forms: Map<string, SpeechForm> | null = null;

/** Every form of every speech verb, lowercase, built on first use. */
export function speechVerbForms(): Map<string, SpeechForm> {
  forms ??= buildForms();
  return forms;
}

/** Where "selon X", "d'après X" start, and where their subject does. */
export interface AccordingTo {
  index: number;
  end: number;
}

/**
 * Every match of /(?:[Ss]elon|[Dd]['’]après)\s+/gu in the text, in order
 * (the subject follows): found from the letters "elon" and "après" by
 * indexOf, which skips the text far faster than a regular expression tries
 * each position of it. (The matches cannot overlap: each ends with its
 * spaces.)
 */
export function accordingToMatches(text: string): AccordingTo[] {
  const found: AccordingTo[] = [];
  for (let at = text.indexOf('elon'); at >= 0; at = text.indexOf('elon', at + 4)) {
    const c = text.charCodeAt(at - 1);
    if (c !== 0x53 && c !== 0x73) continue;
    const end = spacesEnd(text, at + 4);
    if (end > at + 4) found.push({ index: at - 1, end });
  }
  let selon = found.length;
  for (let at = text.indexOf('après'); at >= 0; at = text.indexOf('après', at + 5)) {
    const apostrophe = text.charCodeAt(at - 1);
    const d = text.charCodeAt(at - 2);
    if ((apostrophe !== 0x27 && apostrophe !== 0x2019) || (d !== 0x44 && d !== 0x64)) continue;
    const end = spacesEnd(text, at + 5);
    if (end > at + 5) found.push({ index: at - 2, end });
  }
  if (selon > 0 && selon < found.length) found.sort((a, b) => a.index - b.index);
  return found;
}

/** Where the run of \s (as /u reads it) starting at `i` ends. */
function spacesEnd(text: string, i: number): number {
  while (i < text.length && isWhitespaceUnit(text.charCodeAt(i))) i++;
  return i;
}
