/**
 * Regenerates the name lexicon files in ./data from two word lists (run it
 * only to refresh them; nothing reads the sources at run time):
 *   npx tsx src/ingest/lexicon/build-name-lexicon.ts [path/to/fr_FR.dic] [path/to/gender-detection-from-name/names]
 * - Debian's hunspell-fr-comprehensive (Dicollecte, MPL-2.0), default
 *   /usr/share/hunspell/fr_FR.dic: entries tagged po:prn (first names),
 *   po:patr (surnames) and po:npr (other proper nouns: places, firms, brands);
 * - npm an-array-of-french-words (MIT): lowercase French word forms;
 * - optionally npm gender-detection-from-name (MIT, `npm pack` it anywhere):
 *   first names of several languages, without other proper nouns, titles
 *   and function words, and without words of the dictionary that fewer
 *   than three languages give as first names ("Paris", "Ambre", "Colombe"
 *   are left out; "Ana", "Lin", "Hua" stay).
 * Every word is folded (lowercase, no accents) and written sorted, one a line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { foldKey } from '../text/fold.js';
import { isNonNameWord, isTitleWord } from './name-words.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const dicPath = process.argv[2] ?? '/usr/share/hunspell/fr_FR.dic';
const namesDir = process.argv[3];

const MPL_NOTICE = [
  '# Derived from the French dictionary of Dicollecte / Grammalecte (hunspell-fr-comprehensive).',
  '# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.',
  '# If a copy of the MPL was not distributed with this file, you can obtain one at https://mozilla.org/MPL/2.0/.',
  '# Regenerate with: npx tsx src/ingest/lexicon/build-name-lexicon.ts',
];

/** Lowercase entries of the dictionary (its common words, lemmas only). */
const dictionaryWords = new Set<string>();

function readTagged(): Map<string, Set<string>> {
  const byTag = new Map<string, Set<string>>([['prn', new Set()], ['patr', new Set()], ['npr', new Set()]]);
  for (const line of readFileSync(dicPath, 'utf8').split('\n')) {
    const tags = line.match(/po:(prn|patr|npr)\b/g);
    if (!tags) {
      const word = line.split(/[\s/]/)[0];
      if (/^\p{Ll}/u.test(word)) dictionaryWords.add(foldKey(word));
      continue;
    }
    const word = line.split(/[\s/]/)[0];
    // one capitalised word ("Sergueï", "Jean-Luc"), never an acronym or a digit
    if (!/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(word)) continue;
    for (const tag of tags) byTag.get(tag.slice(3))!.add(foldKey(word));
  }
  return byTag;
}

function write(name: string, header: string[], words: Iterable<string>): void {
  const sorted = [...new Set(words)].sort();
  writeFileSync(path.join(dataDir, name), [...header, ...sorted].join('\n') + '\n');
  console.log(`${name}: ${sorted.length} words`);
}

const tagged = readTagged();
const firstNames = tagged.get('prn')!;
const surnames = tagged.get('patr')!;
write('first-names.txt', MPL_NOTICE, firstNames);
write('surnames.txt', MPL_NOTICE, surnames);
// proper nouns that are not people's names: places, companies, brands
write('other-proper-nouns.txt', MPL_NOTICE, [...tagged.get('npr')!].filter((w) => !firstNames.has(w) && !surnames.has(w)));

const require = createRequire(import.meta.url);
const frenchWords: string[] = require('an-array-of-french-words/index.json');
const common = [...new Set(frenchWords.map(foldKey))].filter((w) => w.length > 1).sort();
// a large list: stored compressed (Node's zlib reads it back in a few milliseconds)
const text = ['# Derived from an-array-of-french-words (MIT, Zeke Sikelianos and Titus Wormer).', ...common].join('\n');
writeFileSync(path.join(dataDir, 'common-words.txt.br'), brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
console.log(`common-words.txt.br: ${common.length} words`);

if (namesDir) {
  // how many of the languages' lists give each name
  const languages = new Map<string, number>();
  for (const language of ['fr', 'en', 'es', 'it', 'de', 'tr']) {
    const source = readFileSync(path.join(namesDir, `${language}.js`), 'utf8');
    const names = new Set<string>();
    for (const m of source.matchAll(/\['([^']+)'/g)) names.add(foldKey(m[1]));
    for (const name of names) languages.set(name, (languages.get(name) ?? 0) + 1);
  }
  const extra = new Set<string>();
  for (const [name, count] of languages) {
    if (name.length < 3 || !/^[a-z]+(?:-[a-z]+)?$/.test(name)) continue;
    if (firstNames.has(name) || tagged.get('npr')!.has(name) || isTitleWord(name) || isNonNameWord(name)) continue;
    // a French word too ("ambre", "colombe") only when three languages give it as a first name ("ana", "lin")
    if (dictionaryWords.has(name) && count < 3) continue;
    extra.add(name);
  }
  const sorted = [...extra].sort();
  const body = ['# Derived from gender-detection-from-name (MIT, Davide Violante): first names that are not entries of the French dictionary.', ...sorted].join('\n');
  writeFileSync(path.join(dataDir, 'first-names-more.txt.br'), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  console.log(`first-names-more.txt.br: ${sorted.length} words`);
}
