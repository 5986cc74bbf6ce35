import { foldWord } from './fold.js';
import { isStopWord } from './stopwords.js';
import { stemFolded } from './stem.js';
import { ELISION, elisionLength, JOINER, nextWord, scannedWord, splitWords, withoutElision } from './words.js';

/**
 * A word of a text as the index sees it: its analyzed term (folded, stemmed)
 * and where it stands in the original text, for snippets and highlighting.
 */
export interface Token {
  term: string;
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** Index of the word in the text, stop words included: adjacent words differ by 1. */
  position: number;
}

/** Analyzes one plain word (no joiner): null when it is a stop word. */
export function analyzeWord(word: string): string | null {
  const folded = foldWord(word);
  if (folded.length === 0 || isStopWord(folded)) return null;
  return stemFolded(folded);
}

/**
 * Splits a text into analyzed tokens with their offsets. Elisions are cut
 * ("l'OTAN" -> "otan"), hyphenated compounds give one token per part
 * ("Chine-Russie" -> "chine", "russ"); stop words are dropped but still
 * count as positions, so a phrase never jumps over a word.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachPart(text, (part, start, end, position) => {
    const term = analyzeWord(part);
    if (term !== null) tokens.push({ term, start, end, position });
  });
  return tokens;
}

/**
 * Where each position of a text stands (start and end offsets, by position,
 * stop words included), without analyzing any word: with the term ids of
 * each position saved in the index, this is all a snippet needs.
 */
export function positionSpans(text: string, last = Infinity): { start: number[]; end: number[] } {
  const spans = { start: [] as number[], end: [] as number[] };
  forEachPart(text, (_part, start, end, position) => {
    spans.start.push(start);
    spans.end.push(end);
    return position < last;
  });
  return spans;
}

/**
 * Visits every word part of a text with its offsets and position (the one
 * definition of positions), until `visit` returns false.
 */
function forEachPart(text: string, visit: (part: string, start: number, end: number, position: number) => boolean | void): void {
  let position = 0;
  const word = scannedWord();
  for (let i = 0; nextWord(text, i, word); i = word.end) {
    if (!word.joined) {
      if (visit(text.slice(word.start, word.end), word.start, word.end, position++) === false) return;
      continue;
    }
    let raw = text.slice(word.start, word.end);
    const cut = elisionLength(raw);
    const offset = word.start + cut;
    if (cut > 0) raw = raw.slice(cut);
    let partStart = 0;
    for (const part of raw.split(JOINER)) {
      if (visit(part, offset + partStart, offset + partStart + part.length, position++) === false) return;
      partStart += part.length + 1;
    }
  }
}

/**
 * The terms to index for a text: every token, plus each hyphenated compound
 * whole ("chine-russ"), so that "Chine-Russie" is findable whole and by part.
 */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  const word = scannedWord();
  for (let i = 0; nextWord(text, i, word); i = word.end) {
    const parts = withoutElision(text.slice(word.start, word.end)).split(JOINER);
    const analyzed: string[] = [];
    for (const part of parts) {
      const term = analyzeWord(part);
      if (term !== null) analyzed.push(term);
    }
    terms.push(...analyzed);
    if (parts.length > 1 && analyzed.length > 1) terms.push(compoundTerm(parts));
  }
  return terms;
}

/** The whole-compound term of hyphenated parts: each part folded and stemmed, stop words kept. */
export function compoundTerm(parts: string[]): string {
  return parts.map((p) => stemFolded(foldWord(p))).join('-');
}

export { JOINER, ELISION, splitWords, withoutElision };
