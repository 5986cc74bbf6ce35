import { NAME_PARTICLES, isInnerNameParticle, isNonNameWord, isTitleWord } from '../lexicon/name-words.js';
import { isCommonWord, isKnownFirstName, isKnownSurname, isOtherProperNoun } from '../lexicon/name-lexicon.js';
import { isPlace } from '../lexicon/places.js';
import { canonicalOrganisation } from '../organisations/gazetteer.js';
import { isLetterOrNumberUnit, isUppercaseUnit } from '../text/char-classes.js';

/**
 * Sequences of capitalised words that may be people's names, and the rules
 * that turn "le Président Xi Jinping" or "Chine Wang Yi" into "Xi Jinping",
 * "Wang Yi". Nothing here knows a particular person: names never seen
 * before are found the same way.
 */

/** "Wang", "Kassym-Jomart", "Tokaïev", "al-Assad", "McConnell"; an initial "W." inside a name. */
// hyphenated parts are bounded ({0,3}): an unbounded run ("Aa-Aa-Aa-…") is re-read from every part, quadratic
const NAME_WORD = "(?:(?:Ma?c(?=\\p{Lu}))?\\p{Lu}[\\p{Ll}\\p{M}]+(?:['’]\\p{Lu}?[\\p{Ll}\\p{M}]+)?(?:-\\p{Lu}[\\p{Ll}\\p{M}]+){0,3}|(?:al|el|ben|bin|ibn|abu|abou)-\\p{Lu}[\\p{Ll}\\p{M}]+)";
const PARTICLES = NAME_PARTICLES.filter((p) => p !== 'la' && p !== 'le').join('|');
/** Titles kept in the match so they can be recognised ("M. Wang", "Mme Merkel"). */
const ABBREVIATED_TITLE = '(?:M\\.|MM\\.|Mme|Mmes|Mlle|Dr|Pr|Mgr|Me)';

/** Up to five name words, with particles and initials between them, optionally after an abbreviated title; read at word starts by nameMatches. */
export const NAME_SEQUENCE = new RegExp(
  `(?:${ABBREVIATED_TITLE}\\s+)?${NAME_WORD}(?:\\s+(?:(?:${PARTICLES})\\s+(?:(?:la|le|${PARTICLES})\\s+)?)?(?:${NAME_WORD}|\\p{Lu}\\.(?=\\s+\\p{Lu})))` +
    `{0,4}(?![\\p{L}\\p{N}-])`,
  'gu',
);

/** NAME_SEQUENCE tried at one position only. */
const NAME_SEQUENCE_AT = new RegExp(NAME_SEQUENCE.source, 'uy');
/** An apostrophe before a name is fine after an elided word: "qu'Olivier Ramezon", "d'Emmanuel Macron". */
const ELISION_BEFORE = /(?:^|[^\p{L}])(?:[dlDL]|[qQ]u|jusqu|lorsqu|puisqu)['’]$/u;

/** Whether a character (one code unit) may not come right before a name: [\p{L}\p{N}-]. */
function gluedToName(code: number): boolean {
  return code === 45 || isLetterOrNumberUnit(code);
}

/**
 * Whether NAME_SEQUENCE may match at `i`: every title and name word starts
 * with a capital (a surrogate pair may be one), save "al-", "el-", "ben-",
 * "bin-", "ibn-", "abu-", "abou-", whose hyphen comes within five characters.
 */
function mayStartName(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (c >= 65 && c <= 90) return true;
    return (c === 97 || c === 98 || c === 101 || c === 105) && (text.charCodeAt(i + 2) === 45 || text.charCodeAt(i + 3) === 45 || text.charCodeAt(i + 4) === 45);
  }
  return (c >= 0xd800 && c <= 0xdbff) || isUppercaseUnit(c);
}

/**
 * Matches of NAME_SEQUENCE that start a word (an elided article or
 * conjunction may come right before): what wordStartMatches gives, with the
 * expression tried only where a name may start, the rest of the text
 * skipped one character read at a time.
 */
function nameMatches(text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  let at = 0;
  while (at < text.length) {
    // inside a word most characters are glued to the one before: that test comes first
    if ((at > 0 && gluedToName(text.charCodeAt(at - 1))) || !mayStartName(text, at)) {
      at++;
      continue;
    }
    NAME_SEQUENCE_AT.lastIndex = at;
    const m = NAME_SEQUENCE_AT.exec(text);
    if (m === null) {
      at++;
      continue;
    }
    at += Math.max(1, m[0].length);
    const before = text[m.index - 1];
    if ((before !== "'" && before !== '’') || ELISION_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) matches.push(m);
  }
  return matches;
}

