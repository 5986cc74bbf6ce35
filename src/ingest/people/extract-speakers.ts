import { cleanDocument } from '../chrome/clean.js';
import { personKey } from '../text/fold.js';
import { isLetterOrNumberUnit } from '../text/char-classes.js';
import { wordStartMatches } from '../text/scan.js';
import { clauseStart, firstNotBefore, sentenceStart } from '../text/sentences.js';
import { curatedBySurname, preferredSpelling } from './canonical-names.js';
import { findSpeechVerbs, type SpeechVerb } from './find-speech-verbs.js';
import { findNameMentions, isFullName, nameAtEnd, type NameMention } from './person-names.js';
import { RoleBook, type Person } from './role-book.js';
import { accordingToMatches } from './speech-verbs.js';
import { isRoleLead, SubjectReader } from './subjects.js';

/**
 * The people who speak in a text, most often first. A person speaks when a
 * speech verb has them as subject:
 * - before the verb: "Wang Yi a déclaré", "M. Wang a noté", "Le ministre
 *   indien des Affaires étrangères, Subrahmanyam Jaishankar, a reconnu";
 * - after it, behind a quote or comma: "», a répliqué M. Lavrov", "…, a
 *   déclaré sur BFMTV Benjamin Cauchy", "a affirmé le vice-Premier ministre,
 *   Matteo Salvini";
 * - "selon X", "d'après X";
 * - a pronoun ("a-t-il affirmé", "Il a ajouté") is the nearest preceding
 *   speaker; "a-t-on appris" is no one; "ce dernier" is the nearest person named;
 * - a role ("le ministre russe") is the one person the text gives that role.
 * One-word names ("M. Wang", "Di Maio") resolve to the full name the text
 * gives whose first or last word it is ("Wang Yi", "Luigi Di Maio").
 * Everything looks at a bounded window around each verb, so the cost is
 * linear in the text.
 */

export interface SpeechEvent {
  people: Person[];
  /** Where the verb group (or "selon", "pour") starts. */
  index: number;
  /** Where it ends (after the verb, or after "par" of a passive). */
  end: number;
  /** "selon X", "Pour X, …", "X, pour qui …": an attribution without a speech verb. */
  according: 'selon' | 'pour' | 'pour qui' | null;
}

