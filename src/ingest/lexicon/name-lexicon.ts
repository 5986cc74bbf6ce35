import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { foldKey } from '../text/fold.js';

/**
 * What a capitalised word may be, from word lists generated once by
 * build-name-lexicon.ts (see data/ for sources and licences): a known first
 * name, a known surname, another proper noun (place, firm, brand) or a
 * common French word. Loaded lazily, once per process or worker thread, as
 * Sets of folded words (about 380 000 words, a few tens of milliseconds).
 */

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

function readWords(file: string): string[] {
  const bytes = readFileSync(path.join(dataDir, file));
  const text = file.endsWith('.br') ? brotliDecompressSync(bytes).toString('utf8') : bytes.toString('utf8');
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

interface Lexicon {
  firstNames: Set<string>;
  surnames: Set<string>;
  otherProperNouns: Set<string>;
  commonWords: Set<string>;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  if (lexicon) return lexicon;
  const firstNames = new Set(readWords('first-names.txt'));
  for (const name of readWords('first-names-more.txt.br')) firstNames.add(name);
  lexicon = {
    firstNames,
    surnames: new Set(readWords('surnames.txt')),
    otherProperNouns: new Set(readWords('other-proper-nouns.txt')),
    commonWords: new Set(readWords('common-words.txt.br')),
  };
  return lexicon;
}

/** "Sergueï", "Jean-Luc" (each part a first name), "Théodora". */
export function isKnownFirstName(word: string): boolean {
  const { firstNames } = load();
  const key = foldKey(word);
  if (firstNames.has(key)) return true;
  const dash = key.indexOf('-');
  return dash > 0 && key.split('-').every((part) => firstNames.has(part));
}

/** "Macron", "Poutine": surnames the dictionary knows. */
export function isKnownSurname(word: string): boolean {
  return load().surnames.has(foldKey(word));
}

/** Places, firms, brands the dictionary knows ("Abidjan", "Accor"), not people's names. */
export function isOtherProperNoun(word: string): boolean {
  return load().otherProperNouns.has(foldKey(word));
}

/** A lowercase French word form ("centre", "autoroutes", "rassemblement"). */
export function isCommonWord(word: string): boolean {
  const key = foldKey(word);
  const { commonWords } = load();
  if (commonWords.has(key)) return true;
  const dash = key.indexOf('-');
  return dash > 0 && key.split('-').every((part) => commonWords.has(part));
}
