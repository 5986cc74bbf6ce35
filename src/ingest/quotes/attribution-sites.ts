import type { SpeakerFinder, SpeechEvent } from '../people/extract-speakers.js';
import type { NameMention } from '../people/person-names.js';
import type { Person } from '../people/role-book.js';
import { accordingToMatches } from '../people/speech-verbs.js';
import { isComplementOfNoun } from '../people/subjects.js';
import { clauseStart, firstNotBefore, isAbbreviationPeriod } from '../text/sentences.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { RoleAnaphora, roleHead, type Gender } from './role-anaphora.js';
import { sentenceSubject } from './sentence-subject.js';

/**
 * Attribution sites: every speech verb and every "selon X" of a text, with
 * the person it gives the words to, or null when the text names no one.
 * The speaker extraction (src/ingest/people) keeps only the verbs whose
 * subject is a named person; a quotation also needs the others, so that
 * "« … », a précisé le procureur" goes to the last person the text called
 * "le procureur" (role-anaphora.ts), and "« … », a déclaré sa veuve
 * Marielle", "écrivent-ils", "a-t-on appris", "un porte-parole" leave the
 * quotation without a speaker instead of handing it to someone else.
 * Pronouns ("a-t-il ajouté", "Elle ajoute que", "selon lui") are the speaker
 * of the site before, whoever it was, even no one.
 * One pass over the sites, each reading a bounded window: linear.
 */

export interface AttributionSite {
  /** Where the verb group (or "selon") starts and ends. */
  index: number;
  end: number;
  according: SpeechEvent['according'];
  /** The person whose words they are; null when the text names no one. */
  speaker: Person | null;
  /** False when no subject could be read at all (then the site attributes nothing). */
  read: boolean;
}

