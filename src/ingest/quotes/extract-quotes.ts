import { SpeakerFinder } from '../people/extract-speakers.js';
import { AttributionSites, type AttributionSite } from './attribution-sites.js';
import { sentenceSubject } from './sentence-subject.js';
import { findIndirectSpeech } from './indirect-speech.js';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.js';
import { firstNotBefore } from '../text/sentences.js';
import type { Quote } from '../types.js';
import { isLetterOrNumberUnit } from '../text/char-classes.js';
import { collapseWhitespace, isWhitespaceUnit } from '../text/whitespace.js';

/**
 * The quotations of a text, each with its speaker when the text says who
 * spoke, or null when it names no one. Speakers come from the attribution
 * sites (attribution-sites.ts: every speech verb and "selon"/"Pour X", with
 * roles, pronouns and unnamed subjects resolved), looked for in this order:
 * - inside the quote, set off by a comma, "!" or "?": "« J'aime que …, a
 *   exposé M. Aulas. Là, … »" (one quotation);
 * - right after it: "« … », a déclaré M. Lavrov", "…», selon lui";
 * - before it, in the same sentence: "Wang Yi a souligné : « … »";
 * - the subject of the clause a colon ends: "Et X de poursuivre : « … »";
 * - later in the quote's sentence, after a comma: "… «beaucoup plus de
 *   dégâts» matériels, a déclaré X";
 * - the subject of the sentence, for a partial quote worked into it
 *   (sentence-subject.ts): "X en a appelé à «la responsabilité»";
 * - the sentence before a quote that opens a sentence: "X confie ne plus
 *   s'en sortir. «Je suis…»" (so a quote continued in the next sentence
 *   keeps its speaker).
 * A quote continued after its attribution ("« … », a dit X, « … »") is one
 * quotation. Words between marks that are no one's words are left out: a
 * short quote needs its attribution next to it; single words, short words
 * quoted again and again («gilets jaunes»), glosses ("(pour «…»)") and
 * intertitles are no quotations; a quote inside a quote is unattributed
 * unless the outer quote names its speaker. Indirect speech comes from
 * indirect-speech.ts. Every lookup is a binary search or a bounded window:
 * linear overall.
 */

/** A quote of fewer words is kept only with an attribution right next to it. */
const MIN_UNATTRIBUTED_WORDS = 4;
const MIN_WORDS = 2;
/** How far (characters) an attribution before a quote may stand from its opening mark. */
const BEFORE_REACH = 200;
/** How far (characters) an attribution after a quote may start. */
const AFTER_REACH = 12;
/** How far an inverted verb may stand after the quote, in its sentence. */
const LATER_REACH = 200;
/** How far back the previous sentence's speech verb may stand. */
const PREVIOUS_SENTENCE_REACH = 250;
const SENTENCE_END = /[.!?\n]/u;

/** Index of the first event at or after `index` (events are sorted by index). */
function firstEventFrom(events: AttributionSite[], index: number): number {
  return firstNotBefore(events.length, (k) => events[k].index < index);
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** What text.split(/[\s\u00a0]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length counts, without the array: the runs between spaces that hold a letter or a digit. */
function wordCount(text: string): number {
  let words = 0;
  let counted = false; // the current run already holds a letter or a digit
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespaceUnit(c)) {
      counted = false;
      continue;
    }
    if (counted) continue;
    const isLetterOrNumber = c >= 0xd800 && c <= 0xdbff ? LETTER_OR_NUMBER.test(text.slice(i, i + 2)) && isTrailSurrogate(text.charCodeAt(i + 1)) : isLetterOrNumberUnit(c);
    if (isLetterOrNumber) {
      words++;
      counted = true;
    }
  }
  return words;
}

function isTrailSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Words between marks that are a name or a title: every word capitalised ("Charia Hebdo", "Fugueuse"). */
function looksLikeName(text: string): boolean {
  const words = text.split(/[\s\u00a0]+/u).filter(Boolean);
  return words.length < MIN_UNATTRIBUTED_WORDS && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|du|des|la|le|les|et|d['’]\p{Lu}.*)$/u.test(w)) && !/[.!?]$/u.test(text);
}

function speakerOf(event: AttributionSite): string | null {
  return event.speaker?.display ?? null;
}

interface Attribution {
  event: AttributionSite;
  where: 'after' | 'before' | 'inside' | 'later' | 'subject' | 'previous';
}

export class QuoteReader {
  private readonly events: AttributionSite[];

  constructor(
    private readonly text: string,
    private readonly sites: AttributionSites,
  ) {
    // a verb whose subject could not be read attributes nothing
    this.events = sites.sites.filter((site) => site.read);
  }

  /** "« … », a déclaré X": an event starting right after the closing mark, a comma or a dash between. */
  private after(span: QuoteSpan): AttributionSite | null {
    const k = firstEventFrom(this.events, span.close);
    const event = this.events[k];
    if (!event || event.index - span.close > AFTER_REACH) return null;
    return /^[\s,–—-]*$/u.test(this.text.slice(span.close, event.index)) ? event : null;
  }

  /** "X a souligné : « … »": the last event before the opening mark, in its sentence (or ending the paragraph before with a colon). */
  private before(span: QuoteSpan): AttributionSite | null {
    const k = firstEventFrom(this.events, span.open) - 1;
    const event = this.events[k];
    if (!event || event.end > span.open || span.open - event.end > BEFORE_REACH) return null;
    const between = this.text.slice(event.end, span.open);
    if (!SENTENCE_END.test(between.replace(/\b(?:M|Mme|Dr)\./gu, ''))) return event;
    return /:\s*$/u.test(between) && !/[.!?]/u.test(between) ? event : null;
  }

  /** "« …, a exposé M. Aulas. Là, … »": an event inside the quote, a comma before it. */
  private inside(span: QuoteSpan): AttributionSite | null {
    let k = firstEventFrom(this.events, span.start);
    for (; k < this.events.length && this.events[k].index < span.end; k++) {
      const event = this.events[k];
      // ", a exposé M. Aulas." or "On ne sait rien! se serait-il écrié."
      if (/[,!?]\s*$/u.test(this.text.slice(Math.max(span.start, event.index - 3), event.index)) && event.according !== 'pour') return event;
    }
    return null;
  }

  /** "… «beaucoup plus de dégâts» matériels à Paris, a déclaré X": an inverted verb later in the quote's sentence. */
  private laterInSentence(span: QuoteSpan): AttributionSite | null {
    const k = firstEventFrom(this.events, span.close);
    const event = this.events[k];
    if (!event || event.index - span.close > LATER_REACH || event.according === 'pour') return null;
    const between = this.text.slice(span.close, event.index);
    if (SENTENCE_END.test(between.replace(/\b(?:M|Mme|Dr)\./gu, ''))) return null;
    return /,\s*$/u.test(between) ? event : null;
  }

  /** "Lydie Bailly confie ne plus s'en sortir. «Je suis…»": the speaker of the sentence right before a quote that opens a sentence. */
  private previousSentence(span: QuoteSpan): AttributionSite | null {
    if (!this.opensSentence(span.open)) return null;
    const k = firstEventFrom(this.events, span.open) - 1;
    const event = this.events[k];
    if (!event || span.open - event.end > PREVIOUS_SENTENCE_REACH) return null;
    // only one sentence end between the event and the quote, and no other quote
    const between = this.text.slice(event.end, span.open).replace(/\b(?:M|Mme|Dr)\./gu, '');
    return (between.match(/[.!?]/gu) ?? []).length <= 1 && !/[«»“”"]/u.test(between) ? event : null;
  }

  private attribute(span: QuoteSpan): Attribution | null {
    const inside = this.inside(span);
    if (inside) return { event: inside, where: 'inside' };
    const after = this.after(span);
    if (after) return { event: after, where: 'after' };
    const before = this.before(span);
    if (before) return { event: before, where: 'before' };
    // "Et Christian Delporte de poursuivre : « … »", "Ludmila Kovrigina : « … »": the subject of the clause the colon ends
    const colon = /:[\s\u00a0]*$/u.exec(this.text.slice(Math.max(0, span.open - 4), span.open));
    if (colon) {
      const subject = sentenceSubject(this.text, this.sites, span.open - 4 + colon.index, true);
      if (subject) return { event: this.siteAt(span.open, subject.speaker), where: 'before' };
    }
    const later = this.laterInSentence(span);
    if (later) return { event: later, where: 'later' };
    if (!this.opensSentence(span.open)) {
      const subject = sentenceSubject(this.text, this.sites, span.open);
      if (subject) return { event: this.siteAt(span.open, subject.speaker), where: 'subject' };
    }
    const previous = this.previousSentence(span);
    return previous ? { event: previous, where: 'previous' } : null;
  }

  /** An attribution read from the sentence rather than from a verb. */
  private siteAt(index: number, speaker: AttributionSite['speaker']): AttributionSite {
    return { index, end: index, according: null, speaker, read: true };
  }

  directQuotes(): Quote[] {
    const quotes: Quote[] = [];
    let previous: { quote: Quote; span: QuoteSpan; attribution: Attribution | null } | null = null;
    let outer: QuoteSpan | null = null;
    const spans = findQuoteSpans(this.text);
    // words quoted more than once in a text ("les «gilets jaunes»") are a name or a label
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const span of spans) {
      // an intertitle repeats the body's words: it does not make them a label
      if (span.end - span.start > 40 || this.isIntertitle(span, this.text.slice(span.start, span.end))) continue;
      const words = this.text.slice(span.start, span.end).toLowerCase();
      if (seen.has(words)) repeated.add(words);
      seen.add(words);
    }
    for (const span of spans) {
      // a quote inside a quote is someone else's words, whom only the outer quote may name
      const enclosing = outer && span.open < outer.close ? outer : null;
      if (!enclosing || span.close > enclosing.close) outer = span;
      const raw = this.text.slice(span.start, span.end);
      const words = wordCount(raw);
      if (words === 0) continue;
      const attribution = this.attribute(span);
      // "« … », a dit X, « … »": the same quotation, continued after its attribution
      if (previous && previous.attribution?.where === 'after' && previous.attribution.event === this.after(previous.span)) {
        const between = this.text.slice(previous.span.close, span.open);
        if (/[,:]\s*$/u.test(between) && !SENTENCE_END.test(between.replace(/\b(?:M|Mme|Dr)\./gu, '')) && between.length <= 150 && (!attribution || attribution.event === previous.attribution.event)) {
          previous.quote.end = span.end;
          previous.quote.text += ' […] ' + clean(raw);
          previous.span = { ...previous.span, end: span.end, close: span.close };
          previous.attribution = null;
          continue;
        }
      }
      // single quoted words («héros», «insuffisantes») and scare quotes (les «gilets jaunes») are no one's words
      // single quoted words («héros», «insuffisantes») and short words quoted again and again (les «gilets jaunes») are no one's words
      const verbNext = attribution !== null && (attribution.where === 'after' || attribution.where === 'inside' || attribution.where === 'before');
      const verbRightAfter = attribution !== null && (attribution.where === 'after' || attribution.where === 'inside');
      if (words < MIN_WORDS || (!verbRightAfter && words < MIN_UNATTRIBUTED_WORDS && repeated.has(raw.toLowerCase()))) continue;
      if ((!verbNext && this.isIntertitle(span, raw)) || this.isGloss(span)) continue;
      // a verb of saying right after the quote counts even when its subject is no one named ("», raillent les gilets jaunes")
      const near = attribution && (attribution.event.speaker !== null ? verbNext : attribution.event.according === null && (attribution.where === 'after' || attribution.where === 'inside'));
      // "a appelé à «une trêve»", "pense avoir «cassé la dynamique»": a phrase (a determiner, a verb inside) worked into the speaker's sentence
      const phraseOfSubject = attribution?.where === 'subject' && attribution.event.speaker !== null;
      if (!near && !phraseOfSubject && (words < MIN_UNATTRIBUTED_WORDS || looksLikeName(raw))) continue;
      if (attribution?.where === 'before' && words < MIN_UNATTRIBUTED_WORDS && looksLikeName(raw)) continue;
      const inEnclosing = !enclosing || (attribution !== null && attribution.event.index > enclosing.open && attribution.event.index < enclosing.close);
      const speaker = attribution && inEnclosing ? speakerOf(attribution.event) : null;
      const quote: Quote = { text: clean(raw), start: span.start, end: span.end, speaker, kind: 'direct' };
      quotes.push(quote);
      previous = { quote, span, attribution };
    }
    return quotes;
  }

  /**
   * "« Au-delà de la haine » ¶", "«Dieu merci, je l'ai sauvé» «Je suis…»": an intertitle, a
   * quote standing alone between a sentence end and a line end (or the next sentence, glued),
   * with no punctuation of its own: furniture repeating the body, not a quotation.
   */
  private isIntertitle(span: QuoteSpan, raw: string): boolean {
    if (/[.!?…]\s*$/u.test(raw) || !this.opensSentence(span.open)) return false;
    const after = this.text.slice(span.close, span.close + 3);
    return /^[ \t\u00a0]*(?:\n|$|[«“"]|\p{Lu})/u.test(after);
  }

  /** "fiché «S» (pour «sûreté de l'État»)": the words an abbreviation stands for, in parentheses. */
  private isGloss(span: QuoteSpan): boolean {
    return /\((?:\s*(?:pour|soit|ou|c['’]est-à-dire))?\s*$/u.test(this.text.slice(Math.max(0, span.open - 24), span.open)) && /^\s*\)/u.test(this.text.slice(span.close, span.close + 3));
  }

  /** Whether the mark at `index` opens a sentence or a paragraph. */
  private opensSentence(index: number): boolean {
    let i = index - 1;
    while (i >= 0 && /[\s\u00a0]/u.test(this.text[i])) i--;
    return i < 0 || '.!?:»”"'.includes(this.text[i]);
  }
}

/** Whitespace of a quotation as one space; the « that repeats at each paragraph of a long quote dropped. */
function clean(raw: string): string {
  return collapseWhitespace(raw.includes('\n') ? raw.replace(/\n\s*«\s*/gu, ' ') : raw).trim();
}

/**
 * Quotations of a text, direct and indirect, in text order. `finder` is the
 * speaker extraction of the same text (SpeakerFinder), when it already ran:
 * its speech events are reused.
 */
export function extractQuotes(text: string, finder: SpeakerFinder = new SpeakerFinder(text)): Quote[] {
  const sites = new AttributionSites(text, finder);
  const direct = new QuoteReader(text, sites).directQuotes();
  const indirect = findIndirectSpeech(text, sites.sites, direct);
  return [...direct, ...indirect].sort((a, b) => a.start - b.start);
}
