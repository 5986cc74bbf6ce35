import { SpeakerFinder, type SpeechEvent } from '../people/extract-speakers.js';
import { findIndirectSpeech } from './indirect-speech.js';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.js';
import type { Quote } from '../types.js';

/**
 * The quotations of a text, each with its speaker when the text says who
 * spoke, read from the speech events of the speaker extraction (one
 * attribution for speakers and quotations, src/ingest/people):
 * - the attribution after the quote: "« … », a déclaré M. Lavrov", "…»,
 *   selon lui";
 * - before it, in the same sentence, or a colon ending the previous
 *   paragraph: "Wang Yi a souligné : « … »", "a appelé à «devenir…»";
 * - inside it, set off by a comma: "« J'aime que …, a exposé M. Aulas. Là,
 *   … »" (one quotation);
 * - later in the quote's sentence, after a comma: "… «beaucoup plus de
 *   dégâts» matériels, a déclaré X";
 * - in the sentence before a quote that opens a sentence: "X confie ne plus
 *   s'en sortir. «Je suis…»".
 * A quote continued after its attribution ("« … », a dit X, « … »") is one
 * quotation. (Giving a quote with no attribution of its own the speaker
 * of the quote before it was measured and dropped: it was wrong more often
 * than right on real articles.)
 * Words between marks that are no one's words (names, titles, scare quotes:
 * «gilets jaunes») are left out: a short quote counts only when its
 * attribution stands right next to it. Indirect speech ("X a affirmé
 * que …", "…, a-t-il ajouté", "selon X, …") comes from indirect-speech.ts.
 * Every lookup is a binary search or a bounded window: linear overall.
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
function firstEventFrom(events: SpeechEvent[], index: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid].index < index) low = mid + 1;
    else high = mid;
  }
  return low;
}

function wordCount(text: string): number {
  return text.split(/[\s\u00a0]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Words between marks that are a name or a title: every word capitalised ("Charia Hebdo", "Fugueuse"). */
function looksLikeName(text: string): boolean {
  const words = text.split(/[\s\u00a0]+/u).filter(Boolean);
  return words.length < MIN_UNATTRIBUTED_WORDS && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|du|des|la|le|les|et|d['’]\p{Lu}.*)$/u.test(w)) && !/[.!?]$/u.test(text);
}

function speakerOf(event: SpeechEvent): string {
  return event.people[0].display;
}

interface Attribution {
  event: SpeechEvent;
  where: 'after' | 'before' | 'inside' | 'later' | 'previous';
}

export class QuoteReader {
  private readonly events: SpeechEvent[];

  constructor(
    private readonly text: string,
    events: SpeechEvent[],
  ) {
    this.events = [...events].sort((a, b) => a.index - b.index);
  }

  /** "« … », a déclaré X": an event starting right after the closing mark, a comma or a dash between. */
  private after(span: QuoteSpan): SpeechEvent | null {
    const k = firstEventFrom(this.events, span.close);
    const event = this.events[k];
    if (!event || event.index - span.close > AFTER_REACH) return null;
    return /^[\s,–—-]*$/u.test(this.text.slice(span.close, event.index)) ? event : null;
  }

  /** "X a souligné : « … »": the last event before the opening mark, in its sentence (or ending the paragraph before with a colon). */
  private before(span: QuoteSpan): SpeechEvent | null {
    const k = firstEventFrom(this.events, span.open) - 1;
    const event = this.events[k];
    if (!event || event.end > span.open || span.open - event.end > BEFORE_REACH) return null;
    const between = this.text.slice(event.end, span.open);
    if (!SENTENCE_END.test(between.replace(/\b(?:M|Mme|Dr)\./gu, ''))) return event;
    return /:\s*$/u.test(between) && !/[.!?]/u.test(between) ? event : null;
  }

  /** "« …, a exposé M. Aulas. Là, … »": an event inside the quote, a comma before it. */
  private inside(span: QuoteSpan): SpeechEvent | null {
    let k = firstEventFrom(this.events, span.start);
    for (; k < this.events.length && this.events[k].index < span.end; k++) {
      const event = this.events[k];
      if (/,\s*$/u.test(this.text.slice(Math.max(span.start, event.index - 3), event.index)) && event.according !== 'pour') return event;
    }
    return null;
  }

  /** "… «beaucoup plus de dégâts» matériels à Paris, a déclaré X": an inverted verb later in the quote's sentence. */
  private laterInSentence(span: QuoteSpan): SpeechEvent | null {
    const k = firstEventFrom(this.events, span.close);
    const event = this.events[k];
    if (!event || event.index - span.close > LATER_REACH || event.according === 'pour') return null;
    const between = this.text.slice(span.close, event.index);
    if (SENTENCE_END.test(between.replace(/\b(?:M|Mme|Dr)\./gu, ''))) return null;
    return /,\s*$/u.test(between) ? event : null;
  }

  /** "Lydie Bailly confie ne plus s'en sortir. «Je suis…»": the speaker of the sentence right before a quote that opens a sentence. */
  private previousSentence(span: QuoteSpan): SpeechEvent | null {
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
    const later = this.laterInSentence(span);
    if (later) return { event: later, where: 'later' };
    const previous = this.previousSentence(span);
    return previous ? { event: previous, where: 'previous' } : null;
  }

  directQuotes(): Quote[] {
    const quotes: Quote[] = [];
    let previous: { quote: Quote; span: QuoteSpan; attribution: Attribution | null } | null = null;
    for (const span of findQuoteSpans(this.text)) {
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
      if (words < MIN_WORDS && !attribution) continue;
      const near = attribution && (attribution.where === 'after' || attribution.where === 'inside' || attribution.where === 'before');
      if (!near && (words < MIN_UNATTRIBUTED_WORDS || looksLikeName(raw))) continue;
      if (attribution?.where === 'before' && words < MIN_UNATTRIBUTED_WORDS && looksLikeName(raw)) continue;
      const speaker = attribution ? speakerOf(attribution.event) : null;
      const quote: Quote = { text: clean(raw), start: span.start, end: span.end, speaker, kind: 'direct' };
      quotes.push(quote);
      previous = { quote, span, attribution };
    }
    return quotes;
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
  return raw.replace(/\n\s*«\s*/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/**
 * Quotations of a text, direct and indirect, in text order. `events` are the
 * speech events of the speaker extraction (SpeakerFinder.find) of the same
 * text, when it already ran.
 */
export function extractQuotes(text: string, events: SpeechEvent[] = new SpeakerFinder(text).find()): Quote[] {
  const reader = new QuoteReader(text, events);
  const direct = reader.directQuotes();
  const indirect = findIndirectSpeech(text, events, direct);
  return [...direct, ...indirect].sort((a, b) => a.start - b.start);
}