/** How far (characters) a pronoun reaches back to the site it stands for. */
const PRONOUN_REACH = 600;
/** How far after an inverted verb its subject may end. */
const SUBJECT_REACH = 220;
const PRONOUN_BEFORE = /(?:^|[\s,;:»”"])(il|elle|ils|elles|on)\s+(?:(?:lui|leur|nous|vous|l['’]|n['’]|ne|y|en)\s+)*$/iu;
const STRESSED_PRONOUN_AFTER = /^\s*(?:lui|elle)(?![\p{L}-])/iu;
const QUOTE_RIGHT_BEFORE = /[»”"][\s,]*$/u;
/** What stands before a verb inverted after its subject's words: a quote, a comma, a dash, or "!"/"?" inside the marks ("On ne sait rien ! s'est-il écrié"). */
const INVERTED_BEFORE = /[»”"–—,!?]\s*$/u;
/** Words that mean the text after a verb is a new clause, not its subject. */
const CLAUSE_BETWEEN = /(?<![\p{L}-])(?:qui|que|qu['’]|dont|quand|lorsqu['’]?|alors|mais|et|car|puis|avant|après|pour)(?![\p{L}-])|[.!?;:]/iu;
/** A time or a short complement between an inverted verb and its subject ("mardi", "à l'AFP", "devant les députés"). */
const LEADING_COMPLEMENT =
  /^[\s,]*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|encore|aussi|également|alors|ensuite|enfin|toutefois|pourtant|d['’]ailleurs|à cet égard|à son tour|de son côté|pour sa part|il y a [\p{L}\s]{1,25}?(?=\s(?:le|la|l['’]|un|une)\s))(?:\s+(?:matin|soir|midi))?|(?:à|au|aux|devant|sur|dans|en)\s+(?:l['’]|la\s+|le\s+|les\s+|un\s+|une\s+|son\s+|sa\s+|ses\s+)?[\p{L}-]+)(?=[\s,])/iu;
/** "Philippe, un livreur de 44 ans": a first name given alone, with an apposition saying who they are. */
const FIRST_NAME_APPOSITION = /^\s*,\s*(?:\d+\s*ans|un|une|l['’]une?)(?![\p{L}])/u;
const INDEFINITE = /^(?:un|une|des|plusieurs|certains|certaines)\s/iu;

const FOR_PERSON = /(?:^|[.!?]\s+|\n|,\s+)([Pp]our\s+)(?=(?:le|la|l['’]|M\.|Mme|\p{Lu}))/gu;
const CLOSING_MARK = /[»”"]/gu;
/** A verb group inverted after a quote: "», pense", "», nous répond", "», a relayé", "», poursuit-il". */
const INCISE_VERB = /[ \t\u00a0]*,[ \t\u00a0]*((?:(?:nous|vous|lui|leur|me|m['’])\s+)?(?:(?:a|avait|aurait|ont|avaient)\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}{3,})|(\p{Ll}{3,})(?:-t)?(?:-(?:il|elle|ils|elles|on))?))(?=[\s,.])/uy;
/** Function words that may follow a quote and a comma without being a verb. */
const NOT_VERBS = new Set(['mais', 'donc', 'car', 'puis', 'alors', 'selon', 'pour', 'dans', 'sur', 'avec', 'sans', 'par', 'entre', 'comme', 'qui', 'que', 'dont', 'ont', 'est', 'sont', 'avait', 'était', 'des', 'les', 'une', 'aux', 'ces', 'son', 'ses', 'leur', 'leurs', 'elle', 'ils', 'elles', 'nous', 'vous', 'tout', 'toute', 'tous', 'toutes', 'lors', 'après', 'avant', 'depuis', 'pendant', 'contre', 'vers', 'chez', 'ainsi', 'aussi', 'même', 'plus', 'moins', 'très', 'bien', 'voire', 'notamment', 'soit', 'parce', 'tandis', 'lorsque', 'quand', 'quant', 'cette', 'cet', 'celui', 'celle', 'ceux', 'celles', 'dès', 'face', 'grâce', 'près', 'loin', 'outre', 'sauf', 'malgré', 'parmi', 'envers', 'durant', 'afin']);

interface Raw {
  index: number;
  end: number;
  according: SpeechEvent['according'];
  event: SpeechEvent | null;
  pronoun: string | null;
}

export class AttributionSites {
  readonly sites: AttributionSite[] = [];
  readonly finder: SpeakerFinder;
  readonly roles: RoleAnaphora;

  /** `finder` is the speaker extraction of the same text: its events, speech verbs, mentions and roles are reused. */
  constructor(
    private readonly text: string,
    finder: SpeakerFinder,
  ) {
    const events = finder.find();
    this.finder = finder;
    this.roles = new RoleAnaphora(text, this.finder);
    const byIndex = new Map(events.map((e) => [e.index, e]));
    const used = new Set<SpeechEvent>();
    const raws: Raw[] = [];
    for (const verb of finder.verbs) {
      const event = byIndex.get(verb.index) ?? null;
      if (event) used.add(event);
      raws.push({ index: verb.index, end: verb.end, according: null, event, pronoun: verb.pronoun ?? this.pronounBefore(verb.index) });
    }
    for (const event of events) if (!used.has(event)) raws.push({ index: event.index, end: event.end, according: event.according, event, pronoun: null });
    for (const m of accordingToMatches(text)) {
      if (!byIndex.has(m.index)) raws.push({ index: m.index, end: m.end, according: 'selon', event: null, pronoun: null });
    }
    // "Pour le chef de file des députés UDI (centre), Jean-Christophe Lagarde, …": an opinion the speaker extraction could not name
    for (const m of text.matchAll(FOR_PERSON)) {
      const index = m.index + m[0].length - m[1].length;
      if (!byIndex.has(index)) raws.push({ index, end: m.index + m[0].length, according: 'pour', event: null, pronoun: null });
    }
    const starts = new Set(raws.map((raw) => raw.index));
    for (const raw of this.incises(starts)) raws.push(raw);
    raws.sort((a, b) => a.index - b.index);
    for (const raw of raws) this.sites.push(this.resolve(raw));
  }

  private resolve(raw: Raw): AttributionSite {
    const site = (speaker: Person | null, read = true): AttributionSite => ({ index: raw.index, end: raw.end, according: raw.according, speaker, read });
    const pronoun = raw.pronoun?.toLowerCase() ?? null;
    if (pronoun === 'on') return site(null, false);
    if (pronoun === 'ils' || pronoun === 'elles') return site(null);
    if (pronoun === 'il' || pronoun === 'elle') return site(this.chain(raw.index, pronoun === 'il' ? 'm' : 'f'));
    if (raw.according === 'selon' && STRESSED_PRONOUN_AFTER.test(this.text.slice(raw.end, raw.end + 8))) return site(this.chain(raw.index));
    const inverted = raw.according === null && INVERTED_BEFORE.test(this.text.slice(Math.max(0, raw.index - 4), raw.index));
    if (raw.event) {
      if ((inverted || raw.according === 'selon') && this.firstNameAlone(raw.end)) return site(null);
      // "« … », ajoute ce «gilet jaune»": right after a quote the subject is after the verb, never inside the quote
      if (inverted && QUOTE_RIGHT_BEFORE.test(this.text.slice(Math.max(0, raw.index - 4), raw.index))) {
        const after = this.readAfter(raw.end);
        // a verb with a complement ("», a appelé à une trêve") has its subject before, the quote being in its apposition
        if (after && (after.speaker !== null || !after.viaComplement)) return site(after.speaker);
        // "Jacline Mouraud, l'une des porte-parole des «gilets jaunes libres», a appelé": the subject opening the sentence
        const subject = sentenceSubject(this.text, this, raw.end);
        if (subject?.speaker) return site(subject.speaker);
      }
      return site(raw.event.people[0]);
    }
    if (raw.according === 'pour qui') return site(null, false);
    const read = raw.according !== null || inverted ? this.readAfter(raw.end, raw.according === 'pour') : this.readBefore(raw.index);
    return read ? site(read.speaker) : site(null, false);
  }

  /**
   * "« … », pense Christian Delporte", "« … », nous répond Mark Witschi", "« … », a relayé
   * devant les députés Édouard Philippe": a verb inverted right after a quote and a comma
   * is an attribution whatever the verb (the construction says it), when a subject follows.
   */
  private *incises(known: Set<number>): Generator<Raw> {
    for (const mark of this.text.matchAll(CLOSING_MARK)) {
      INCISE_VERB.lastIndex = mark.index + 1;
      const m = INCISE_VERB.exec(this.text);
      if (!m) continue;
      const index = m.index + m[0].length - m[1].length;
      if (known.has(index) || NOT_VERBS.has(m[2] ?? m[3])) continue;
      const pronoun = /-(il|elle|ils|elles|on)$/u.exec(m[1]);
      if (!pronoun && !this.readAfter(index + m[1].length)) continue;
      yield { index, end: index + m[1].length, according: null, event: null, pronoun: pronoun ? pronoun[1] : null };
    }
  }

  /** The speaker a pronoun stands for: that of the last site read, near enough; else the speaker extraction's choice. */
  chain(index: number, gender: Gender = null): Person | null {
    const fits = (person: Person | null) => person === null || gender === null || this.roles.genderOf(person) !== (gender === 'm' ? 'f' : 'm');
    // sites are in text order: stop at the first one out of reach (bounded work per pronoun); "elle" skips a man
    for (let k = this.firstFrom(index) - 1; k >= 0; k--) {
      const site = this.sites[k];
      if (index - site.end > PRONOUN_REACH) break;
      if (site.read && fits(site.speaker)) return site.speaker;
    }
    const previous = this.finder.previousSpeaker(index)[0] ?? null;
    return fits(previous) ? previous : null;
  }

  /** "Il a précisé", "Elle ajoute", "il nous a dit": a subject pronoun right before the verb group. */
  private pronounBefore(index: number): string | null {
    const m = PRONOUN_BEFORE.exec(this.text.slice(Math.max(0, index - 30), index));
    return m ? m[1] : null;
  }

  firstMentionFrom(index: number): NameMention | undefined {
    return this.finder.mentions[this.firstMentionIndexFrom(index)];
  }

  /** Index (in the finder's mentions) of the first name mention starting at or after `index`. */
  firstMentionIndexFrom(index: number): number {
    const mentions = this.finder.mentions;
    return firstNotBefore(mentions.length, (k) => mentions[k].start < index);
  }

  /** Whether the subject after `from` is a first name given alone ("s'insurgeait Philippe, un livreur de 44 ans"). */
  private firstNameAlone(from: number): boolean {
    const mention = this.firstMentionFrom(from);
    if (!mention || mention.titled || mention.name.includes(' ') || mention.start - from > 40) return false;
    return !CLAUSE_BETWEEN.test(this.text.slice(from, mention.start)) && FIRST_NAME_APPOSITION.test(this.text.slice(mention.end, mention.end + 12));
  }

  /** End of the sentence from `from`, SUBJECT_REACH characters at most. */
  private sentenceEnd(from: number, atQuote = true): number {
    const limit = Math.min(this.text.length, from + SUBJECT_REACH);
    for (let i = from; i < limit; i++) {
      const c = this.text[i];
      if (c === '\n' || c === '!' || c === '?' || (atQuote && (c === '«' || c === '“'))) return i;
      if (c === '.' && !isAbbreviationPeriod(this.text, i)) return i;
    }
    return limit;
  }

  /** The subject written after an inverted verb or "selon": a name (a role or time between), a role, a first name alone; undefined when none reads. */
  private readAfter(from: number, nameOnly = false): { speaker: Person | null; viaComplement?: boolean } | undefined {
    // a quote may stand inside the subject ("un porte-parole des « gilets jaunes » de Saône-et-Loire, Pierre-Gaël Laveder")
    const limit = this.sentenceEnd(from, false);
    // the first name that is a person; a lone word that is none ("la région Occitanie, Carole Delga") is passed over
    const mentions = this.finder.mentions;
    for (let k = this.firstMentionIndexFrom(from), tries = 0; k < mentions.length && mentions[k].end <= limit && tries < 3; k++, tries++) {
      const mention = mentions[k];
      const between = this.text.slice(from, mention.start);
      if (CLAUSE_BETWEEN.test(between.replace(/\bil y a\b/giu, '')) || isComplementOfNoun(between)) break;
      const alone = !mention.titled && !mention.name.includes(' ');
      if (alone && FIRST_NAME_APPOSITION.test(this.text.slice(mention.end, mention.end + 12))) return { speaker: null };
      const person = this.finder.speaker(mention, mention.start);
      if (person || !alone || !/^\s*,/u.test(this.text.slice(mention.end, mention.end + 3))) return { speaker: person };
    }
    if (nameOnly) return undefined;
    let phrase = this.text.slice(from, this.sentenceEnd(from, false)).replace(/[«»“”"]/gu, ' ');
    phrase = collapseWhitespace(phrase);
    let viaComplement = false;
    for (let skips = 0; skips < 3; skips++) {
      const skipped = LEADING_COMPLEMENT.exec(phrase);
      if (!skipped) break;
      viaComplement ||= /^[\s,]*(?:à|au|aux|devant|sur|dans|en)\s/iu.test(skipped[0]);
      phrase = phrase.slice(skipped[0].length);
    }
    phrase = phrase.trim();
    if (INDEFINITE.test(phrase)) return { speaker: null, viaComplement };
    if (roleHead(phrase) === null) return undefined;
    return { speaker: this.roles.personWithRole(phrase, from), viaComplement };
  }

  /** The subject before a verb the speaker extraction did not resolve: a role opening the clause ("Le ministre a poursuivi"). */
  private readBefore(index: number): { speaker: Person | null } | undefined {
    const clause = this.text.slice(clauseStart(this.text, index), index);
    const segment = clause.slice(clause.lastIndexOf(',') + 1).trim();
    if (segment === '' || segment.split(/\s+/u).length > 8 || CLAUSE_BETWEEN.test(segment)) return undefined;
    if (INDEFINITE.test(segment)) return { speaker: null };
    if (roleHead(segment) === null) return undefined;
    return { speaker: this.roles.personWithRole(segment, index) };
  }

  /** Index of the first site at or after `index`. */
  firstFrom(index: number): number {
    return firstNotBefore(this.sites.length, (k) => this.sites[k].index < index);
  }
}
