import { letterOrMarkLength } from '../text/char-classes.js';
import { TwoWaySieve } from '../text/word-sieve.js';
import { speechVerbForms } from './speech-verbs.js';

/**
 * Speech verbs in a text, found by one pass over its words (linear in the
 * text, no backtracking): "a déclaré", "a d'ailleurs réitéré", "s'est
 * réjouie", "se félicite", "a-t-il ajouté", "ajoute-t-elle", "répliquait",
 * "a fait savoir".
 */

export interface SpeechVerb {
  /** Where the verb group starts ("s'est", "a", "n'a"; after "l'" in "comme l'a dit"). */
  index: number;
  /** Where it ends. */
  end: number;
  /** The subject pronoun written in the verb ("a-t-il", "dit-elle", "a-t-on"), if any. */
  pronoun: string | null;
  /** A finite form without auxiliary ("souligne", "répliquait"), or a verb that often means something else ("a lancé"): before its subject it needs a cue. */
  simple: boolean;
  /** Passive with its agent: "a été dénoncé par X" (`end` is after "par"). */
  passive: boolean;
}

/**
 * The words are what /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?(?:-[\p{L}\p{M}]+){0,4}/gu
 * matches, read by hand: most words start with a capital or are not
 * verbs, and are skipped without a match object or a substring.
 */
function runEnd(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    // ASCII letters without a call: most of the text
    while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    const length = letterOrMarkLength(text, i);
    if (length === 0) return i;
    i += length;
  }
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

/** End of the word whose first run of letters ends at `i`: an elided part, up to four hyphenated parts. */
function wordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 0x2019) {
    const length = letterOrMarkLength(text, i + 1);
    if (length > 0) i = runEnd(text, i + 1 + length);
  }
  for (let parts = 0; parts < 4 && text.charCodeAt(i) === 45; parts++) {
    const length = letterOrMarkLength(text, i + 1);
    if (length === 0) break;
    i = runEnd(text, i + 1 + length);
  }
  return i;
}
const INVERTED = /^(.+?)(?:-t)?-(il|elle|ils|elles|on)$/u;
/** Object pronouns between the subject and the auxiliary: "», nous a confirmé X", "X lui a dit". */
const OBJECT_PRONOUNS = new Set(['nous', 'vous', 'lui', 'leur', 'me', 'te']);
const AUXILIARIES = new Set(['a', 'avait', 'aurait', 'ont', 'avaient', 'auraient', 'aura', 'auront', 'eut']);
const REFLEXIVE_AUXILIARIES = new Set(['est', 'était', 'serait', 'sont', 'étaient', 'seraient', 'sera']);
const ADVERBS = new Set([
  'également', 'aussi', 'encore', 'alors', "d'ailleurs", 'd’ailleurs', 'notamment', 'ensuite', 'enfin', 'toutefois', 'cependant',
  'néanmoins', 'déjà', 'aussitôt', 'pourtant', 'donc', 'bien', 'même', 'toujours', 'pas', 'jamais', 'plus', 'guère', 'lui-même',
  'elle-même', 'ainsi', 'vite', 'tôt', 'tard', 'souvent', 'parfois', 'là', 'ici', 'hier',
  // a stressed pronoun of contrast: "Sega Doucoure a lui appelé", "Nicole Belloubet avait elle estimé"
  'lui', 'elle', 'eux',
]);
/** Adverbial phrases of several words, as word lists. */
const ADVERB_PHRASES = [
  ['par', 'ailleurs'], ['pour', 'sa', 'part'], ['pour', 'leur', 'part'], ['de', 'son', 'côté'], ['de', 'leur', 'côté'],
  ['en', 'outre'], ['une', 'nouvelle', 'fois'], ['à', 'nouveau'], ['de', 'nouveau'], ['plus', 'tard'], ['quant', 'à', 'lui'],
  ['quant', 'à', 'elle'], ['de', 'plus'], ['en', 'effet'], ['en', 'revanche'], ['au', 'passage'],
];

/**
 * The words without apostrophe or hyphen that the pass must read (verb
 * forms, auxiliaries, pronouns, "se"): any other is skipped without a
 * substring or a set look-up.
 */
let knownWords: TwoWaySieve | null = null;

