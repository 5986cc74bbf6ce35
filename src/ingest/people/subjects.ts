import { isAbbreviationPeriod } from '../text/sentences.js';
import type { SpeakerFinder } from './extract-speakers.js';
import { firstName, nameAtEnd } from './person-names.js';
import { ROLE_START, type Person } from './role-book.js';
import { isRolePhrase } from './roles.js';

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
  /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)(?:\s+(?:matin|soir|midi|après-midi))?\s+|(?:ce|cette)\s+(?:matin|soir|midi|après-midi|semaine)\s+|(?:à|au|aux|sur|dans|devant|auprès\s+d[eu']|lors\s+d['’eu]|en|pour|chez)\s*(?:(?:l['’]|la\s|le\s|les\s|un\s|une\s|son\s|sa\s|ses\s|leur\s|des\s|du\s|de\s|d['’])\s*)?[\p{L}\p{N}-]+(?:\s+(?:de|du|des|d['’])\s*[\p{L}-]+)?\s*,?\s+)/iu;
const LEADING_SPACE = /^\s+/u;

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

  /** Subject written before the verb, in the clause that ends at `index`. */
  before(index: number): Person[] {
    const start = this.finder.clauseStart(index);
    const clause = this.text.slice(start, index).trimEnd();
    const segment = clause.slice(clause.lastIndexOf(',') + 1).trim();
    if (segment === '') return this.apposition(clause, start);
    if (COORDINATION_AT_END.test(segment)) return this.clauseSubject(clause, start) ?? this.finder.previousSpeaker(index);
    if (IMPERSONAL_AT_END.test(segment)) return [];
    if (PRONOUN_AT_END.test(segment)) return this.finder.previousSpeaker(index);
    if (DEMONSTRATIVE_AT_END.test(segment)) return this.finder.nearestPerson(index);
    const names = segment.split(/\s+et\s+/u).map((part) => nameAtEnd(part));
    if (names.every((n) => n !== null)) return names.map((n) => this.finder.speaker(n!, index)).filter((p): p is Person => p !== null);
    return this.role(segment) ?? [];
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
  private apposition(clause: string, clauseStartsAt: number): Person[] {
    const parts = clause.split(',', 5);
    for (let i = 0; i < parts.length - 1 && i < 3; i++) {
      const part = parts[i].trim();
      const name = nameAtEnd(part);
      if (name) {
        const head = part.slice(0, part.length - name.name.length).trim();
        if (head.length <= 40 || isRolePhrase(head) || LOWERCASE_ROLE.test(head)) {
          const person = this.finder.speaker(name, clauseStartsAt);
          if (person) return [person];
        }
        return [];
      }
      // only a role, or a role-like lowercase phrase, may come before the name
      if (i > 0 || !(isRolePhrase(part) || LOWERCASE_ROLE.test(part) || ROLE_START.test(part.slice(0, 30)))) return this.role(part) ?? [];
    }
    return [];
  }

  /** "le ministre russe" as the one person the text gives that role. */
  private role(phrase: string): Person[] | null {
    const role = DETERMINER_ROLE.exec(phrase.trim());
    if (!role || !ROLE_START.test(role[1])) return null;
    const person = this.finder.roleBook.personWithRole(role[1]);
    return person ? [person] : null;
  }

  /** Subject written after the verb ("…, a déclaré M. Wang", "selon le ministre russe"); null when there is none to read. */
  after(from: number, according: boolean): Person[] | null {
    let window = this.text.slice(from, from + 200);
    let offset = 0;
    for (let skips = 0; skips < 3; skips++) {
      const space = LEADING_SPACE.exec(window.slice(offset));
      if (space) offset += space[0].length;
      const skipped = according ? null : SKIPPABLE.exec(window.slice(offset));
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
    if (DEMONSTRATIVE.test(phrase)) return this.finder.nearestPerson(from);
    if (PRONOUN_ALONE.test(phrase)) return this.finder.previousSpeaker(from);
    const name = firstName(phrase);
    const at = from + offset;
    if (name) {
      const before = phrase.slice(0, name.index).trim();
      if (before === '' || isRolePhrase(before) || LOWERCASE_ROLE.test(before)) {
        const person = this.finder.speaker(name, at);
        return person ? [person] : [];
      }
    }
    // "a affirmé l'autre vice-Premier ministre, Matteo Salvini"
    if (endChar === ',' && (DETERMINER_ROLE.test(phrase) || isRolePhrase(phrase))) {
      const next = window.slice(end + 1, end + 80).trimStart();
      const named = firstName(next);
      if (named && named.index === 0) {
        const person = this.finder.speaker(named, at);
        if (person) return [person];
      }
    }
    return this.role(phrase) ?? [];
  }
}
