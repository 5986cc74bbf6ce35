import { isAbbreviationPeriod } from '../text/sentences.js';
import type { SpeechEvent } from '../people/extract-speakers.js';
import type { Quote } from '../types.js';

/**
 * Indirect speech: a statement reported by a speech verb of a named speaker,
 * without quotation marks:
 * - "X a affirmé (mardi à l'AFP) que …": the statement after "que";
 * - "Le conducteur a été tué sur le coup, a-t-il ajouté": the clause before
 *   an inverted verb;
 * - "Selon X, …" opening a sentence, "…, selon X." closing it;
 * - an infinitive after the verb: "X a dit vouloir …", "a promis de …".
 * Speech inside a direct quotation is left out (it is part of that quote),
 * as are opinions ("Pour X, …"). Bounded windows: linear in the text.
 */

/** "que" after the verb, a few words of complement between ("a affirmé mardi à l'AFP que"). */
const QUE_AFTER = /^[^.!?;:«»"“”\n]{0,60}?\bqu(?:e\s|['’])/u;
const MAX_STATEMENT = 400;
/** "a dit vouloir …", "a affirmé avoir …", "confie ne plus …", "a promis de …": an infinitive right after the verb. */
const INFINITIVE_AFTER = /^[\s\u00a0]+((?:ne[\s\u00a0]+(?:plus|pas|jamais)[\s\u00a0]+|n['’](?:avoir|être)\b)?(?:avoir|être|\p{Ll}{2,}(?:er|ir|re|oir))(?![\p{L}-])|(?:de[\s\u00a0]+|d['’])\p{Ll}{2,}(?:er|ir|re|oir)(?![\p{L}-]))/u;

function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_STATEMENT);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '\n' || c === '!' || c === '?') return i;
    if (c === '.' && !isAbbreviationPeriod(text, i)) return i;
  }
  return limit;
}

function sentenceStart(text: string, index: number): number {
  const floor = Math.max(0, index - MAX_STATEMENT);
  for (let i = index - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || c === '!' || c === '?') return i + 1;
    if (c === '.' && !isAbbreviationPeriod(text, i)) return i + 1;
  }
  return floor;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /[\s\u00a0]/u.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s\u00a0,]/u.test(text[end - 1])) end--;
  return end;
}

function insideDirect(direct: Quote[], index: number, cursor: { k: number }): boolean {
  while (cursor.k < direct.length && direct[cursor.k].end < index) cursor.k++;
  const quote = direct[cursor.k];
  return quote !== undefined && quote.start <= index && index < quote.end;
}

function quoteOf(text: string, start: number, end: number, speaker: string): Quote | null {
  end = trimEnd(text, start, end);
  if (end - start < 10) return null;
  return { text: text.slice(start, end).replace(/\s+/gu, ' '), start, end, speaker, kind: 'indirect' };
}

/** Whether the event is the attribution right after a direct quote ("« … », a-t-il ajouté"). */
function afterQuote(text: string, index: number): boolean {
  return /[»”"][\s,]*$/u.test(text.slice(Math.max(0, index - 6), index));
}

export function findIndirectSpeech(text: string, events: SpeechEvent[], direct: Quote[]): Quote[] {
  const found: Quote[] = [];
  const cursor = { k: 0 };
  let lastEnd = -1;
  const starts = new Set<number>();
  for (const event of [...events].sort((a, b) => a.index - b.index)) {
    if (event.according === 'pour' || event.according === 'pour qui') continue;
    if (insideDirect(direct, event.index, cursor) || event.index < lastEnd) continue;
    const speaker = event.people[0].display;
    let quote: Quote | null = null;
    if (event.according === 'selon') {
      const start = sentenceStart(text, event.index);
      if (text.slice(start, event.index).trim() === '') {
        // "Selon X, …": the statement after the comma that ends the attribution
        const comma = text.indexOf(',', event.end);
        if (comma > 0 && comma - event.end < 80) quote = quoteOf(text, skipSpaces(text, comma + 1), sentenceEnd(text, comma + 1), speaker);
      } else if (!afterQuote(text, event.index)) quote = quoteOf(text, start, event.index, speaker);
    } else {
      const que = QUE_AFTER.exec(text.slice(event.end, event.end + 80));
      if (que) {
        const start = skipSpaces(text, event.end + que[0].length);
        quote = quoteOf(text, start, sentenceEnd(text, start), speaker);
      } else if (/,\s*$/u.test(text.slice(Math.max(0, event.index - 3), event.index)) && !afterQuote(text, event.index) && /^\s*[.]/u.test(text.slice(event.end).replace(/^[^.,;:!?«»]{0,40}/u, ''))) {
        // "Le conducteur a été tué sur le coup, a-t-il ajouté.": the inverted verb closes the sentence (a partial quote inside is also a direct quotation)
        const start = sentenceStart(text, event.index);
        if (!/^[\s\u00a0]*[«“"]/u.test(text.slice(start, event.index))) quote = quoteOf(text, skipSpaces(text, start), event.index, speaker);
      } else if (event.according === null) {
        const infinitive = INFINITIVE_AFTER.exec(text.slice(event.end, event.end + 60));
        if (infinitive) {
          const start = event.end + infinitive.index + infinitive[0].length - infinitive[1].length;
          quote = quoteOf(text, start, sentenceEnd(text, start), speaker);
        }
      }
    }
    if (quote && !starts.has(quote.start)) {
      starts.add(quote.start);
      found.push(quote);
      lastEnd = quote.end;
    }
  }
  return found;
}
