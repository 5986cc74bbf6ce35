import { EDITOR_BYLINE } from '../chrome/chrome-patterns.js';
import { personKey } from '../text/fold.js';
import { curatedBySurname, preferredSpelling } from './canonical-names.js';
import { findNameMentions, firstName, nameAtEnd, type NameMention } from './person-names.js';
import { addRole, isRolePhrase, parseRole, roleFits, type PersonRoles } from './roles.js';
import { wordStartMatches } from '../text/scan.js';
import { ACCORDING_TO, GLUED_TO_VERB, SPEECH_VERB } from './speech-verbs.js';

/**
 * The people who speak in a text, most often first. A person speaks when a
 * speech verb has them as subject:
 * - before the verb: "Wang Yi a déclaré", "M. Wang a noté", "Le ministre Wang Yi a réitéré";
 * - after it, when a quote or comma comes first: "», a déclaré X", "…, a conclu M. Wang";
 * - "selon X";
 * - a pronoun ("a-t-il affirmé", "Il a ajouté") is the nearest preceding speaker;
 * - "ce dernier" is the nearest preceding person named;
 * - a role ("le ministre russe", "le chef de la diplomatie chinoise") is the one
 *   person the text gives that role, when there is exactly one.
 * One-word names ("M. Wang") resolve to the full name the text gives whose
 * first or last word it is ("Wang Yi"). Countries, cities, organisations and
 * pronouns are never speakers; nor are the editors named in a byline.
 */

