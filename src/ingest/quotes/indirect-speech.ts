import { isAbbreviationPeriod, sentenceStart } from '../text/sentences.js';
import { speechVerbForms } from '../people/speech-verbs.js';
import type { AttributionSite } from './attribution-sites.js';
import type { Quote } from '../types.js';
import { collapseWhitespace } from '../text/whitespace.js';

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
/** How long the subject of a verb inverted at the end of a sentence may be. */
const INVERTED_SUBJECT_LENGTH = 160;
/** Where a present participle and que may stand ("…ant que", "…ant qu'"): a literal the engine finds fast; the participle is then read backwards (participleAt). */
const ANT_QUE = /ant\s+qu(?:e\s|['’])/gu;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
const SPACE = /^\s$/u;
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
  return { text: collapseWhitespace(text.slice(start, end)), start, end, speaker, kind: 'indirect' };
}

/** Whether the event is the attribution right after a direct quote ("« … », a-t-il ajouté"). */
function afterQuote(text: string, index: number): boolean {
  return /[»”"][\s,]*$/u.test(text.slice(Math.max(0, index - 6), index));
}

/** Whether the subject after an inverted verb runs to the end of the sentence ("…, a indiqué à l'AFP le procureur de Perpignan, Jean-Jacques Fagni."): no quote, no clause after it. */
function closesSentence(text: string, from: number): boolean {
  const end = sentenceEnd(text, from);
  if (end - from > INVERTED_SUBJECT_LENGTH || end >= text.length) return false;
  const subject = text.slice(from, end);
  return !/[«»“”"]|(?<![\p{L}])(?:qui|que|qu['’]|dont|et|mais|alors)(?![\p{L}])/u.test(subject) && text[end] === '.';
}

/** The code point ending at `end` (a surrogate pair read whole) and its length in code units. */
function codePointBefore(text: string, end: number): [string, number] {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return [text.slice(end - 2, end), 2];
  }
  return [text[end - 1], 1];
}

/** Start of the word `word` ending at `end`, read backwards after whitespace, when a non-letter stands before it; -1 otherwise. */
function wordBefore(text: string, end: number, word: string, floor: number): number {
  let i = end;
  while (i > floor && SPACE.test(text[i - 1])) i--;
  if (i === end || i - word.length < floor || text.slice(i - word.length, i) !== word) return -1;
  const start = i - word.length;
  return start === 0 || !LETTER.test(codePointBefore(text, start)[0]) ? start : -1;
}

/**
 * The participle of a match of ANT_QUE at `ant` (its "ant"), as the pattern
 * (?<![\p{L}])(?:(?:tout\s+)?en\s+)?(\p{Ll}{3,})ant\s+qu(?:e\s|['’]) would
 * match it leftmost from `floor` (the end of the previous match): the run of
 * lowercase letters before "ant", at least three, after no letter, and where
 * the match starts ("tout en", "en" before it, or the stem itself).
 */
export function participleAt(text: string, ant: number, end: number, floor: number): { index: number; end: number; stem: string } | null {
  let start = ant;
  let letters = 0;
  while (start > floor) {
    const [c, size] = codePointBefore(text, start);
    if (!LOWER.test(c)) break;
    start -= size;
    letters++;
  }
  // fewer than three letters, or a run cut by `floor` or after a capital: no participle starts here
  if (letters < 3 || (start > 0 && LETTER.test(codePointBefore(text, start)[0]))) return null;
  const stem = text.slice(start, ant);
  let index = start;
  const en = wordBefore(text, start, 'en', floor);
  if (en >= 0) {
    index = en;
    const tout = wordBefore(text, en, 'tout', floor);
    if (tout >= 0) index = tout;
  }
  return { index, end, stem };
}

/**
 * "…, soulignant que …", "tout en admettant que …", "en répétant qu'…": a present
 * participle of a speech verb and que, whose speaker is that of the attribution site
 * before it in the sentence.
 */
function participleStatements(text: string, events: AttributionSite[], direct: Quote[]): Quote[] {
  const forms = speechVerbForms();
  const found: Quote[] = [];
  const cursor = { k: 0 };
  let k = 0;
  let from = 0;
  for (const candidate of text.matchAll(ANT_QUE)) {
    const m = participleAt(text, candidate.index, candidate.index + candidate[0].length, from);
    if (!m) continue;
    from = m.end;
    const stem = m.stem;
    if (!forms.get(stem + 'é')?.participle && !forms.get(stem + 'u')?.participle && !forms.get(stem + 'i')?.participle) continue;
    if (insideDirect(direct, m.index, cursor)) continue;
    while (k < events.length && events[k].index < m.index) k++;
    const site = events[k - 1];
    if (!site || !site.read || site.speaker === null || site.according === 'pour' || site.index < sentenceStart(text, m.index, MAX_STATEMENT)) continue;
    const start = skipSpaces(text, m.end);
    const quote = quoteOf(text, start, sentenceEnd(text, start), site.speaker.display);
    if (quote) found.push(quote);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `events` are the attribution sites of the text (attribution-sites.ts); indirect speech is kept only for a named speaker. */
export function findIndirectSpeech(text: string, events: AttributionSite[], direct: Quote[]): Quote[] {
  const found: Quote[] = [];
  const cursor = { k: 0 };
  let lastEnd = -1;
  const starts = new Set<number>();
  const sorted = [...events].sort((a, b) => a.index - b.index);
  for (const quote of participleStatements(text, sorted, direct)) {
    starts.add(quote.start);
    found.push(quote);
  }
  for (const event of sorted) {
    if (event.according === 'pour' || event.according === 'pour qui') continue;
    if (insideDirect(direct, event.index, cursor) || event.index < lastEnd) continue;
    if (!event.read || event.speaker === null) continue;
    const speaker = event.speaker.display;
    let quote: Quote | null = null;
    if (event.according === 'selon') {
      const start = sentenceStart(text, event.index, MAX_STATEMENT);
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
      } else if (/,\s*$/u.test(text.slice(Math.max(0, event.index - 3), event.index)) && !afterQuote(text, event.index) && closesSentence(text, event.end)) {
        // "Le conducteur a été tué sur le coup, a-t-il ajouté.": the inverted verb closes the sentence (a partial quote inside is also a direct quotation)
        const start = sentenceStart(text, event.index, MAX_STATEMENT);
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
  return found.sort((a, b) => a.start - b.start);
}
