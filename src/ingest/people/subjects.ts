import { isAbbreviationPeriod } from '../text/sentences.js';
import type { SpeakerFinder } from './extract-speakers.js';
import { firstName, nameAtEnd } from './person-names.js';
import { ROLE_START, type Person } from './role-book.js';
import { isRolePhrase } from './roles.js';
import { isTitleWord } from '../lexicon/name-words.js';
import { countryOf } from '../lexicon/places.js';

/**
 * The subject of a speech verb, read in a bounded window before it ("Le
 * ministre indien, Subrahmanyam Jaishankar, a reconnu") or after it ("»,
 * rappelle à l'AFP le prince X"; "selon X").
 */

const DEMONSTRATIVE = /^(?:ce dernier|cette dernière|celui-ci|celle-ci)\b/iu;
const DEMONSTRATIVE_AT_END = /(?:^|\s)(?:ce dernier|cette dernière|celui-ci|celle-ci)$/iu;
const PRONOUN_AT_END = /(?:^|\s)(?:il|elle|ils|elles)$/iu;
const IMPERSONAL_AT_END = /(?:^|\s)on$/iu;
const PRONOUN_ALONE = /^(?:lui|elle|eux|il)\b/iu;
const COORDINATION_AT_END = /(?:^|\s)(?:et|puis|mais|avant de|tout en)$/iu;
const QUOTE_BEFORE = /(?:[»”"–—]|(?<![\p{L}])(?:l|qu)['’])\s*$/u;
const COMMA_BEFORE = /,\s*$/u;
const RIGHT_PHRASE_END = /[,.;:!?«»()\n"“”]|\s(?:qui|que|qu['’]|dont|lors|en|à|au|aux|dans|sur|pour|devant|après|avant|auprès|depuis|chez)\s/gu;
/** A determiner and lowercase words: an unlisted role before a name ("la préfète", "l'éleveuse", "l'un d'eux"). */
const LOWERCASE_ROLE = /^(?:le|la|l['’]|les|son|sa|leur|un|une|l['’]un|l['’]une)\s*[\p{Ll}\s'’-]{0,60}$/u;
const DETERMINER_ROLE = /^(?:le|la|l['’]|son|sa|leur)\s*(.+)$/iu;
/** What may stand between a verb and its subject written after it: a time ("mardi soir") or a short complement ("à l'AFP", "sur BFMTV", "dans un communiqué"). */
const SKIPPABLE =
  /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)(?:\s+(?:matin|soir|midi|après-midi))?\s+|(?:ce|cette)\s+(?:matin|soir|midi|après-midi|semaine)\s+|(?:(?:auprès|lors)\s+(?:de|du|des)\s+|(?:auprès|lors)\s+d['’]|(?:à|au|aux|sur|dans|devant|en|pour|chez)\s+)(?:(?:l['’]|la\s|le\s|les\s|un\s|une\s|son\s|sa\s|ses\s|leur\s|des\s|du\s|de\s|d['’])\s*)?[\p{L}\p{N}-]+(?:\s+(?:de|du|des|d['’])\s*[\p{L}-]+)?\s*,?\s+)/iu;
const LEADING_SPACE = /^\s+/u;
/** "a tweeté de son côté X", "a déclaré lui aussi X": adverbs between the verb and its subject. */
const ADVERB_AFTER = /^(?:\p{Ll}{4,}ment|de son côté|de leur côté|pour sa part|pour leur part|à son tour|à leur tour|lui aussi|elle aussi|lui-même|elle-même|également|aussi|encore|alors|ensuite|enfin|notamment|toutefois|cependant|pourtant|d['’]ailleurs|par ailleurs|quant à lui|quant à elle)(?:\s*,)?\s+/iu;
/** "», estime, enthousiaste, Didier Grimoin": an adjective set off by commas. */
const DETACHED_ADJECTIVE = /^[\p{Ll}-]{3,20},\s+(?=\p{Lu})/u;
const RELATIVE_AT_END = /\s+qui$/u;
const INCISE = /[–—(]/u;
const ROLE_THEN_NAME = /^([^,.;:!?«»()\n]{3,100}),\s*/u;
/** Words that make a phrase a clause rather than a role ("le maire qui a…", "la ville est"). */
const CLAUSE_WORDS = /(?:^|\s)(?:a|ont|est|sont|était|avait|qui|que|qu['’]|dont|se|s['’]|ne|n['’]|il|elle|ils|elles|on)(?=\s|$)/iu;
const DETERMINER_START = /^(?:le|la|l['’]|les|son|sa|leur|un|une|l['’]un|l['’]une|cet|ce|cette|notre)(?:\s|(?<=['’]))/iu;

/** "… du premier ministre français", "l'entourage de": what makes the name after it a complement, not the subject. */
const OF_BEFORE_NAME = /(?:^|\s)(?:de|du|des|d['’])\s*((?:[\p{Ll}'’-]+\s+){0,4})$/u;

/** Whether the name after `before` is the complement of a noun ("le porte-parole du président X", "l'entourage de X"). */
export function isComplementOfNoun(before: string): boolean {
  const of = OF_BEFORE_NAME.exec(before.endsWith(' ') ? before : before + ' ');
  if (!of) return false;
  const words = of[1].trim().split(/\s+/u).filter(Boolean);
  // "le ministre de l'Intérieur Christophe Castaner" has a capitalised portfolio between: no match above
  return words.every((w) => isTitleWord(w) || countryOf(w) !== null || /^(?:la|le|l['’]|ancien|ancienne|ex|futur|future)$/u.test(w));
}

/** A determiner-led phrase that names a role ("le procureur de la République d'Angers", "l'un d'eux"), not a clause. */
export function isRoleLead(phrase: string): boolean {
  if (phrase === '') return false;
  if (isRolePhrase(phrase) || LOWERCASE_ROLE.test(phrase)) return true;
  return phrase.length <= 100 && DETERMINER_START.test(phrase) && !CLAUSE_WORDS.test(phrase);
}

export class SubjectReader {
  constructor(private readonly finder: SpeakerFinder) {}

  private get text(): string {
    return this.finder.text;
  }

  /** What comes right before the verb: a quote ("», a dit X"), a comma ("…, a dit X"), or neither. */
  invertedBefore(index: number): 'quote' | 'comma' | null {
    const before = this.text.slice(Math.max(0, index - 4), index);
    if (QUOTE_BEFORE.test(before)) return 'quote';
    return COMMA_BEFORE.test(before) ? 'comma' : null;
  }

  /** Whether the clause before a comma and the verb at `index` opens with a subject noun phrase ("L'ancienne icône du cinéma, …,"). */
  opensWithSubject(index: number): boolean {
    const clause = this.text.slice(this.finder.clauseStart(index), index);
    const first = clause.split(',', 1)[0].trim();
    return /^\p{Lu}/u.test(first) && isRoleLead(first);
  }

  /** Subject written before the verb, in the clause that ends at `index`. */
  before(index: number): Person[] {
    let start = this.finder.clauseStart(index);
    let clause = this.text.slice(start, index).trimEnd();
    // "Richard Ferrand (LREM, parti présidentiel), a dit": read past the parenthesis
    if (this.text[start - 1] === '(' && clause.includes(')')) {
      const outer = this.finder.clauseStart(start - 1);
      clause = (this.text.slice(outer, start - 1) + clause.slice(clause.indexOf(')') + 1)).trimEnd();
      start = outer;
    }
    const segment = clause.slice(clause.lastIndexOf(',') + 1).trim();
    if (segment === '') return this.apposition(clause, start);
    if (COORDINATION_AT_END.test(segment)) return this.clauseSubject(clause, start) ?? this.finder.previousSpeaker(index);
    if (IMPERSONAL_AT_END.test(segment)) return [];
    if (PRONOUN_AT_END.test(segment)) return this.finder.previousSpeaker(index);
    if (DEMONSTRATIVE_AT_END.test(segment)) return this.finder.nearestPerson(index);
    // "…, Frigide Barjot, qui disait": the name before the relative pronoun
    if (segment === 'qui') return this.apposition(clause.slice(0, clause.lastIndexOf(',') + 1), start);
    const subject = segment.replace(RELATIVE_AT_END, '');
    // "Priscillia Ludosky et Maxime Nicolle ont déclaré": two subjects; "L'humoriste et animateur X a dit": one
    let parts = subject.split(/\s+et\s+/u);
    let names = parts.map((part) => nameAtEnd(part));
    if (parts.length > 1 && names.some((n) => n === null)) {
      parts = [subject];
      names = [nameAtEnd(subject)];
    }
    if (names.every((n) => n !== null)) {
      if (isComplementOfNoun(parts[0].slice(0, parts[0].length - names[0]!.name.length))) return [];
      return names.map((n) => this.finder.speaker(n!, index)).filter((p): p is Person => p !== null);
    }
    const role = this.role(subject);
    if (role) return role;
    // "Matteo Salvini, patron de la Ligue, parti souverainiste a déclaré": a lowercase apposition before the verb
    if (/^\p{Ll}/u.test(subject) && !DETERMINER_START.test(subject) && !CLAUSE_WORDS.test(subject) && subject.length <= 80) {
      return this.apposition(clause.slice(0, clause.lastIndexOf(',') + 1), start);
    }
    // "Alain Juppé, le maire de Bordeaux – théâtre de débordements – a estimé": the name opening the clause
    return INCISE.test(segment) || LOWERCASE_ROLE.test(subject) ? this.apposition(clause, start, 'opening') : [];
  }

  /** "M. Kouleba a remercié … et a souligné": the name that opens the clause, if any. */
  private clauseSubject(clause: string, clauseStartsAt: number): Person[] | null {
    const name = firstName(clause.slice(0, 120));
    if (!name) return null;
    const before = clause.slice(0, name.index).trim();
    if (before.length > 30 && !isRolePhrase(before)) return null;
    const person = this.finder.speaker(name, clauseStartsAt + name.index);
    return person ? [person] : null;
  }

  /**
   * The clause ends with a comma before the verb: the subject is the name
   * of one of its comma-separated parts, before an apposition ("Wang Yi,
   * conseiller d'Etat, a souligné") or after a role ("Le ministre indien des
   * Affaires étrangères, Subrahmanyam Jaishankar, a reconnu"; "l'un d'eux,
   * Maxime Nicolle, a assuré").
   */
  private apposition(clause: string, clauseStartsAt: number, mode: 'any' | 'opening' | 'before quote' = 'any'): Person[] {
    const openingOnly = mode === 'opening';
    if (clause.replace(/[\s,]+/gu, '') === '') {
      if (mode !== 'any') return [];
      // "Sophie Tissier, 40 ans, «mère isolée», a expliqué": the clause is cut by a quote inside the apposition
      const earlier = this.beforeQuote(clauseStartsAt);
      if (earlier !== null) return this.apposition(this.text.slice(earlier, clauseStartsAt), earlier, 'before quote');
      return [];
    }
    const parts = clause.split(',', 6);
    for (let i = 0; i < parts.length - (mode === 'any' ? 1 : 0) && i < 4; i++) {
      const part = parts[i].trim();
      if (part === '') continue;
      const name = nameAtEnd(part);
      if (name) {
        const head = part.slice(0, part.length - name.name.length).trim();
        const headFits =
          !isComplementOfNoun(head) && (openingOnly ? head === '' || isRolePhrase(head) || LOWERCASE_ROLE.test(head) : head.length <= 40 || isRoleLead(head));
        if (headFits) {
          const person = this.finder.speaker(name, clauseStartsAt);
          if (person) return [person];
        }
        if (openingOnly) return [];
        continue;
      }
      if (openingOnly) return [];
    }
    return this.role(parts[0]) ?? [];
  }

  /** Start of the clause before a quote or parenthesis that ends right before `index` (", «…», ", " (LREM), "), else null. */
  private beforeQuote(index: number): number | null {
    let i = index - 1;
    while (i >= 0 && /[\s,]/u.test(this.text[i])) i--;
    if (i < 0 || !'»”")'.includes(this.text[i])) return null;
    // a bounded look back: an unopened quote must not make every verb scan the whole text
    const from = Math.max(0, i - 200);
    const quoted = this.text.slice(from, i);
    const open = this.text[i] === ')' ? quoted.lastIndexOf('(') : Math.max(quoted.lastIndexOf('«'), quoted.lastIndexOf('“'), quoted.lastIndexOf('"'));
    if (open < 0) return null;
    return this.finder.clauseStart(from + open);
  }

  /** "le ministre russe" as the one person the text gives that role. */
  private role(phrase: string): Person[] | null {
    const role = DETERMINER_ROLE.exec(phrase.trim());
    if (!role || !ROLE_START.test(role[1])) return null;
    const person = this.finder.roleBook.personWithRole(role[1]);
    return person ? [person] : null;
  }

  /** Subject written after the verb ("…, a déclaré M. Wang", "selon le ministre russe"); null when there is none to read. */
  after(from: number, according: boolean, endsAtComma = false): Person[] | null {
    let window = this.text.slice(from, from + 200);
    let offset = 0;
    for (let skips = 0; skips < 3; skips++) {
      const space = LEADING_SPACE.exec(window.slice(offset));
      if (space) offset += space[0].length;
      const rest = window.slice(offset);
      const skipped = according ? null : (SKIPPABLE.exec(rest) ?? ADVERB_AFTER.exec(rest) ?? DETACHED_ADJECTIVE.exec(rest));
      if (!skipped) break;
      offset += skipped[0].length;
    }
    window = window.slice(offset);
    let end = window.length;
    let endChar = '';
    RIGHT_PHRASE_END.lastIndex = 0;
    for (const m of window.matchAll(RIGHT_PHRASE_END)) {
      if (m[0] === '.' && isAbbreviationPeriod(window, m.index)) continue;
      end = m.index;
      endChar = m[0];
      break;
    }
    const phrase = window.slice(0, end).trim();
    if (phrase === '' || /^qu/iu.test(phrase)) return null;
    if (endsAtComma && endChar !== ',') return null;
    if (DEMONSTRATIVE.test(phrase)) return this.finder.nearestPerson(from);
    if (PRONOUN_ALONE.test(phrase)) return this.finder.previousSpeaker(from);
    const name = firstName(phrase);
    const at = from + offset;
    if (name) {
      const before = phrase.slice(0, name.sequenceIndex).trim();
      const lead = phrase.slice(0, name.index);
      if (before === '' || ((isRolePhrase(before) || isRoleLead(before)) && !isComplementOfNoun(lead))) {
        const person = this.finder.speaker(name, at);
        return person ? [person] : [];
      }
    }
    // "a affirmé l'autre vice-Premier ministre, Matteo Salvini"; "le secrétaire d'État à l'Intérieur, Laurent Nuñez"
    const lead = ROLE_THEN_NAME.exec(window);
    if (lead && isRoleLead(lead[1])) {
      const next = window.slice(lead[0].length, lead[0].length + 80);
      const named = firstName(next);
      if (named && (named.sequenceIndex === 0 || isRoleLead(next.slice(0, named.sequenceIndex).trim()))) {
        const person = this.finder.speaker(named, at);
        if (person) return [person];
      }
    }
    // "le procureur de la République d'Angers Yves Gambert"
    const longer = /^[^,.;:!?«»()\n]{3,120}/u.exec(window);
    if (longer && longer[0].length > phrase.length) {
      const named = firstName(longer[0]);
      const lead = longer[0].slice(0, named?.sequenceIndex ?? 0).trim();
      if (named && isRoleLead(lead) && !isComplementOfNoun(longer[0].slice(0, named.index))) {
        const person = this.finder.speaker(named, at);
        if (person) return [person];
      }
    }
    return this.role(phrase) ?? [];
  }
}