/** A name found in the text. */
export interface NameMention {
  /** The name without titles: "Wang Yi", "Wang" (from "M. Wang"). */
  name: string;
  start: number;
  end: number;
  /** Written with a title ("M. Wang", "Mme X"): surely a person, even as one word. */
  titled: boolean;
}

/** "Chine-Russie", "Asie-Pacifique": every part a place. */
function isPlaceWord(word: string): boolean {
  return isPlace(word) || (word.includes('-') && word.split('-').every((part) => isPlace(part)));
}

/**
 * Strips what is not the name from a sequence of capitalised words: leading
 * titles, sentence-opening words and place words ("Le Ministre Wang Yi",
 * "Chine Wang Yi" -> "Wang Yi"), trailing places. Returns null when what
 * remains still holds a word that is never a name, or is a place or a known
 * organisation.
 */
export function nameFromSequence(sequence: string): { name: string; titled: boolean } | null {
  // the same sequences ("Le", "La Chine", "Wang Yi") come back in every article
  const cached = sequenceCache.get(sequence);
  if (cached !== undefined) return cached;
  const result = readSequence(sequence);
  if (sequenceCache.size >= SEQUENCE_CACHE_LIMIT) sequenceCache.clear();
  sequenceCache.set(sequence, result);
  return result;
}

const SEQUENCE_CACHE_LIMIT = 100_000;
const sequenceCache = new Map<string, { name: string; titled: boolean } | null>();

function isParticle(word: string, i: number, count: number): boolean {
  return NAME_PARTICLES.includes(word) || (i > 0 && i < count - 1 && isInnerNameParticle(word));
}

/** A word that is not a name in French copy: a common word, a place, another proper noun. */
function isWordOrPlace(word: string): boolean {
  return isCommonWord(word) || isPlaceWord(word) || isOtherProperNoun(word);
}

function readSequence(sequence: string): { name: string; titled: boolean } | null {
  const words = sequence.split(/\s+/);
  let first = 0;
  let titled = false;
  while (first < words.length && (isTitleWord(words[first]) || isNonNameWord(words[first]) || isPlaceWord(words[first]))) {
    // "M. Le Maire", "Mme Le Pen": after a title, a capitalised particle opens the surname
    if (titled && first + 1 < words.length && isInnerNameParticle(words[first]) && /^\p{Lu}/u.test(words[first])) break;
    // "Dominique Bertinotti", "Florence Parly": a first name that is also a place, before another name word
    if (first + 1 < words.length && isPlaceWord(words[first]) && isKnownFirstName(words[first]) && !isWordOrPlace(words[first + 1])) break;
    if (isTitleWord(words[first])) titled = true;
    first++;
  }
  let last = words.length - 1;
  const placeAfterParticle = (i: number) => i - 1 > first && (words[i - 1] === 'de' || words[i - 1] === 'du') && (isPlaceWord(words[i]) || isOtherProperNoun(words[i]));
  while (last >= first && (isPlaceWord(words[last]) || isNonNameWord(words[last]) || isTitleWord(words[last]) || NAME_PARTICLES.includes(words[last]) || placeAfterParticle(last))) {
    // "Bruno Le Maire", "Marine Le Pen": a capitalised particle makes the next word a surname
    // (only when stripping would leave a first name alone: "Édouard Philippe Le Premier" loses "Le Premier")
    if (last - 1 >= first && last - 1 - first <= 1 && /^\p{Lu}/u.test(words[last - 1]) && isInnerNameParticle(words[last - 1])) break;
    // "François Hollande", "Florence Parly": a first name and a word that is also a place
    if (last - 1 === first && isKnownFirstName(words[first]) && !isNonNameWord(words[last]) && !isTitleWord(words[last])) break;
    last--;
  }
  if (last < first) return null;
  // "Marseille Xavier Tarabeux", "Cher Catherine Ferrier", "News Rana Zaman": a dateline place, a rubric or an opening word before a first name
  for (let k = first + 1; k < last; k++) {
    if (!isKnownFirstName(words[k])) continue;
    if (words.slice(first, k).every((w) => (!isKnownFirstName(w) || isPlaceWord(w)) && !isInnerNameParticle(w))) first = k;
    break;
  }
  const kept = words.slice(first, last + 1);
  const nameWords = kept.filter((w, i) => !isParticle(w, i, kept.length));
  const firstIsFirstName = isKnownFirstName(kept[0]);
  for (let i = 0; i < kept.length; i++) {
    const w = kept[i];
    if (isParticle(w, i, kept.length) || (i === 0 && kept.length > 1 && isInnerNameParticle(w))) continue;
    // "Le Maire", "Le Pen": after a capitalised particle any word is a surname
    if (i > 0 && /^\p{Lu}/u.test(kept[i - 1]) && isInnerNameParticle(kept[i - 1])) continue;
    if (isNonNameWord(w) || isTitleWord(w) || (isPlaceWord(w) && !(firstIsFirstName && (i > 0 || kept.length > 1)))) return null;
  }
  const name = kept.join(' ');
  if (isPlace(name) || canonicalOrganisation(name) !== null) return null;
  if (!titled && !looksLikePerson(nameWords)) return null;
  return { name, titled };
}

