import { cleanDocument } from '../chrome/clean.js';
import { personKey } from '../text/fold.js';
import { wordStartMatches } from '../text/scan.js';
import { clauseStart, isAbbreviationPeriod } from '../text/sentences.js';
import { curatedBySurname, preferredSpelling } from './canonical-names.js';
import { findNameMentions, firstName, nameAtEnd, type NameMention } from './person-names.js';
import { RoleBook, ROLE_START, type Person } from './role-book.js';
import { isRolePhrase } from './roles.js';
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

interface SpeechEvent {
  people: Person[];
  index: number;
}

class SpeakerFinder {
  private readonly mentions: NameMention[];
  private readonly fullNames: NameMention[];
  /** Full names (as indices into fullNames, in text order) by the personKey of their first and of their last word: "wang" -> "Wang Yi". */
  private readonly fullNamesByEndWord = new Map<string, number[]>();
  /** How many different people each such word may stand for. */
  private readonly peopleByEndWord = new Map<string, number>();
  /** The person each mention is, resolved once. */
  private readonly mentionPeople: Person[];
  private readonly roleBook: RoleBook;
  private readonly events: SpeechEvent[] = [];

  constructor(private readonly text: string) {
    this.mentions = findNameMentions(text);
    this.fullNames = this.mentions.filter((m) => m.name.includes(' '));
    this.fullNames.forEach((m, i) => {
      const words = personKey(m.name).split(' ');
      for (const word of new Set([words[0], words[words.length - 1]])) {
        const list = this.fullNamesByEndWord.get(word);
        if (list) list.push(i);
        else this.fullNamesByEndWord.set(word, [i]);
      }
    });
    for (const [word, list] of this.fullNamesByEndWord) this.peopleByEndWord.set(word, new Set(list.map((i) => personKey(this.fullNames[i].name))).size);
    this.mentionPeople = this.mentions.map((m) => this.resolve(m.name, m.start));
    this.roleBook = new RoleBook(text, this.mentions, this.mentionPeople);
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
      const word = personKey(name);
      const candidates = this.fullNamesByEndWord.get(word);
      if (candidates) {
        const first = this.fullNames[candidates[0]];
        if (this.peopleByEndWord.get(word) === 1) name = first.name;
        else {
          // several people share the word: the one named last before this point
          let chosen = first;
          for (const i of candidates) if (this.fullNames[i].start < index) chosen = this.fullNames[i];
          name = chosen.name;
        }
      }
    }
    return { display: name, key: personKey(name) };
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
    // mentions are in text order: binary search for the last one ending before index, then walk back
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.mentions[mid].end <= index) low = mid + 1;
      else high = mid;
    }
    for (let i = low - 1; i >= 0; i--) {
      if (this.mentions[i].titled || this.mentionPeople[i].display.includes(' ')) return [this.mentionPeople[i]];
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
      const person = this.roleBook.personWithRole(role[1]);
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
      if (m[0] === '.' && isAbbreviationPeriod(window, m.index)) continue;
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
      const person = this.roleBook.personWithRole(role[1]);
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

/**
 * Speakers of a text. `excludedNames` are authors and editors (from the
 * bylines the chrome cleaner found); by default they are read from the text.
 */
export function extractSpeakers(text: string, excludedNames: string[] = cleanDocument(text).editorNames): string[] {
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
