/** Accent and case folding used to compare names, aliases and stop words. */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;
const SPACE_RUNS = /\s+/g;
const ODD_APOSTROPHES = /[’‘`´]/g;

/** "Sergueï" -> "Serguei", "État" -> "Etat". */
export function stripAccents(s: string): string {
  return NOT_PLAIN_ASCII.test(s) ? s.normalize('NFD').replace(COMBINING_MARKS, '') : s;
}

/**
 * Folding is called for every word of every article, and words repeat:
 * results are cached (the cache is dropped when it grows past a bound, so
 * memory stays flat on any corpus).
 */
const FOLD_CACHE_LIMIT = 200_000;
let foldCache = new Map<string, string>();

/** Lowercase, accents removed, curly apostrophes straightened, spaces collapsed. */
export function foldKey(s: string): string {
  let folded = foldCache.get(s);
  if (folded !== undefined) return folded;
  folded = stripAccents(s).toLowerCase();
  if (NOT_PLAIN_ASCII.test(folded) || folded.includes('`')) folded = folded.replace(ODD_APOSTROPHES, "'");
  if (folded.includes(' ') || folded.includes('\n') || folded.includes('\t')) folded = folded.replace(SPACE_RUNS, ' ').trim();
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache = new Map();
  foldCache.set(s, folded);
  return folded;
}

/**
 * Key under which spellings of one person's name meet: accents folded,
 * hyphens as spaces and y as i, so that "Tokaïev" and "Tokayev", "Serguei"
 * and "Sergueï", "Kassym-Jomart" and "Kassym Jomart" are one key; and the
 * Russian ending after a vowel written -ïev, -yev or -ev ("Nazarbaïev",
 * "Nazarbayev", "Nazarbaev") is one ending.
 */
export function personKey(name: string): string {
  return foldKey(name)
    .replace(/[-'.]/g, ' ')
    .replace(/y/g, 'i')
    .replace(/([aeou])i(e[vw])\b/g, '$1$2')
    .replace(SPACE_RUNS, ' ')
    .trim();
}

/** Number of letters carrying a diacritic: used to prefer "Sergueï" over "Serguei". */
export function countDiacritics(s: string): number {
  let n = 0;
  for (const ch of s) if (ch.normalize('NFD').length > 1) n++;
  return n;
}
