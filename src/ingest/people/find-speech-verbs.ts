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
  /** A finite form without auxiliary ("souligne", "répliquait"): weaker evidence before its subject. */
  simple: boolean;
  /** Passive with its agent: "a été dénoncé par X" (`end` is after "par"). */
  passive: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?(?:-[\p{L}\p{M}]+){0,4}/gu;
const INVERTED = /^(.+?)(?:-t)?-(il|elle|ils|elles|on)$/u;
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

interface Word {
  text: string;
  start: number;
  end: number;
}

function isAdverb(word: string): boolean {
  return ADVERBS.has(word) || (word.length >= 7 && word.endsWith('ment'));
}

/** Words of the text; each lowercase. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) words.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return words;
}

/** Only spaces between two words (no punctuation). */
function adjacent(text: string, a: Word, b: Word): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0 && c !== 0x202f && c !== 10 && c !== 9) return false;
  }
  return b.start > a.end;
}

/** The word after an elision ("s'est" -> "est", "l'a" -> "a") and the elided part. */
function splitElision(word: string): [string, string] {
  const apostrophe = word.search(/['’]/u);
  if (apostrophe < 0 || apostrophe > 3) return ['', word];
  return [word.slice(0, apostrophe), word.slice(apostrophe + 1)];
}

export function findSpeechVerbs(text: string): SpeechVerb[] {
  const forms = speechVerbForms();
  const words = wordsOf(text);
  const found: SpeechVerb[] = [];
  /** The word at i follows "se"/"s'": index of the pronoun's start, else -1. */
  const reflexiveStart = (i: number, elided: string): number => {
    if (elided === 's') return words[i].start;
    if (i > 0 && words[i - 1].text === 'se' && adjacent(text, words[i - 1], words[i])) return words[i - 1].start;
    return -1;
  };
  const tailFits = (tails: string[] | null, at: number): boolean => {
    if (!tails) return true;
    const after = text.slice(at, at + 16).toLowerCase();
    return tails.some((tail) => after.startsWith(' ' + tail));
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const initial = text[word.start];
    if (initial !== initial.toLowerCase()) continue; // capitalised: never a verb here
    let [elided, base] = splitElision(word.text);
    let pronoun: string | null = null;
    const inverted = INVERTED.exec(base);
    if (inverted) {
      base = inverted[1];
      pronoun = inverted[2];
    }
    const elisionEnd = elided === 'l' || elided === 'qu' ? word.start + elided.length + 1 : word.start;
    const isAuxiliary = AUXILIARIES.has(base) && elided !== 's';
    const isReflexiveAuxiliary = REFLEXIVE_AUXILIARIES.has(base) && reflexiveStart(i, elided) >= 0;
    if (isAuxiliary || isReflexiveAuxiliary) {
      // "a été dénoncé par X": a passive, whose agent speaks
      let j = i + 1;
      const passive = isAuxiliary && words[j]?.text === 'été' && adjacent(text, word, words[j]);
      if (passive) j++;
      // skip up to three adverbs, then a participle
      for (let skipped = 0; skipped < 3 && j < words.length; skipped++) {
        if (!adjacent(text, words[j - 1], words[j])) break;
        if (isAdverb(words[j].text)) {
          j++;
          continue;
        }
        const phrase = ADVERB_PHRASES.find((p) => p.every((w, k) => words[j + k]?.text === w));
        if (!phrase) break;
        j += phrase.length;
      }
      const participle = words[j];
      if (participle && adjacent(text, words[j - 1], participle)) {
        const form = forms.get(participle.text);
        if (form?.participle && tailFits(form.tails, participle.end)) {
          const start = isReflexiveAuxiliary ? reflexiveStart(i, elided) : elisionEnd;
          if (!passive) found.push({ index: start, end: participle.end, pronoun, simple: false, passive: false });
          else {
            const agent = words[j + 1];
            if (agent?.text === 'par' && adjacent(text, participle, agent)) found.push({ index: start, end: agent.end, pronoun: null, simple: false, passive: true });
          }
          i = j;
          continue;
        }
      }
      continue;
    }
    const form = forms.get(base);
    if (form?.finite && tailFits(form.tails, word.end)) {
      const reflexive = reflexiveStart(i, elided);
      if (elided !== '' && elided !== 's') continue; // "l'estime", "qu'affirme": not a verb group we read
      found.push({ index: reflexive >= 0 ? reflexive : word.start, end: word.end, pronoun, simple: true, passive: false });
    }
  }
  return found;
}
