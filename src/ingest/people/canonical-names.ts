import data from './people.json' with { type: 'json' };
import { countDiacritics, personKey } from '../text/fold.js';
import { mergePeople } from './corpus-names.js';
import { isFullName } from './person-names.js';

/**
 * One spelling per person. Spellings meet under personKey (accents, ï/y and
 * hyphens folded: "Tokaïev" = "Tokayev", "Serguei" = "Sergueï"); the curated
 * list names the spelling to use for a few people; otherwise the spelling
 * with the most diacritics wins ("Sergueï" over "Serguei"), then the most
 * frequent, then the first in alphabetical order, so the choice never
 * depends on the order files are read.
 */

const CURATED = new Map<string, string>();
for (const person of data.people) {
  for (const spelling of [person.name, ...person.aliases]) CURATED.set(personKey(spelling), person.name);
}

/** Curated people by the key of their last name, when no two share it ("poutine" -> "Vladimir Poutine"). */
const CURATED_BY_SURNAME = new Map<string, string | null>();
for (const person of data.people) {
  for (const spelling of [person.name, ...person.aliases]) {
    const words = personKey(spelling).split(' ');
    const surname = words[words.length - 1];
    const known = CURATED_BY_SURNAME.get(surname);
    CURATED_BY_SURNAME.set(surname, known === undefined || known === person.name ? person.name : null);
  }
}

/** The curated person whose last name this is ("Poutine"), when only one is; else null. */
export function curatedBySurname(surname: string): string | null {
  return CURATED_BY_SURNAME.get(personKey(surname)) ?? null;
}

/** The curated spelling of a name, or null when the list does not know it. */
export function curatedSpelling(name: string): string | null {
  return CURATED.get(personKey(name)) ?? null;
}

/** The spelling to use among the variants of one name, with how often each was seen. */
export function preferredSpelling(variants: Map<string, number>): string {
  let best = '';
  let bestScore: [number, number] = [-1, -1];
  for (const [spelling, count] of variants) {
    const curated = curatedSpelling(spelling);
    if (curated) return curated;
    const score: [number, number] = [countDiacritics(spelling), count];
    const better =
      score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && spelling < best)));
    if (better) {
      best = spelling;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Rewrites speakers so that every spelling of one person is the same
 * across a corpus: a second pass after all articles are read, because one
 * article may only ever write "Serguei" while the others write "Sergueï",
 * or only "M. Castaner" while the others give "Christophe Castaner"
 * (corpus-names.ts decides who is one person).
 */
export function unifySpeakerSpellings(speakerLists: string[][]): string[][] {
  const spell = speakerSpelling(speakerLists);
  return speakerLists.map((speakers) => [...new Set(speakers.map(spell))]);
}

/** The corpus-wide spelling of each speaker name of `speakerLists` (any other name stays as it is). */
export function speakerSpelling(speakerLists: string[][]): (name: string) => string {
  const variantsByKey = new Map<string, Map<string, number>>();
  const articlesByKey = new Map<string, number>();
  for (const speakers of speakerLists) {
    for (const name of speakers) {
      const key = personKey(name);
      const variants = variantsByKey.get(key) ?? new Map<string, number>();
      variants.set(name, (variants.get(name) ?? 0) + 1);
      variantsByKey.set(key, variants);
      articlesByKey.set(key, (articlesByKey.get(key) ?? 0) + 1);
    }
  }
  const personOf = mergePeople(articlesByKey);
  // each person is written as its most frequent key (a full name when it has one), in that key's preferred spelling
  const chosenKey = new Map<string, string>();
  for (const [key, person] of personOf) {
    const current = chosenKey.get(person);
    const better =
      current === undefined ||
      (isFullName(key) && !isFullName(current)) ||
      (isFullName(key) === isFullName(current) && (articlesByKey.get(key)! > articlesByKey.get(current)! || (articlesByKey.get(key) === articlesByKey.get(current) && key < current)));
    if (better) chosenKey.set(person, key);
  }
  const spelling = new Map<string, string>();
  for (const [person, key] of chosenKey) spelling.set(person, preferredSpelling(variantsByKey.get(key)!));
  return (name) => {
    const person = personOf.get(personKey(name));
    return (person !== undefined ? spelling.get(person) : undefined) ?? name;
  };
}
