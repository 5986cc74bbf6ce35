import { isSentenceOpener } from './sentence-openers.js';
import { isAbbreviationPeriod } from './sentences.js';

/**
 * Restores the breaks scraped text lost: sentences glued at a period
 * ("l'Intérieur.La mobilisation"), a headline or intertitle glued to the
 * next sentence ("à ParisDevant le parc", "Liberté de presse« On sait"),
 * an intertitle run into its paragraph ("Heurts en province Des heurts
 * plus sérieux…"), and paragraphs separated by runs of spaces. Every
 * decision looks at a few characters or words around one place: linear.
 */

/** Punctuation that ends a sentence; what follows is checked apart (a lookahead after a run would rescan the run: quadratic on "......"). */
const GLUED_PERIOD = /[.!?…]+/gu;
/**
 * Two lowercase letters directly followed by a capitalised word, or by an
 * opening quote. Latin letters only, without the u flag: this pattern runs
 * over every character of every article and Unicode classes cost several
 * times more.
 */
const GLUED_WORD = /([a-zß-öø-ÿœ]{2})(?:([A-ZÀ-ÖØ-ÞŒ][a-zß-öø-ÿœ]*)|(«))/g;
/** A run of spaces after a sentence end stands for a lost paragraph break; inside a sentence it is only spacing. */
const SPACE_RUN = / {2,}/g;
const SENTENCE_END_CHARACTERS = '.!?…»"”)';
const LOWERCASE_END = /[\p{Ll}\p{N}»”"%)]$/u;
const CAPITALISED = /^\p{Lu}/u;
const TITLES = new Set(['M.', 'Mme', 'MM.', 'Mmes', 'Me', 'Dr', 'Pr', 'Mgr']);
const NAME_PARTICLES = new Set(['le', 'la', 'les']);
const INTERTITLE_MAX_WORDS = 10;

/** True when the period at `index` ends a word that is a url, an e-mail address, a domain or initials. */
function endsUrlOrInitials(text: string, index: number): boolean {
  let i = index - 1;
  const floor = Math.max(0, index - 60);
  while (i >= floor && !/\s/.test(text[i])) {
    const c = text[i];
    if (c === '/' || c === '@' || c === '.' || c === ':') return true;
    i--;
  }
  return false;
}

function splitGluedPeriods(text: string): string {
  const parts: string[] = [];
  let at = 0;
  GLUED_PERIOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUED_PERIOD.exec(text)) !== null) {
    const i = m.index;
    const before = text.slice(Math.max(0, i - 2), i);
    if (!/^(?:\p{Ll}{2}|.[»”")%])$/u.test(before)) continue;
    const after = text.slice(i + m[0].length, i + m[0].length + 2);
    if (!/^(?:[«"“]|\p{Lu}[\p{Ll}'’ ]|\p{Lu}\p{Lu})/u.test(after)) continue;
    // "etc." glued to a capital ends a sentence; other abbreviations do not
    const etc = text.slice(Math.max(0, i - 3), i) === 'etc';
    if (m[0][0] === '.' && !etc && (isAbbreviationPeriod(text, i) || endsUrlOrInitials(text, i))) continue;
    const end = i + m[0].length;
    parts.push(text.slice(at, end), ' ');
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A closing quote glued to a capitalised word: «Pipi de chat»Pour… is an intertitle that lost its line. */
const GLUED_AFTER_QUOTE = /[»”](?=\p{Lu}\p{Ll})/gu;

function splitQuotedIntertitles(text: string): string {
  const parts: string[] = [];
  let at = 0;
  GLUED_AFTER_QUOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUED_AFTER_QUOTE.exec(text)) !== null) {
    const close = m.index;
    // the quotation it closes starts a line of its own when a sentence ended just before it
    const windowStart = Math.max(at, close - 80);
    const found = text.slice(windowStart, close).lastIndexOf('«');
    const open = found < 0 ? -1 : windowStart + found;
    if (open > at && /[.!?»] $/u.test(text.slice(Math.max(0, open - 2), open))) {
      parts.push(text.slice(at, open), '\n');
      at = open;
    }
    parts.push(text.slice(at, close + 1), '\n');
    at = close + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function splitGluedWords(text: string): string {
  return text.replace(GLUED_WORD, (whole, tail: string, word: string | undefined, quote: string | undefined, offset: number) => {
    if (quote) return `${tail}\n${quote}`;
    if (!word || !isSentenceOpener(word)) return whole;
    // "le" or "la" glued to a lowercase run is rarely a sentence start ("McLe…"); require a word before of 3+ letters
    if (offset > 0 && /\p{L}/u.test(text[offset - 1] ?? '') === false) return whole;
    return `${tail}\n${word}`;
  });
}

/**
 * An intertitle at the start of `line`: two to ten words without
 * punctuation, then a capitalised grammar word after a lowercase word that
 * opens the paragraph proper ("Des heurts plus…", "M. Macron…", "«Le
 * grand…"). Returns the offset of that word, or -1.
 */
/** Cheap gate: an intertitle needs a lowercase word followed by a capital or an opening quote near the start of the line. */
const LOWER_THEN_CAPITAL = /[a-zß-öø-ÿœ»"] [A-ZÀ-ÖØ-ÞŒ«]/;

function intertitleEnd(line: string): number {
  if (!LOWER_THEN_CAPITAL.test(line.slice(0, 120))) return -1;
  const words: { word: string; start: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null && words.length <= INTERTITLE_MAX_WORDS + 1) words.push({ word: m[0], start: m.index });
  if (words.length < 4 || !CAPITALISED.test(words[0].word)) return -1;
  for (let k = 2; k < words.length - 1; k++) {
    const { word, start } = words[k];
    const previous = words[k - 1].word;
    if (/[,;:.!?()«»"“”]/u.test(previous) && !previous.endsWith('»')) return -1;
    // an intertitle ends with a content word, never with "de", "à", "sur", "qu'en": "Journaliste à Elle", "monte sur M. Macron"
    if (!LOWERCASE_END.test(previous) || CAPITALISED.test(previous) || isSentenceOpener(previous.replace(/^.*['’]/u, ''))) continue;
    const next = words[k + 1].word;
    if (word.startsWith('«')) {
      const quoted = word === '«' ? next : word.slice(1);
      const after = word === '«' ? words[k + 2]?.word : next;
      // "«Le grand débat…" opens a quotation; "«Les Chemins de Damas»" is a title
      if (CAPITALISED.test(quoted) && isSentenceOpener(quoted.replace(/['’].*$/u, '')) && !(after && CAPITALISED.test(after))) return start;
      continue;
    }
    if (TITLES.has(word) && CAPITALISED.test(next)) return start;
    const bare = word.replace(/[’'].*$/u, '');
    if (!CAPITALISED.test(word) || !isSentenceOpener(bare)) continue;
    if (CAPITALISED.test(next) && (NAME_PARTICLES.has(bare.toLowerCase()) || !word.includes('’'))) continue;
    if (line.length - start < 40) return -1;
    return start;
  }
  return -1;
}

function splitIntertitles(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const cut = intertitleEnd(line);
    if (cut > 0) lines[i] = `${line.slice(0, cut).trim()}\n${line.slice(cut)}`;
  }
  return lines.join('\n');
}

/** Text with its lost sentence and paragraph breaks restored. */
export function restoreBreaks(text: string): string {
  const paragraphs = text.includes('  ') ? text.replace(SPACE_RUN, (_run: string, offset: number) => (offset > 0 && SENTENCE_END_CHARACTERS.includes(text[offset - 1]) ? '\n' : ' ')) : text;
  return splitIntertitles(splitGluedWords(splitQuotedIntertitles(splitGluedPeriods(paragraphs))));
}
