import placesData from './places.json' with { type: 'json' };
import { foldKey } from '../text/fold.js';

/**
 * Place words: a person's name never contains one ("La Chine a déclaré",
 * "Moscou a estimé"), and a role phrase's nationality ("le ministre russe",
 * "le chef de la diplomatie chinoise", "de Chine") is read from them.
 */

/** All forms of a masculine singular demonym: chinois -> chinoise(s), kényan -> kényane(s)… */
function demonymForms(masculine: string): string[] {
  if (/s$/.test(masculine)) return [masculine, masculine + 'e', masculine + 'es'];
  if (/en$/.test(masculine)) return [masculine, masculine + 'ne', masculine + 's', masculine + 'nes'];
  if (/e$/.test(masculine)) return [masculine, masculine + 's'];
  return [masculine, masculine + 'e', masculine + 's', masculine + 'es'];
}

function countryNamesByCode(): Map<string, string> {
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames(['fr'], { type: 'region', fallback: 'none' });
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code && !/inconnue|\d/.test(name)) names.set(code, name);
    }
  }
  return names;
}

interface PlaceLexicon {
  /** Folded forms of every place word and phrase: country names, demonyms, cities, regions. */
  placeKeys: Set<string>;
  /** Folded demonym form or country name -> ISO code. */
  countryOf: Map<string, string>;
}

function buildPlaceLexicon(): PlaceLexicon {
  const placeKeys = new Set<string>();
  const countryOf = new Map<string, string>();
  for (const [code, name] of countryNamesByCode()) {
    const key = foldKey(name);
    placeKeys.add(key);
    countryOf.set(key, code);
  }
  for (const [code, masculines] of Object.entries(placesData.demonyms)) {
    for (const masculine of masculines) {
      for (const form of demonymForms(masculine)) {
        const key = foldKey(form);
        placeKeys.add(key);
        countryOf.set(key, code);
      }
    }
  }
  for (const word of [...placesData.extraCountryNames, ...placesData.cities, ...placesData.regions]) placeKeys.add(foldKey(word));
  for (const adjective of placesData.regionAdjectives) for (const form of demonymForms(adjective)) placeKeys.add(foldKey(form));
  for (const [name, code] of [['Chine populaire', 'CN'], ['Corée du Nord', 'KP'], ['Corée du Sud', 'KR'], ['Birmanie', 'MM'], ['Taïwan', 'TW'], ['Biélorussie', 'BY'], ['Etats-Unis', 'US'], ['Amérique', 'US'], ['Grande-Bretagne', 'GB'], ['Fédération de Russie', 'RU'], ['République populaire de Chine', 'CN']] as const) {
    countryOf.set(foldKey(name), code);
  }
  return { placeKeys, countryOf };
}

const LEXICON = buildPlaceLexicon();

/** True when the word or phrase names a place or a people ("Chine", "Russes", "Moscou", "Asie centrale"). */
export function isPlace(wordOrPhrase: string): boolean {
  return LEXICON.placeKeys.has(foldKey(wordOrPhrase));
}

/** ISO code of the country a demonym or country name refers to ("russe" -> "RU", "Chine" -> "CN"), else null. */
export function countryOf(wordOrPhrase: string): string | null {
  return LEXICON.countryOf.get(foldKey(wordOrPhrase)) ?? null;
}
