import { isFullName } from '../people/person-names.js';
import type { SpeakerFinder } from '../people/extract-speakers.js';
import type { Person } from '../people/role-book.js';
import { foldKey } from '../text/fold.js';
import { firstNotBefore } from '../text/sentences.js';

/**
 * Role anaphora: "a précisé le procureur", "affirme la chercheuse", "le
 * ministre a poursuivi" designate the last person the text gave that role,
 * next to their name ("le procureur de Perpignan, Jean-Jacques Fagni", "Lucie
 * Guimier, chercheuse en géopolitique", "la docteure en géopolitique Lucie
 * Guimier"). Roles are compared by their head noun, the feminine folded onto
 * the masculine ("procureure" = "procureur", "chercheuse" = "chercheur"),
 * so the rule needs no list of roles. When no one was given the role, the
 * text names no speaker: null. Each look-up goes back a bounded number of
 * mentions, so the cost stays linear.
 */

/** How many named people back a role may reach. */
const MENTIONS_BACK = 40;
/** Characters of role phrase read before a name (same sentence) and after it (an apposition). */
const LEFT_WINDOW = 120;
const RIGHT_WINDOW = 120;
const WORDS = /[\p{L}][\p{L}'’-]*/gu;
/** Adjectives that stand before a role noun and are not it ("la jeune mère", "l'ancien ministre"). */
const PRE_ADJECTIVES = new Set(['jeune', 'ancien', 'ancienne', 'nouveau', 'nouvel', 'nouvelle', 'futur', 'future', 'vieux', 'vieil', 'vieille', 'actuel', 'actuelle', 'ex', 'meme', 'autre', 'premier', 'premiere', 'dernier', 'derniere', 'celebre', 'fameux', 'fameuse', 'grand', 'grande', 'jeunes', 'petit', 'petite']);
/** Words after which what follows is a complement, not the role ("le procureur de Paris"): the head comes before. */
const DETERMINER = /^(?:le|la|l['’]|les|ce|cet|cette|son|sa|leur|notre|un|une)(?:\s+|(?<=['’]))/iu;

const FEMININE_E_ENDING = /(?:eur|ant|ent|at|ot|and|ard|ais|ois|in|ain|e|u|i|al|el)e$/u;

/** A role noun in a form comparable across genders: "procureure" and "procureur", "chercheuse" and "chercheur", "présidente" and "président". */
export function roleNoun(word: string): string {
  const w = foldKey(word).replace(/’/gu, "'");
  if (w.length <= 3) return w;
  if (w.endsWith('euse')) return w.slice(0, -4) + 'eur';
  if (w.endsWith('trice')) return w.slice(0, -5) + 'teur';
  if (w.endsWith('ienne') || w.endsWith('enne')) return w.slice(0, -2);
  if (w.endsWith('ere')) return w.slice(0, -3) + 'er';
  if (w.endsWith('ete')) return w.slice(0, -3) + 'et';
  // the last four characters are all the pattern can match: a pattern anchored at the end only is otherwise tried from every position
  if (FEMININE_E_ENDING.test(w.slice(-4))) return w.slice(0, -1);
  return w;
}

