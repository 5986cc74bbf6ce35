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
 * results of words beyond plain ASCII are cached, in two generations (when
 * the young one is full it becomes the old one), so that memory stays flat
 * on any corpus without the cache ever starting from nothing.
 */
const FOLD_CACHE_LIMIT = 200_000;
let foldCache = new Map<string, string>();
let oldFoldCache = new Map<string, string>();

/** True when `s` is printable ASCII without spaces or backquotes: folding it is lowercasing it. */
function isPlainWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x60) return false;
  }
  return true;
}

/** Lowercase, accents removed, curly apostrophes straightened, spaces collapsed. */
export function foldKey(s: string): string {
  if (isPlainWord(s)) return s.toLowerCase();
  let folded = foldCache.get(s);
  if (folded !== undefined) return folded;
  folded = oldFoldCache.get(s);
  if (folded === undefined) {
    folded = stripAccents(s).toLowerCase();
    if (NOT_PLAIN_ASCII.test(folded) || folded.includes('`')) folded = folded.replace(ODD_APOSTROPHES, "'");
    if (folded.includes(' ') || folded.includes('\n') || folded.includes('\t')) folded = folded.replace(SPACE_RUNS, ' ').trim();
  }
  if (foldCache.size >= FOLD_CACHE_LIMIT) {
    oldFoldCache = foldCache;
    foldCache = new Map();
  }
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
