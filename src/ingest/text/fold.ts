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
const CACHED_LENGTH_MAX = 12;
let foldCache = new Map<string, string>();
let oldFoldCache = new Map<string, string>();

/**
 * 0 when `s` is printable ASCII without spaces, backquotes or capitals (it
 * is its own fold), 1 when it is such ASCII with capitals (folding it is
 * lowercasing it), 2 otherwise.
 */
function plainness(s: string): number {
  let capitals = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x60) return 2;
    if (c >= 65 && c <= 90) capitals = 1;
  }
  return capitals;
}

/** Lowercase, accents removed, curly apostrophes straightened, spaces collapsed. */
export function foldKey(s: string): string {
  // the word itself, not a lowercased copy, when nothing changes: its hash is then computed once for every look-up
  const plain = plainness(s);
  if (plain === 0) return s;
  if (plain === 1) return s.toLowerCase();
  // a short word is looked up first: one hash costs less than folding even a Latin word unit by unit;
  // a longer Latin one is not kept (a slice of an article's text longer than the 12 units V8 copies would keep the whole text alive)
  const short = s.length <= CACHED_LENGTH_MAX;
  if (!short) {
    const latin = foldLatinWord(s);
    if (latin !== null) return latin;
  }
  let folded = foldCache.get(s);
  if (folded !== undefined) return folded;
  folded = oldFoldCache.get(s) ?? (short ? foldLatinWord(s) : null) ?? foldSlowly(s);
  if (foldCache.size >= FOLD_CACHE_LIMIT) {
    oldFoldCache = foldCache;
    foldCache = new Map();
  }
  foldCache.set(s, folded);
  return folded;
}

function foldSlowly(s: string): string {
  let folded = stripAccents(s).toLowerCase();
  if (NOT_PLAIN_ASCII.test(folded) || folded.includes('`')) folded = folded.replace(ODD_APOSTROPHES, "'");
  if (folded.includes(' ') || folded.includes('\n') || folded.includes('\t')) folded = folded.replace(SPACE_RUNS, ' ').trim();
  return folded;
}

/**
 * The fold of each code unit of Latin script (U+0080 to U+036F, combining
 * accents included), filled on first use: 0 not yet known, 0xFFFF not
 * foldable one unit at a time (spaces, controls), 0xFFFE removed (an accent),
 * else the folded unit. Decomposing, removing marks and lowercasing are
 * each local to one character in this range (no final sigma, no reordering
 * that survives the removal of marks), so a word of these letters folds
 * unit by unit, without normalize() or a cache look-up, to what foldSlowly
 * gives the whole word.
 */
const LATIN_END = 0x370;
const latinFolds = new Uint16Array(LATIN_END);
const NOT_FOLDABLE = 0xffff;
const REMOVED = 0xfffe;
const WHITESPACE = /\s/;
const foldBuffer: number[] = [];

function latinFold(code: number): number {
  let folded = latinFolds[code];
  if (folded === 0) {
    const ch = String.fromCharCode(code);
    const result = WHITESPACE.test(ch) || code < 0xa0 ? null : foldSlowly(ch);
    folded = result === null || result.length > 1 ? NOT_FOLDABLE : result.length === 0 ? REMOVED : result.charCodeAt(0);
    latinFolds[code] = folded;
  }
  return folded;
}

/** foldKey of a word of Latin letters and curly apostrophes without spaces, or null for any other string. */
function foldLatinWord(s: string): string | null {
  const buffer = foldBuffer;
  buffer.length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x7f) return null;
      buffer.push(c === 0x60 ? 0x27 : c >= 65 && c <= 90 ? c + 32 : c);
    } else if (c < LATIN_END) {
      const folded = latinFold(c);
      if (folded === NOT_FOLDABLE) return null;
      if (folded !== REMOVED) buffer.push(folded);
    } else if (c === 0x2018 || c === 0x2019) buffer.push(0x27);
    else return null;
  }
  return String.fromCharCode.apply(null, buffer);
}

/**
 * Key under which spellings of one person's name meet: accents folded,
 * hyphens as spaces and y as i, so that "Tokaïev" and "Tokayev", "Serguei"
 * and "Sergueï", "Kassym-Jomart" and "Kassym Jomart" are one key; and the
 * Russian ending after a vowel written -ïev, -yev or -ev ("Nazarbaïev",
 * "Nazarbayev", "Nazarbaev") is one ending.
 */
export function personKey(name: string): string {
  // names come back in every sentence that mentions them: cached like foldKey's words
  let key = personKeyCache.get(name);
  if (key !== undefined) return key;
  key = personKeyOf(name);
  if (personKeyCache.size >= FOLD_CACHE_LIMIT) personKeyCache.clear();
  personKeyCache.set(name, key);
  return key;
}

const personKeyCache = new Map<string, string>();

function personKeyOf(name: string): string {
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