/** The head of a role phrase ("le Premier ministre" -> "premier ministre", "la jeune mère de famille" -> "mer"), null when it is no noun phrase. */
export function roleHead(phrase: string): string | null {
  const determiner = DETERMINER.exec(phrase.trim());
  if (!determiner) return null;
  const words = phrase.trim().slice(determiner[0].length).match(WORDS) ?? [];
  for (let i = 0; i < words.length && i < 3; i++) {
    const folded = foldKey(words[i]);
    if (folded === 'chef') {
      // "le chef de l'État", "le chef du gouvernement", "le chef de la diplomatie": the office, not the word
      const rest = foldKey(words.slice(i + 1, i + 4).join(' ')).replace(/’/gu, "'");
      if (/^de l'etat\b/u.test(rest)) return 'president';
      if (/^du gouvernement\b/u.test(rest)) return 'premier ministre';
      if (/^de la diplomatie\b/u.test(rest)) return 'ministre';
    }
    if ((folded === 'premier' || folded === 'premiere') && foldKey(words[i + 1] ?? '') === 'ministre') return 'premier ministre';
    if (PRE_ADJECTIVES.has(folded)) continue;
    if (/^\p{Lu}/u.test(words[i]) && i > 0) return null;
    return folded.length >= 3 ? roleNoun(words[i]) : null;
  }
  return null;
}

export type Gender = 'm' | 'f' | null;
const TITLE_BEFORE = /(?:^|[\s(«"])(M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle)\s*$/u;
/** Endings of masculine role nouns whose feminine is another form (roleNoun folds it back onto them). */
const MASCULINE_ENDING = /(?:eur|ier|ien|et|ant|ent|at|ot|and|ard|ais|ois|in|ain|al|el|er)$/u;

interface RoleEntry {
  start: number;
  person: Person;
  /** Role heads, with the gender the text gives them ("la ministre": f), null when it does not say. */
  nouns: Map<string, Gender>;
}

/** The gender a role phrase says: a feminine noun ("la procureure", "chercheuse") or its determiner ("la ministre", "le ministre"). */
export function roleGender(phrase: string, withDeterminer = true): Gender {
  const trimmed = phrase.trim();
  const determiner = DETERMINER.exec(trimmed);
  const words = trimmed.slice(determiner?.[0].length ?? 0).match(WORDS) ?? [];
  const noun = words.find((w) => !PRE_ADJECTIVES.has(foldKey(w)));
  if (noun) {
    const folded = foldKey(noun).replace(/’/gu, "'");
    if (roleNoun(noun) !== folded) return 'f';
    // a masculine form whose feminine differs ("chercheur", "avocat", "président"): the noun says it
    if (MASCULINE_ENDING.test(folded.slice(-3))) return 'm';
  }
  if (!withDeterminer || !determiner) return null;
  const word = foldKey(determiner[0].trim()).replace(/’/gu, "'");
  if (word === 'le' || word === 'un' || word === 'ce' || word === 'cet') return 'm';
  if (word === 'la' || word === 'une' || word === 'cette' || word === 'sa') return 'f';
  return null;
}

function addHead(into: Map<string, Gender>, head: string, gender: Gender): void {
  if (!into.has(head)) into.set(head, gender);
  else if (into.get(head) !== gender) into.set(head, null);
}

const CLAUSE_WORD = /(?<![\p{L}])(?:a|ont|est|sont|était|avait|sera|qui|que|qu['’]|dont|par|pour|avec|sur|dans|selon)(?![\p{L}])|[.;:!?«»]/iu;
/** A determiner (after "de", "à" when a complement), at a word start: the letter before is checked by headDeterminers, a leading lookbehind is tried at every position. */
const HEAD_DETERMINER = /(?:(de|à|d['’])\s+)?(?:le|la|l['’]|les|un|une|son|sa|ses|leur|ce|cet|cette)\s*(?=\p{L})/giu;
const LETTER = /\p{L}/u;

/** Whether the character (code point) before `index` is a letter. */
function letterBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const c = text.charCodeAt(index - 1);
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) {
    const lead = text.charCodeAt(index - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return LETTER.test(text.slice(index - 2, index));
  }
  return LETTER.test(text[index - 1]);
}

/** The matches of HEAD_DETERMINER that no letter precedes: what (?<![\p{L}]) in front of it would give. */
function headDeterminers(phrase: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  HEAD_DETERMINER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD_DETERMINER.exec(phrase)) !== null) {
    if (letterBefore(phrase, m.index)) {
      HEAD_DETERMINER.lastIndex = m.index + 1;
      continue;
    }
    matches.push(m);
  }
  HEAD_DETERMINER.lastIndex = 0;
  return matches;
}

/** Heads of the role phrases in a window before a name: every noun a determiner introduces, not those of a complement ("de la fédération", "à l'Intérieur"). */
function leftHeads(phrase: string, into: Map<string, Gender>): void {
  // the role phrase that runs up to the name: the last one no verb or relative separates from it
  // tested from the last determiner back: the first that passes is the last one that would (one test, not one per determiner)
  const matches = headDeterminers(phrase);
  let last: RegExpMatchArray | null = null;
  for (let k = matches.length - 1; k >= 0 && !last; k--) {
    const m = matches[k];
    if (!m[1] && !CLAUSE_WORD.test(phrase.slice(m.index! + m[0].length))) last = m;
  }
  if (!last) return;
  const head = roleHead(phrase.slice(last.index));
  if (head) addHead(into, head, roleGender(phrase.slice(last.index)));
}

/** The head of an apposition after a name (", chercheuse en géopolitique,"), its determiner optional. */
function appositionHead(phrase: string, into: Map<string, Gender>): void {
  const withDeterminer = DETERMINER.test(phrase.trim());
  const head = roleHead(withDeterminer ? phrase : `le ${phrase.trim()}`);
  if (head) addHead(into, head, roleGender(phrase, withDeterminer));
}

export class RoleAnaphora {
  private readonly entries: RoleEntry[] = [];
  /** The gender the text gives each person (a title, a gendered role), by person key. */
  private readonly genders = new Map<string, Gender>();

  constructor(
    text: string,
    private readonly finder: SpeakerFinder,
  ) {
    const mentions = finder.mentions;
    let previousEnd = 0;
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      const person = finder.mentionPeople[i];
      const from = Math.max(previousEnd, mention.start - LEFT_WINDOW);
      previousEnd = mention.end;
      if (!mention.titled && !isFullName(person.display)) continue;
      const nouns = new Map<string, Gender>();
      // the role before the name, in its sentence ("le procureur de Perpignan, Jean-Jacques Fagni")
      let left = text.slice(from, mention.start);
      const stop = Math.max(left.lastIndexOf('. '), left.lastIndexOf('\n'), left.lastIndexOf('»'), left.lastIndexOf('«'));
      if (stop >= 0) left = left.slice(stop + 1);
      leftHeads(left, nouns);
      // an apposition after it ("Lucie Guimier, chercheuse en géopolitique,")
      const right = /^\s*,\s*([^,.;:!?«»()\n]{3,})/u.exec(text.slice(mention.end, mention.end + RIGHT_WINDOW));
      if (right) appositionHead(right[1], nouns);
      if (nouns.size > 0) this.entries.push({ start: mention.start, person, nouns });
      const title = TITLE_BEFORE.exec(text.slice(Math.max(0, mention.start - 12), mention.start));
      const genders = [...nouns.values(), title ? (/^M(?:M)?\.|^Monsieur/u.test(title[1]) ? 'm' : 'f') : null].filter((g): g is 'm' | 'f' => g !== null);
      for (const gender of genders) addHead(this.genders, person.key, gender);
    }
  }

  /** The gender the text gives a person, null when it does not say (or says both). */
  genderOf(person: Person): Gender {
    return this.genders.get(person.key) ?? null;
  }

  /** The last person given the role of this phrase before `index`; null when none was (or the phrase is no role). */
  personWithRole(phrase: string, index: number): Person | null {
    const head = roleHead(phrase);
    if (head === null) return null;
    const gender = roleGender(phrase);
    const low = firstNotBefore(this.entries.length, (k) => this.entries[k].start < index);
    for (let k = low - 1; k >= 0 && k >= low - MENTIONS_BACK; k--) {
      const nouns = this.entries[k].nouns;
      if (!nouns.has(head)) continue;
      const given = nouns.get(head) ?? null;
      if (gender === null || given === null || given === gender) return this.entries[k].person;
    }
    // the one person of that role in the whole text ("le ministre russe", its country or portfolio compared)
    return /^(?:le|la|l['’])/iu.test(phrase.trim()) ? this.finder.roleBook.personWithRole(phrase.trim().replace(DETERMINER, '')) : null;
  }

  /** Whether the phrase reads as a role ("le procureur", "la jeune mère de famille") at all. */
  static isRolePhrase(phrase: string): boolean {
    return roleHead(phrase) !== null;
  }
}
