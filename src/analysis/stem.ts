import { stemmer } from '@orama/stemmers/french';
import { foldWord } from './fold.js';

/**
 * Snowball French stemming with a bounded cache in front: a news archive's
 * vocabulary is small compared with its token count, so the cache turns the
 * stemmer's ~0.5 M tokens/s into tens of millions.
 *
 * We stem the accent-folded word, not the accented one. Snowball's rules are
 * written for accented input ("stabilité" -> "stabl" but "stabilite" ->
 * "stabilit"), yet people type queries without accents: stemming the folded
 * form at index and query time alike keeps both sides equal.
 */
const CACHE_LIMIT = 200_000;

/**
 * Folding costs Snowball the accent of one ending it keys on: "annoncée"
 * folds to "annoncee", which Snowball reads as "annonce" + "e" and stems to
 * "annonce", while "annoncé", "annoncer" and "annonces" stem to "annonc".
 * A folded word ending in -ee or -ees was written -ée or -ées (French has
 * next to no other), so that accent is given back before stemming, and the
 * stem folded again: every feminine past participle ("organisée",
 * "signées", "renforcée") then stems with its verb.
 */
function withAccentedEnding(folded: string): string {
  return folded.replace(/ee(s?)$/, 'ée$1');
}

const cache = new Map<string, string>();

export function stemFolded(folded: string): string {
  let stem = cache.get(folded);
  if (stem === undefined) {
    // Numbers and short words (acronyms like "onu", "ue") are kept as they are.
    stem = folded.length <= 3 || /\d/.test(folded) ? folded : foldWord(stemmer(withAccentedEnding(folded)));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}
