import { clauseStart } from '../text/sentences.js';
import type { NameMention } from './person-names.js';
import { addRole, isRolePhrase, parseRole, roleFits, type PersonRoles } from './roles.js';

/** A person as the speaker finder knows them: the spelling to show and the key spellings meet under. */
export interface Person {
  display: string;
  key: string;
}

/** Where a role word may start a role phrase ("ministre", "chef de la diplomatie", "présidente"…). */
export const ROLE_START = /(?:ministre|présidente?|president|chef|secrétaire|secretaire|conseill|porte-parole|ambassad|premi[eè]re?|vice-|chancel|roi |reine|directeur|directrice|commissaire|gouverneur|maire)/iu;
const ROLE_STARTS = new RegExp(ROLE_START.source, 'giu');
/** ", conseiller d'Etat et ministre des Affaires étrangères de Chine," after a name. */
const ROLE_AFTER_NAME = /^\s*,\s*((?:l['’]|le |la )?[^,.;:!?«»()\n]{3,140})[,.;)\n]/u;

const MAX_ANSWERS = 1000;
const MAX_PEOPLE_COMPARED = 200;

/**
 * The roles a text gives the people it names, read from the role phrases
 * next to their names: before ("le ministre russe des Affaires étrangères,
 * Sergueï Lavrov") or after ("Wang Yi, conseiller d'Etat et ministre…,").
 * Answers "who is 'le ministre russe' here?" when exactly one person fits.
 */
export class RoleBook {
  private readonly roles = new Map<string, PersonRoles>();
  private readonly displayByKey = new Map<string, string>();
  private readonly answers = new Map<string, Person | null>();

  constructor(text: string, mentions: NameMention[], people: Person[]) {
    let previousEnd = 0;
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      const windowStart = Math.max(previousEnd, clauseStart(text, mention.start), mention.start - 160);
      const left = text.slice(windowStart, mention.start);
      // the first role word from which the rest up to the name is a role phrase: the longest such phrase
      for (const start of left.matchAll(ROLE_STARTS)) {
        const phrase = left.slice(start.index).replace(/[\s,]+$/u, '');
        if (isRolePhrase(phrase)) {
          this.add(people[i], phrase);
          break;
        }
      }
      const right = ROLE_AFTER_NAME.exec(text.slice(mention.end, mention.end + 180));
      if (right && ROLE_START.test(right[1]) && isRolePhrase(right[1])) this.add(people[i], right[1]);
      previousEnd = mention.end;
    }
  }

  private add(person: Person, phrase: string): void {
    const roles = this.roles.get(person.key) ?? { heads: new Set(), portfolios: new Set(), countries: new Set() };
    addRole(roles, parseRole(phrase)!);
    this.roles.set(person.key, roles);
    this.displayByKey.set(person.key, person.display);
  }

  /** The one person the text gives this role ("ministre russe"), or null when none or several fit. */
  personWithRole(phrase: string): Person | null {
    // the book does not change once built: one answer per phrase
    const known = this.answers.get(phrase);
    if (known !== undefined) return known;
    const answer = this.findPersonWithRole(phrase);
    if (this.answers.size < MAX_ANSWERS) this.answers.set(phrase, answer);
    return answer;
  }

  private findPersonWithRole(phrase: string): Person | null {
    if (!isRolePhrase(phrase)) return null;
    // a role so many people hold is ambiguous anyway; the bound keeps each look-up constant
    if (this.roles.size > MAX_PEOPLE_COMPARED) return null;
    const query = parseRole(phrase)!;
    const fits = [...this.roles].filter(([, roles]) => roleFits(query, roles));
    if (fits.length !== 1) return null;
    const key = fits[0][0];
    return { display: this.displayByKey.get(key)!, key };
  }
}