/**
 * Whether capitalised words (particles removed) may be a person's name:
 * a known first name followed by another word ("Laurent Berger", "Brune
 * Poirson"), or words whose last (the surname) is not a common French word,
 * a place or another proper noun ("Bikramjit Singh", "Lin Hua"). "Sud
 * Ouest", "Voix du Nord", "Vinci Autoroutes", "Quadrature du Net",
 * "Centre" are not. One word alone still needs a title or a full name in
 * the text (the speaker finder asks for them).
 */
function looksLikePerson(nameWords: string[]): boolean {
  const last = nameWords[nameWords.length - 1];
  // "Paris Ludovic": a dateline place before a first name
  if (nameWords.length === 2 && isPlaceWord(nameWords[0]) && isKnownFirstName(last)) return false;
  // "France Info": a first name that is also a place, before a common word, is a name of something else
  if (nameWords.length >= 2 && isKnownFirstName(nameWords[0])) return !(isPlaceWord(nameWords[0]) || isOtherProperNoun(nameWords[0])) || !isCommonWord(last);
  if (nameWords.length === 1) return isKnownSurname(last) || isKnownFirstName(last) || !isWordOrPlace(last);
  if (isKnownSurname(last)) return true;
  if (isPlaceWord(last) || isOtherProperNoun(last)) return false;
  // "App Annie", "Rolling Stone": a brand ending with a first name after a word that is none ("Lin Hua": short Chinese names stay)
  if (nameWords.length === 2 && last.length > 3 && isKnownFirstName(last) && !isKnownSurname(nameWords[0])) return false;
  return !isCommonWord(last);
}

/** Every plausible name in the text, in order. */
export function findNameMentions(text: string): NameMention[] {
  const mentions: NameMention[] = [];
  for (const m of nameMatches(text)) {
    const found = nameFromSequence(m[0]);
    if (!found) continue;
    const offset = m[0].lastIndexOf(found.name);
    const start = m.index + (offset === -1 ? 0 : offset);
    mentions.push({ name: found.name, start, end: start + found.name.length, titled: found.titled });
  }
  return mentions;
}

const LAST_WORD = /([\p{L}.'’-]+)[\s,]*$/u;

/** "le ministre Mudavadi": a title word written in lowercase before the name also makes it a person. */
function afterTitleWord(before: string): boolean {
  const last = LAST_WORD.exec(before);
  return last !== null && isTitleWord(last[1]);
}

/** The name at the very end of a phrase ("…, M. Lavrov" -> "Lavrov"), if any. */
export function nameAtEnd(phrase: string): { name: string; titled: boolean } | null {
  let last: RegExpMatchArray | null = null;
  for (const m of nameMatches(phrase)) last = m;
  if (!last || last.index! + last[0].length !== phrase.trimEnd().length) return null;
  const found = nameFromSequence(last[0]);
  if (!found || found.titled || !afterTitleWord(phrase.slice(0, last.index))) return found;
  return { ...found, titled: true };
}

/** The first name in a phrase ("le ministre Wang Yi, qui…" -> "Wang Yi"), if any; `index` is where the name starts, `sequenceIndex` where its capitalised words do ("M. Wang"). */
export function firstName(phrase: string): { name: string; titled: boolean; index: number; sequenceIndex: number } | null {
  for (const m of nameMatches(phrase)) {
    const found = nameFromSequence(m[0]);
    if (!found) continue;
    // where the name itself starts: "d'Angers Yves Gambert" -> "Yves Gambert"
    const offset = m[0].lastIndexOf(found.name);
    const index = m.index + (offset === -1 ? 0 : offset);
    return { name: found.name, titled: found.titled || afterTitleWord(phrase.slice(0, m.index)), index, sequenceIndex: m.index };
  }
  return null;
}

/** Two words or more besides particles: "Wang Yi", "Luigi Di Maio"; not "Di Maio", "Wang". */
export function isFullName(name: string): boolean {
  // asked for every mention and speaker, often of the same names: words read between spaces, without an array
  let content = 0;
  for (let from = 0; ; ) {
    const space = name.indexOf(' ', from);
    const word = space < 0 ? name.slice(from) : name.slice(from, space);
    if (!NAME_PARTICLES.includes(word) && !isInnerNameParticle(word)) content++;
    if (content >= 2) return true;
    if (space < 0) return false;
    from = space + 1;
  }
}
