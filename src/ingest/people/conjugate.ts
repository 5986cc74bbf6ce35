/**
 * Third-person forms of French verbs, generated from their lemma: the past
 * participle (for "a déclaré", "s'est réjouie"), the present ("réplique",
 * "répliquent"), the imperfect ("répliquait", "répliquaient") and the simple
 * past ("répliqua", "répliquèrent"). Regular -er verbs are conjugated by
 * rule, with their spelling changes (lancer -> lançait, juger -> jugeait,
 * répéter -> répète, relever -> relève, rappeler -> rappelle); other verbs
 * give their principal parts.
 */

/** Principal parts of a verb that is not a regular -er verb. */
export interface PrincipalParts {
  /** Masculine singular past participle: "dit", "reconnu". */
  participle: string;
  /** Present, third person singular and plural: "reconnaît", "reconnaissent". */
  present: [string, string];
  /** Imperfect stem: "reconnaiss" (-> reconnaissait, reconnaissaient). */
  imperfectStem: string;
  /** Simple past, third person singular and plural: "reconnut", "reconnurent". */
  simplePast: [string, string];
}

export interface VerbForms {
  /** Past participles, all four agreements: "déclaré", "déclarée", "déclarés", "déclarées". */
  participles: string[];
  /** Finite third-person forms: present, imperfect, simple past. */
  finite: string[];
}

/** -eler and -eter verbs that double their consonant rather than take a grave accent. */
const DOUBLING = new Set(['appeler', 'rappeler', 'interpeler', 'jeter', 'rejeter', 'épeler']);

/** "déclaré" -> déclaré, déclarée, déclarés, déclarées; "admis" has no plural of its own. */
function agreements(participle: string): string[] {
  if (participle.endsWith('s')) return [participle, participle + 'e', participle + 'es'];
  return [participle, participle + 'e', participle + 's', participle + 'es'];
}

/** Stem of the present before a mute ending: répét -> répèt, relev -> relèv, rappel -> rappell. */
function mutedStem(lemma: string, stem: string): string {
  const last = /([eé])([^aeiouyéèêëâàîïôûù]+)$/u.exec(stem);
  if (!last) return stem;
  const before = stem[last.index - 1];
  // not a doubled vowel ("tweet" stays; "inquiét" -> "inquièt"), and a single consonant or a mute cluster ("regrett" stays)
  if (before === 'e' || before === 'é') return stem;
  const consonants = last[2];
  if (consonants.length > 1 && !/^(?:[bcdfgkptv][lr]|gn)$/u.test(consonants)) return stem;
  if (last[1] === 'e' && DOUBLING.has(lemma)) return stem + consonants[consonants.length - 1];
  return stem.slice(0, last.index) + 'è' + consonants;
}

/** Stem before an "a" or "o" ending: lanc -> lanç, jug -> juge. */
function hardStem(stem: string): string {
  if (stem.endsWith('c')) return stem.slice(0, -1) + 'ç';
  if (stem.endsWith('g')) return stem + 'e';
  return stem;
}

/** Principal parts of a regular -er verb. */
function firstGroupParts(lemma: string): PrincipalParts {
  const stem = lemma.slice(0, -2);
  const muted = mutedStem(lemma, stem);
  return {
    participle: stem + 'é',
    present: [muted + 'e', muted + 'ent'],
    imperfectStem: hardStem(stem),
    simplePast: [hardStem(stem) + 'a', stem + 'èrent'],
  };
}

/** Principal parts of a regular -ir verb of the second group (avertir, réagir). */
export function secondGroupParts(lemma: string): PrincipalParts {
  const stem = lemma.slice(0, -2);
  return {
    participle: stem + 'i',
    present: [stem + 'it', stem + 'issent'],
    imperfectStem: stem + 'iss',
    simplePast: [stem + 'it', stem + 'irent'],
  };
}

/** Every third-person form of a verb; parts are derived for regular -er verbs. */
export function conjugate(lemma: string, parts?: PrincipalParts): VerbForms {
  const p = parts ?? firstGroupParts(lemma);
  return {
    participles: agreements(p.participle),
    finite: [...p.present, p.imperfectStem + 'ait', p.imperfectStem + 'aient', ...p.simplePast],
  };
}