/** How far back "ce dernier" looks for the person it designates (mentions). */
const NEAREST_PERSON_LOOKBACK = 12;
/** How far (characters) a pronoun reaches back to the speaker it stands for, before the subject of a recent sentence is preferred. */
const PRONOUN_REACH = 600;
/** Finite forms before their subject ("X souligne") count only when a quote, a colon or "que" follows soon. */
const SPEECH_CUE = /\bqu(?:e\b|['’])|[:«"“]/u;
const SENTENCE_END = /[.!?;\n]/u;
/** "Pour Paul Fizin, docteur en histoire, « … »": an opinion attributed at the start of a sentence. */
const FOR_PERSON = /[Pp]our\s+/gu;
/** "Pascal Bruckner, pour qui …", "Marlène Schiappa, selon qui …". */
const FOR_WHOM = /,\s+(?:pour|selon|d['’]après)\s+qui\s/gu;

export class SpeakerFinder {
  readonly mentions: NameMention[];
  private readonly fullNames: NameMention[];
  /** Full names (as indices into fullNames, in text order) by the personKey of their first and of their last word: "wang" -> "Wang Yi". */
  private readonly fullNamesByEndWord = new Map<string, number[]>();
  /** How many different people each such word may stand for. */
  private readonly peopleByEndWord = new Map<string, number>();
  /** The person each mention is, resolved once. */
  readonly mentionPeople: Person[];
  readonly roleBook: RoleBook;
  private readonly events: SpeechEvent[] = [];
  private found = false;
  /** Every speech verb of the text, as find() read them (quotation reading reuses them). */
  verbs: SpeechVerb[] = [];
  private readonly subjects: SubjectReader;

  constructor(readonly text: string) {
    this.mentions = findNameMentions(text);
    this.fullNames = this.mentions.filter((m) => isFullName(m.name));
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
    this.subjects = new SubjectReader(this);
  }

  /**
   * A name as a speaker. One word alone ("Renault a annoncé") is too often
   * a company or a place ("Renault" is also a surname): it is a person only
   * with a title ("M. Wang"), when the text gives the full name it belongs
   * to, or when the curated list knows it.
   */
  speaker(found: { name: string; titled: boolean }, index: number): Person | null {
    const person = this.resolve(found.name, index);
    if (isFullName(person.display) || found.titled) return person;
    const curated = curatedBySurname(person.display);
    return curated ? { display: curated, key: personKey(curated) } : null;
  }

  /** "Wang" at `index` -> "Wang Yi" when the text gives that full name; a full name stays as it is. */
  resolve(name: string, index: number): Person {
    if (!isFullName(name)) {
      const words = personKey(name).split(' ');
      const word = words[words.length - 1];
      const candidates = this.fullNamesByEndWord.get(word);
      if (candidates) {
        if (this.peopleByEndWord.get(word) === 1) name = this.fullNames[candidates[0]].name;
        else {
          // several people share the word: the one named last before this point (binary search: linear overall)
          const low = firstNotBefore(candidates.length, (k) => this.fullNames[candidates[k]].start < index);
          name = this.fullNames[candidates[Math.max(0, low - 1)]].name;
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
  previousSpeaker(index: number): Person[] {
    let last: SpeechEvent | null = null;
    for (let i = this.events.length - 1; i >= 0; i--) {
      if (this.events[i].index < index) {
        last = this.events[i];
        break;
      }
    }
    if (last && index - last.index <= PRONOUN_REACH) return last.people.slice(-1);
    // no one spoke lately: the person the previous sentence was about ("La ministre X a nommé… Elle a ajouté")
    const subject = this.sentenceSubjectBefore(index);
    if (subject) return [subject];
    return last ? last.people.slice(-1) : [];
  }

  /** The named subject opening a recent clause ("La ministre Frédérique Vidal a nommé…"), a few mentions back at most. */
  private sentenceSubjectBefore(index: number): Person | null {
    const low = this.mentionsEndingBy(index);
    // only the sentence before the pronoun's own (quotes do not end sentences here)
    const ownSentence = sentenceStart(this.text, index);
    const previousSentence = ownSentence > 0 ? sentenceStart(this.text, ownSentence - 1) : 0;
    for (let i = low - 1; i >= 0 && i >= low - NEAREST_PERSON_LOOKBACK; i--) {
      const mention = this.mentions[i];
      if (mention.start < previousSentence) break;
      if (!mention.titled && !isFullName(this.mentionPeople[i].display)) continue;
      const opening = this.text.slice(clauseStart(this.text, mention.start), mention.start).trim();
      if (opening !== '' && !isRoleLead(opening)) continue;
      if (!/^\s+\p{Ll}/u.test(this.text.slice(mention.end, mention.end + 3))) continue;
      return this.mentionPeople[i];
    }
    return null;
  }

  /** How many mentions end at or before `index` (mentions are in text order): a binary search. */
  private mentionsEndingBy(index: number): number {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.mentions[mid].end <= index) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The nearest person named before `index` ("ce dernier"), a few mentions back at most. */
  nearestPerson(index: number): Person[] {
    const low = this.mentionsEndingBy(index);
    for (let i = low - 1; i >= 0 && i >= low - NEAREST_PERSON_LOOKBACK; i--) {
      if (this.mentions[i].titled || isFullName(this.mentionPeople[i].display)) return [this.mentionPeople[i]];
    }
    return [];
  }

  /** Whether a finite verb ("souligne") reads as reporting speech: a quote, a colon or "que" follows in its sentence. */
  private cuedSpeech(end: number): boolean {
    const after = this.text.slice(end, end + 100);
    const stop = after.search(SENTENCE_END);
    return SPEECH_CUE.test(stop < 0 ? after : after.slice(0, stop));
  }

  /** The speech events of the text, read once: quotation reading (src/ingest/quotes) is given the finder and reuses them, its mentions and its roles. */
  find(): SpeechEvent[] {
    if (this.found) return this.events;
    this.found = true;
    type Hit = { index: number; end: number; pronoun: string | null; simple: boolean; passive: boolean; according: 'selon' | 'pour' | 'pour qui' | null };
    const hits: Hit[] = [];
    this.verbs = findSpeechVerbs(this.text);
    for (const verb of this.verbs) hits.push({ index: verb.index, end: verb.end, pronoun: verb.pronoun, simple: verb.simple, passive: verb.passive, according: null });
    const attribution = (index: number, end: number, according: Hit['according']): Hit => ({ index, end, pronoun: null, simple: false, passive: false, according });
    for (const m of accordingToMatches(this.text)) {
      // a word start, as wordStartMatches would take it ("Raselon" is none)
      if (m.index === 0 || !isLetterOrNumberUnit(this.text.charCodeAt(m.index - 1))) hits.push(attribution(m.index, m.end, 'selon'));
    }
    for (const m of wordStartMatches(FOR_PERSON, this.text)) {
      // "Pour X, …" opening a sentence, or "Cependant, pour le président X, …" after a comma
      const opens = m[0][0] === 'P' ? this.startsSentence(m.index) : this.afterComma(m.index);
      if (opens) hits.push(attribution(m.index, m.index + m[0].length, 'pour'));
    }
    for (const m of this.text.matchAll(FOR_WHOM)) hits.push(attribution(m.index, m.index + m[0].length, 'pour qui'));
    hits.sort((a, b) => a.index - b.index);

    for (const hit of hits) {
      let people: Person[];
      if (hit.according === 'selon' || hit.passive) people = this.subjects.after(hit.end, true) ?? [];
      else if (hit.according === 'pour') people = this.subjects.after(hit.end, true, true) ?? [];
      else if (hit.according === 'pour qui') {
        const person = this.speakerAtEnd(this.text.slice(this.clauseStart(hit.index), hit.index), hit.index);
        people = person ? [person] : [];
      }
      else if (hit.pronoun) people = hit.pronoun === 'on' ? [] : this.previousSpeaker(hit.index);
      else {
        const inverted = this.subjects.invertedBefore(hit.index);
        if (inverted === 'quote') people = this.subjects.after(hit.end, false) ?? this.subjects.before(hit.index);
        else if (inverted === 'comma') {
          const apposition = this.subjects.before(hit.index);
          // "L'ancienne icône du cinéma, qui …, a jugé le président X «…»": the subject came first, unnamed
          people = apposition.length > 0 || this.subjects.opensWithSubject(hit.index) ? apposition : (this.subjects.after(hit.end, false) ?? []);
        } else if (hit.simple && !this.cuedSpeech(hit.end)) people = [];
        else people = this.subjects.before(hit.index);
      }
      if (people.length > 0) this.events.push({ people, index: hit.index, end: hit.end, according: hit.according });
    }
    return this.events;
  }

  /** Whether `index` opens a sentence (or the text). */
  private startsSentence(index: number): boolean {
    let i = index - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\u00a0')) i--;
    return i < 0 || '.!?\n»"'.includes(this.text[i]);
  }

  /** Whether a comma comes right before `index` (spaces aside). */
  private afterComma(index: number): boolean {
    let i = index - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\u00a0')) i--;
    return i >= 0 && this.text[i] === ',';
  }

  /** A name ending a phrase, as a speaker. */
  speakerAtEnd(phrase: string, index: number): Person | null {
    const name = nameAtEnd(phrase);
    return name ? this.speaker(name, index) : null;
  }

  clauseStart(index: number): number {
    return clauseStart(this.text, index);
  }
}

/**
 * Speakers of a text. `excludedNames` are authors and editors (from the
 * bylines the chrome cleaner found); by default they are read from the text.
 */
export function extractSpeakers(text: string, excludedNames: string[] = cleanDocument(text).editorNames): string[] {
  return speakersOfEvents(new SpeakerFinder(text).find(), excludedNames);
}

/** The speakers of a text's speech events (SpeakerFinder.find), most often first, authors and editors left out. */
export function speakersOfEvents(events: SpeechEvent[], excludedNames: string[]): string[] {
  const excluded = new Set(excludedNames.map(personKey));
  const tallies = new Map<string, { variants: Map<string, number>; count: number; first: number }>();
  for (const event of events) {
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