const EDITOR_BYLINE_RE = new RegExp(EDITOR_BYLINE, 'giu');
const ROLE_START = /(?:ministre|présidente?|president|chef|secrétaire|secretaire|conseill|porte-parole|ambassad|premi[eè]re?|vice-|chancel|roi |reine|directeur|directrice|commissaire|gouverneur|maire)/iu;
const ROLE_STARTS = new RegExp(ROLE_START.source, 'giu');
const DEMONSTRATIVE = /^(?:ce dernier|cette dernière|celui-ci|celle-ci)\b/iu;
const DEMONSTRATIVE_AT_END = /(?:^|\s)(?:ce dernier|cette dernière|celui-ci|celle-ci)$/iu;
const PRONOUN_AT_END = /(?:^|\s)(?:il|elle|ils|elles)$/iu;
const PRONOUN_ALONE = /^(?:lui|elle|eux|il)\b/iu;
const COORDINATION_AT_END = /(?:^|\s)(?:et|puis|mais)$/iu;
const INVERTED_PRONOUN = /-(?:il|elle|ils|elles)$/iu;
const INVERSION_BEFORE = /(?:[,»”"–—]|(?<![\p{L}])(?:l|qu)['’])\s*$/u;
const RIGHT_PHRASE_END = /[,.;:!?«»()\n"“”]|\s(?:qui|que|qu['’]|dont|lors|en|à|au|dans|sur|pour|devant|après|avant)\s/gu;
/** A determiner and lowercase words: an unlisted role before a name ("la préfète", "l'éleveuse"). */
const LOWERCASE_ROLE = /^(?:le|la|l['’]|les|son|sa|leur)\s*[\p{Ll}\s'’-]{0,60}$/u;
const ABBREVIATION_BEFORE_PERIOD = /(?:^|[\s(])(?:M|MM|Mme|Dr|Pr|Mgr|St|\p{Lu})$/u;

interface Person {
  display: string;
  key: string;
}

interface SpeechEvent {
  people: Person[];
  index: number;
}

/** Start of the clause that ends at `index`: after the last sentence or quote boundary. */
function clauseStart(text: string, index: number): number {
  const floor = Math.max(0, index - 400);
  for (let i = index - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || c === ';' || c === ':' || c === '!' || c === '?' || c === '«' || c === '»' || c === '“' || c === '”' || c === '"' || c === '(') return i + 1;
    if (c === '.' && !ABBREVIATION_BEFORE_PERIOD.test(text.slice(Math.max(0, i - 4), i))) return i + 1;
  }
  return floor;
}

class SpeakerFinder {
  private readonly mentions: NameMention[];
  private readonly fullNames: NameMention[];
  /** personKey of each full name's first and last word, for resolving "M. Wang". */
  private readonly fullNameEnds: [string, string][];
  /** The person each mention is, resolved once. */
  private readonly mentionPeople: Person[];
  private readonly roles = new Map<string, PersonRoles>();
  private readonly displayByKey = new Map<string, string>();
  private readonly events: SpeechEvent[] = [];

  constructor(private readonly text: string) {
    this.mentions = findNameMentions(text);
    this.fullNames = this.mentions.filter((m) => m.name.includes(' '));
    this.fullNameEnds = this.fullNames.map((m) => {
      const words = personKey(m.name).split(' ');
      return [words[0], words[words.length - 1]];
    });
    this.mentionPeople = this.mentions.map((m) => this.resolve(m.name, m.start));
    this.collectRoles();
  }

  /**
   * A name as a speaker. One capitalised word alone ("Renault a annoncé",
   * "Marignane a indiqué") is too often a company or a place: it is a person
   * only with a title ("M. Wang"), when the text gives the full name it
   * belongs to, or when the curated list knows it as a surname.
   */
  private speaker(found: { name: string; titled: boolean }, index: number): Person | null {
    const person = this.resolve(found.name, index);
    if (person.display.includes(' ') || found.titled) return person;
    const curated = curatedBySurname(found.name);
    return curated ? { display: curated, key: personKey(curated) } : null;
  }

  /** "Wang" at `index` -> "Wang Yi" when the text gives that full name; a full name stays as it is. */
  private resolve(name: string, index: number): Person {
    if (!name.includes(' ')) {
      const key = personKey(name);
      const candidates = this.fullNames.filter((_, i) => this.fullNameEnds[i][0] === key || this.fullNameEnds[i][1] === key);
      const distinct = new Set(candidates.map((m) => personKey(m.name)));
      if (distinct.size === 1) name = candidates[0].name;
      else if (distinct.size > 1) {
        const before = candidates.filter((m) => m.start < index);
        name = (before.length > 0 ? before[before.length - 1] : candidates[0]).name;
      }
    }
    return { display: name, key: personKey(name) };
  }

  private collectRoles(): void {
    let previousEnd = 0;
    for (let i = 0; i < this.mentions.length; i++) {
      const mention = this.mentions[i];
      const person = this.mentionPeople[i];
      const windowStart = Math.max(previousEnd, clauseStart(this.text, mention.start), mention.start - 160);
      const left = this.text.slice(windowStart, mention.start);
      // the longest role phrase that ends at the name ("… avec le ministre russe des Affaires étrangères, Sergueï Lavrov")
      for (const start of left.matchAll(ROLE_STARTS)) {
        const phrase = left.slice(start.index).replace(/[\s,]+$/u, '');
        if (isRolePhrase(phrase)) {
          this.addRole(person, phrase);
          break;
        }
      }
      const right = /^\s*,\s*((?:l['’]|le |la )?[^,.;:!?«»()\n]{3,140})[,.;)\n]/u.exec(this.text.slice(mention.end, mention.end + 180));
      if (right && ROLE_START.test(right[1])) this.addRole(person, right[1]);
      previousEnd = mention.end;
    }
  }

  private addRole(person: Person, phrase: string): void {
    if (!isRolePhrase(phrase)) return;
    const role = parseRole(phrase)!;
    const roles = this.roles.get(person.key) ?? { heads: new Set(), portfolios: new Set(), countries: new Set() };
    addRole(roles, role);
    this.roles.set(person.key, roles);
    this.displayByKey.set(person.key, person.display);
  }

  /** The one person the text gives this role, or null. */
  private byRole(phrase: string): Person | null {
    if (!isRolePhrase(phrase)) return null;
    const query = parseRole(phrase)!;
    const fits = [...this.roles].filter(([, roles]) => roleFits(query, roles));
    if (fits.length !== 1) return null;
    const key = fits[0][0];
    return { display: this.displayByKey.get(key)!, key };
  }

  /**
   * The speaker a pronoun stands for. Only an earlier speaker, never merely
   * the last person named: in "le président Poutine … La Chine, a-t-il
   * affirmé" the "il" is the minister who spoke before, not Poutine.
   */
  private previousSpeaker(index: number): Person[] {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].index < index) return this.events[i].people.slice(-1);
    return [];
  }

  private nearestPerson(index: number): Person[] {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.end <= index && (m.titled || this.mentionPeople[i].display.includes(' '))) return [this.mentionPeople[i]];
    }
    return [];
  }

  /** Subject written before the verb, in the clause that ends at `index`. */
  private subjectBefore(index: number): Person[] {
    const start = clauseStart(this.text, index);
    const clause = this.text.slice(start, index).trimEnd();
    const segment = clause.slice(clause.lastIndexOf(',') + 1).trim();
    if (segment === '') return this.appositionSubject(clause, start);
    if (COORDINATION_AT_END.test(segment)) return this.previousSpeaker(index);
    if (PRONOUN_AT_END.test(segment)) return this.previousSpeaker(index);
    if (DEMONSTRATIVE_AT_END.test(segment)) return this.nearestPerson(index);
    const names = segment.split(/\s+et\s+/u).map((part) => nameAtEnd(part));
    if (names.every((n) => n !== null)) return names.map((n) => this.speaker(n!, index)).filter((p): p is Person => p !== null);
    const role = /^(?:le|la|l['’]|son|sa|leur)\s*(.+)$/iu.exec(segment);
    if (role && ROLE_START.test(role[1])) {
      const person = this.byRole(role[1]);
      if (person) return [person];
    }
    return [];
  }

  /** "Wang Yi, conseiller d'Etat…, a souligné que…": the name opening the clause. */
  private appositionSubject(clause: string, clauseStartsAt: number): Person[] {
    const firstComma = clause.indexOf(',');
    if (firstComma <= 0) return [];
    const head = clause.slice(0, firstComma).trim();
    const name = nameAtEnd(head);
    // only a clause that opens with the name ("Wang Yi, …"; "Le ministre Wang Yi, …"), not "En 2020, …"
    if (!name || head.length - name.name.length > 40) return [];
    const person = this.speaker(name, clauseStartsAt);
    return person ? [person] : [];
  }

  /** Subject written after the verb ("…, a déclaré M. Wang", "selon le ministre russe"). */
  private subjectAfter(from: number): Person[] | null {
    const window = this.text.slice(from, from + 160);
    let end = window.length;
    for (const m of window.matchAll(RIGHT_PHRASE_END)) {
      if (m[0] === '.' && ABBREVIATION_BEFORE_PERIOD.test(window.slice(Math.max(0, m.index - 4), m.index))) continue;
      end = m.index;
      break;
    }
    const phrase = window.slice(0, end).trim();
    if (phrase === '' || /^qu/iu.test(phrase)) return null;
    if (DEMONSTRATIVE.test(phrase)) return this.nearestPerson(from);
    if (PRONOUN_ALONE.test(phrase)) return this.previousSpeaker(from);
    const name = firstName(phrase);
    if (name) {
      const before = phrase.slice(0, name.index).trim();
      if (before === '' || isRolePhrase(before) || LOWERCASE_ROLE.test(before)) {
        const person = this.speaker(name, from);
        return person ? [person] : [];
      }
    }
    const role = /^(?:le|la|l['’]|son|sa|leur)\s*(.+)$/iu.exec(phrase);
    if (role && ROLE_START.test(role[1])) {
      const person = this.byRole(role[1]);
      if (person) return [person];
    }
    return [];
  }

  find(): SpeechEvent[] {
    const hits: { index: number; end: number; auxiliary: string | undefined; according: boolean }[] = [];
    for (const m of wordStartMatches(SPEECH_VERB, this.text, GLUED_TO_VERB)) hits.push({ index: m.index, end: m.index + m[0].length, auxiliary: m[1], according: false });
    for (const m of wordStartMatches(ACCORDING_TO, this.text)) hits.push({ index: m.index, end: m.index + m[0].length, auxiliary: undefined, according: true });
    hits.sort((a, b) => a.index - b.index);

    for (const hit of hits) {
      let people: Person[];
      if (hit.according) people = this.subjectAfter(hit.end) ?? [];
      else if (hit.auxiliary && INVERTED_PRONOUN.test(hit.auxiliary)) people = this.previousSpeaker(hit.index);
      else if (INVERSION_BEFORE.test(this.text.slice(Math.max(0, hit.index - 4), hit.index))) {
        people = this.subjectAfter(hit.end) ?? this.subjectBefore(hit.index);
      } else people = this.subjectBefore(hit.index);
      if (people.length > 0) this.events.push({ people, index: hit.index });
    }
    return this.events;
  }
}

/** Names in editors' bylines ("(Rédacteurs : A, B)"): never speakers. */
export function editorNamesIn(text: string): string[] {
  if (!text.includes('(')) return [];
  const names: string[] = [];
  for (const m of text.matchAll(EDITOR_BYLINE_RE)) for (const name of m[1].split(/[,;/&]|\bet\b/)) if (name.trim()) names.push(name.trim());
  return names;
}

export function extractSpeakers(text: string, excludedNames: string[] = editorNamesIn(text)): string[] {
  const excluded = new Set(excludedNames.map(personKey));
  const tallies = new Map<string, { variants: Map<string, number>; count: number; first: number }>();
  for (const event of new SpeakerFinder(text).find()) {
    for (const person of event.people) {
      if (excluded.has(person.key)) continue;
      const tally = tallies.get(person.key) ?? { variants: new Map<string, number>(), count: 0, first: event.index };
      tally.count++;
      tally.variants.set(person.display, (tally.variants.get(person.display) ?? 0) + 1);
      tallies.set(person.key, tally);
    }
  }
  return [...tallies.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((t) => preferredSpelling(t.variants));
}