/** The next word when only spaces separate it from `at` (sticky: no scan beyond it). */
const NEXT_WORD = /[ \t\n\u00a0\u202f]+([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?(?:-[\p{L}\p{M}]+){0,4})/uy;

interface Word {
  text: string;
  start: number;
  end: number;
}

function nextWord(text: string, at: number): Word | null {
  NEXT_WORD.lastIndex = at;
  const m = NEXT_WORD.exec(text);
  if (!m) return null;
  const end = m.index + m[0].length;
  return { text: m[1], start: end - m[1].length, end };
}

function isAdverb(word: string): boolean {
  return ADVERBS.has(word) || (word.length >= 7 && word.endsWith('ment'));
}

/** The word after an elision ("s'est" -> "est", "l'a" -> "a") and the elided part. */
function splitElision(word: string): [string, string] {
  let apostrophe = word.indexOf("'");
  if (apostrophe < 0) apostrophe = word.indexOf('’');
  if (apostrophe < 0 || apostrophe > 3) return ['', word];
  return [word.slice(0, apostrophe), word.slice(apostrophe + 1)];
}

/** Lowercase initial (verbs are never capitalised in the middle of copy). */
function isLowercaseInitial(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * One pass over the words; only auxiliaries and finite forms look ahead,
 * a few words at most, so the cost stays linear.
 */
export function findSpeechVerbs(text: string): SpeechVerb[] {
  const forms = speechVerbForms();
  if (knownWords === null) {
    knownWords = new TwoWaySieve(forms.keys());
    for (const words of [OBJECT_PRONOUNS, AUXILIARIES, REFLEXIVE_AUXILIARIES, ['se']]) knownWords.addAll(words);
  }
  const sieve = knownWords;
  const found: SpeechVerb[] = [];
  const tailFits = (tails: string[] | null, at: number): boolean => {
    if (!tails) return true;
    const after = text.slice(at, at + 16).toLowerCase();
    return tails.some((tail) => after.startsWith(' ' + tail));
  };
  let previousSe = -2; // end of the last "se", to tell "se félicite" from "félicite"
  let previousSeStart = -1;
  let previousClitic = -2; // end of the last object pronoun ("nous a confirmé", "lui a dit")
  let previousCliticStart = -1;
  let at = 0;
  const n = text.length;
  while (at < n) {
    const first = text.charCodeAt(at);
    if (first < 0x80 ? !isAsciiLetter(first) : letterOrMarkLength(text, at) === 0) {
      at++;
      continue;
    }
    const tokenStart = at;
    const runEnds = runEnd(text, tokenStart);
    const tokenEnd = wordEnd(text, runEnds);
    at = tokenEnd;
    if (!isLowercaseInitial(first)) continue;
    if (runEnds === tokenEnd && !sieve.mayHoldSpan(text, tokenStart, tokenEnd)) {
      // what reading an unknown word does: it ends any "se" or object pronoun run
      previousClitic = -2;
      previousSe = -2;
      continue;
    }
    const token = text.slice(tokenStart, tokenEnd);
    if (token === 'se') {
      previousSe = tokenEnd;
      previousSeStart = tokenStart;
      continue;
    }
    const afterClitic = previousClitic >= 0 && tokenStart - previousClitic <= 3 && /^[ \t\n\u00a0\u202f]+$/u.test(text.slice(previousClitic, tokenStart));
    const cliticStart = previousCliticStart;
    previousClitic = -2;
    if (OBJECT_PRONOUNS.has(token)) {
      previousClitic = tokenEnd;
      previousCliticStart = tokenStart;
      continue;
    }
    let elided = '';
    let base = token;
    let pronoun: string | null = null;
    if (token.includes("'") || token.includes('’')) [elided, base] = splitElision(token);
    if (base.includes('-')) {
      const inverted = INVERTED.exec(base);
      if (inverted) {
        base = inverted[1];
        pronoun = inverted[2];
      }
    }
    // only the word right after "se" can be its verb
    const afterSe = previousSe >= 0 && tokenStart - previousSe <= 3 && /^[ \t\n\u00a0\u202f]+$/u.test(text.slice(previousSe, tokenStart));
    previousSe = -2;
    const reflexiveStart = elided === 's' ? tokenStart : afterSe ? previousSeStart : -1;
    const isAuxiliary = AUXILIARIES.has(base) && elided !== 's';
    const isReflexiveAuxiliary = REFLEXIVE_AUXILIARIES.has(base) && reflexiveStart >= 0;
    if (isAuxiliary || isReflexiveAuxiliary) {
      let word = nextWord(text, tokenEnd);
      // "a été dénoncé par X": a passive, whose agent speaks
      const passive = isAuxiliary && word?.text === 'été';
      if (passive) word = nextWord(text, word!.end);
      // skip up to three adverbs, then a participle
      for (let skipped = 0; skipped < 3 && word; skipped++) {
        if (isAdverb(word.text)) {
          word = nextWord(text, word.end);
          continue;
        }
        let phraseEnd: Word | null = null;
        for (const phrase of ADVERB_PHRASES) {
          if (phrase[0] !== word.text) continue;
          let w: Word | null = word;
          for (let k = 1; k < phrase.length && w; k++) w = nextWord(text, w.end);
          if (w && w.text === phrase[phrase.length - 1]) {
            phraseEnd = w;
            break;
          }
        }
        if (!phraseEnd) break;
        word = nextWord(text, phraseEnd.end);
      }
      const form = word ? forms.get(word.text) : undefined;
      if (word && form?.participle && tailFits(form.tails, word.end) && (!form.reflexiveOnly || isReflexiveAuxiliary)) {
        const start = isReflexiveAuxiliary
          ? reflexiveStart
          : elided === 'l' || elided === 'qu'
            ? tokenStart + elided.length + 1
            : afterClitic && elided === ''
              ? cliticStart
              : tokenStart;
        if (!passive) found.push({ index: start, end: word.end, pronoun, simple: form.needsCue, passive: false });
        else {
          const agent = nextWord(text, word.end);
          if (agent?.text === 'par') found.push({ index: start, end: agent.end, pronoun: null, simple: false, passive: true });
        }
        at = word.end;
      }
      continue;
    }
    const form = forms.get(base);
    if (form?.finite && tailFits(form.tails, tokenEnd) && (!form.reflexiveOnly || reflexiveStart >= 0)) {
      if (elided !== '' && elided !== 's') continue; // "l'estime", "qu'affirme": not a verb group we read
      // a reflexive ("se félicite de", "s'inquiète de") reports speech without a quote or "que" after it
      found.push({ index: reflexiveStart >= 0 ? reflexiveStart : tokenStart, end: tokenEnd, pronoun, simple: reflexiveStart < 0, passive: false });
    }
  }
  return found;
}
