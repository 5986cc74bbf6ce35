import { isSentenceOpener } from '../text/sentence-openers.js';
import { isAbbreviationPeriod } from '../text/sentences.js';

/**
 * Where pieces of chrome that sit inside a paragraph begin and end. Every
 * scan here looks at a bounded window around its anchor, so that cleaning
 * stays linear in the size of the text whatever it holds.
 */

/** Parts of text to drop, as [start, end) offsets; removes them in one pass, overlaps merged. */
export function removeSpans(text: string, spans: [number, number][], glue = ' '): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    if (start > at) parts.push(text.slice(at, start), glue);
    at = Math.max(at, end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const PARAGRAPH_GAP = /\n| {2}/;
const WORD = /[^\s]+/gu;
const CAPITALISED = /^[«"“(]*\p{Lu}/u;
const NAME_PARTICLES_BEFORE_CAPITAL = new Set(['le', 'la', 'les', 'de', 'du', 'des', 'l']);

/** Inside a word, a lowercase letter followed by a capital and a lowercase letter: "humanitaireUne". */
const CAMEL_JOIN = /(\p{Ll}{2}|[»”"!?.])(\p{Lu}\p{Ll})/u;

function bare(word: string): string {
  return word.replace(/^[«"“(]+|[»"”),;:.!?]+$/gu, '');
}

/**
 * A capitalised grammar word starting a sentence ("En voulant", "Environ
 * 27 000"). "Le", "La", "Les" followed by another capital are names ("Le
 * Pen", "La Presse"), not openers.
 */
function opensSentence(word: string, next: string | undefined): boolean {
  const b = bare(word).split(/['’]/)[0];
  if (!CAPITALISED.test(b) || !isSentenceOpener(b)) return false;
  if (NAME_PARTICLES_BEFORE_CAPITAL.has(b.toLowerCase()) && next !== undefined && CAPITALISED.test(next)) return false;
  return true;
}

/**
 * End of a headline quoted after a label ("LIRE AUSSI: Macron et la
 * difficile équation des «gilets jaunes» Environ 27 000 manifestants…"):
 * a line or paragraph gap, a glued next sentence ("…à ParisDevant le
 * parc"), or a capitalised grammar word after at least two words. Null when
 * none comes within `maxWords`: the caller then removes only the label.
 */
export function headlineEnd(text: string, from: number, maxWords = 25, maxChars = 260): number | null {
  const window = text.slice(from, from + maxChars);
  WORD.lastIndex = 0;
  const words: { word: string; start: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(window)) !== null && words.length <= maxWords) words.push({ word: m[0], start: m.index });
  let previousEnd = 0;
  for (let k = 0; k < words.length; k++) {
    const { word, start } = words[k];
    if (k > 0 && PARAGRAPH_GAP.test(window.slice(previousEnd, start))) return from + previousEnd;
    if (k >= 2 && opensSentence(word, words[k + 1]?.word)) return from + start;
    const camel = k >= 1 || word.length > 6 ? CAMEL_JOIN.exec(word) : null;
    if (camel && camel.index + camel[1].length >= 3) return from + start + camel.index + camel[1].length;
    previousEnd = start + word.length;
  }
  if (words.length > 0 && words.length <= maxWords && from + previousEnd >= text.length - 1) return text.length;
  return null;
}

/** Words that end a photo credit: the agency or archive after the photographer's name. */
const CREDIT_END_WORDS = new Set(['afp', 'france-presse', 'reuters', 'ap', 'ats', 'keystone', 'getty', 'images', 'epa', 'archives', 'pc', 'canadienne', 'presse', 'associated', 'press', 'dr', 'istock', 'shutterstock']);
const CREDIT_PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'da', 'di', 'le', 'la', 'et', '/', '|', '-', '–', 'pour']);

/**
 * End of a photo credit after its label ("Photo : Jean Dupont Agence
 * France-Presse"): the run of capitalised words and name particles, up to
 * an agency word, stopping before a grammar word that opens the caption
 * or the text again.
 */
export function creditEnd(text: string, from: number, maxWords = 8): number {
  const window = text.slice(from, from + 160);
  WORD.lastIndex = 0;
  const words: { word: string; start: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(window)) !== null && words.length <= maxWords) words.push({ word: m[0], start: m.index });
  let end = 0;
  for (let k = 0; k < words.length; k++) {
    const { word, start } = words[k];
    if (k > 0 && PARAGRAPH_GAP.test(window.slice(end, start))) break;
    const b = bare(word);
    const folded = b.toLowerCase();
    if (k > 0 && opensSentence(word, words[k + 1]?.word) && !CREDIT_END_WORDS.has(folded)) break;
    if (!CAPITALISED.test(b) && !CREDIT_PARTICLES.has(folded) && !/^[\p{Lu}\p{N}./-]+$/u.test(b)) break;
    end = start + word.length;
    if (CREDIT_END_WORDS.has(folded) && folded !== 'presse' && folded !== 'associated') {
      if (folded === 'canadienne' || folded === 'france-presse' || folded === 'images' || !CREDIT_END_WORDS.has(bare(words[k + 1]?.word ?? '').toLowerCase())) break;
    }
    if (/[.;,]$/.test(word)) break;
  }
  return from + end;
}

/**
 * Start of the sentence or paragraph that ends at `index` (a tweet's text
 * before its link): the nearest line or paragraph gap within `reach`
 * characters, else the nearest sentence end, else `index` itself.
 */
export function segmentStart(text: string, index: number, floor: number, reach = 400): number {
  const limit = Math.max(floor, index - reach);
  let sentenceStart = -1;
  for (let i = index - 1; i >= limit; i--) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === ' ' && text[i - 1] === ' ') return i + 1;
    if (sentenceStart === -1 && (c === '.' || c === '!' || c === '?' || c === '…') && i < index - 2) {
      const next = text[i + 1];
      if (next !== undefined && !/[\p{Ll}\p{N}]/u.test(next) && !(c === '.' && isAbbreviationPeriod(text, i))) sentenceStart = i + 1;
    }
  }
  if (limit === floor && floor === 0 && sentenceStart === -1) return 0;
  return sentenceStart === -1 ? index : sentenceStart;
}

/** Bounds of the sentence around `index`: back to the previous sentence end, on to the next (300 characters each way at most). */
export function sentenceAround(text: string, index: number): [number, number] {
  let start = Math.max(0, index - 300);
  for (let i = index - 1; i >= Math.max(0, index - 300); i--) {
    const c = text[i];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && !(c === '.' && isAbbreviationPeriod(text, i)))) {
      start = i + 1;
      break;
    }
    if (i === 0) start = 0;
  }
  let end = Math.min(text.length, index + 300);
  for (let i = index; i < Math.min(text.length, index + 300); i++) {
    const c = text[i];
    if (c === '\n') {
      end = i;
      break;
    }
    if (c === '.' || c === '!' || c === '?') {
      end = i + 1;
      break;
    }
  }
  return [start, end];
}
