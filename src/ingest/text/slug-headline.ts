import { foldKey } from './fold.js';
import { isSentenceOpener } from './sentence-openers.js';

/**
 * The headline a url's slug spells ("…/2018/12/07/gilets-jaunes-la-france-en-alerte-rouge"):
 * hyphens become spaces and the first letter a capital. Slugs lose accents,
 * capitals and apostrophes; a word is given back its accents and capitals
 * only when the article's text writes the same word (same letters once
 * folded), and "l-accueil" becomes "l'accueil". Nothing else is restored.
 */

/** Identifiers around the slug: "01-5210789-…", "…-3062da8d1401310561283b65b89b5279", "story/18639060". */
const ID_TOKEN = /^(?:\d{5,}|\d{1,2}(?=$)|[0-9a-f]{12,})$/u;
const FILE_EXTENSION = /\.(?:php|html?|aspx?|jsp|cms|ece)$/iu;
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);
const SHORT_ELIDED_WORDS = new Set(['un', 'une', 'est', 'il', 'ils', 'elle', 'on', 'en', 'ex', 'ai', 'a', 'y', 'ici']);
const STARTS_VOWEL = /^[aeiouyhàâéèêëîïôûù]/iu;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const SLUG_MAX_CHARS = 300;

function slugWords(segment: string): string[] {
  const tokens = segment.replace(FILE_EXTENSION, '').toLowerCase().split(/[-_+]+/).filter(Boolean);
  // ids lead and trail the words: La Presse's "01-5210789-", Le Soleil's hash
  let start = 0;
  while (start < tokens.length && /^\d+$/.test(tokens[start]) && (tokens[start].length >= 5 || /^\d+$/.test(tokens[start + 1] ?? ''))) start++;
  let end = tokens.length;
  while (end > start && ID_TOKEN.test(tokens[end - 1])) end--;
  return tokens.slice(start, end);
}

/** The words of the url's most wordy path segment, or [] when no segment reads as a headline (two words at least). */
export function urlSlugWords(url: string | null | undefined): string[] {
  if (!url) return [];
  let path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/iu, '').replace(/[?#].*$/su, '');
  if (path.length > SLUG_MAX_CHARS * 4) path = path.slice(0, SLUG_MAX_CHARS * 4);
  let best: string[] = [];
  for (const segment of path.split('/')) {
    if (segment.length > SLUG_MAX_CHARS) continue;
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // a malformed escape: keep the segment as written
    }
    const words = slugWords(decoded);
    const letterWords = words.filter((w) => /\p{L}/u.test(w)).length;
    if (letterWords >= 2 && words.length > best.length) best = words;
  }
  return best;
}

/** The text's spelling of each folded word: the most frequent one, lowercase preferred over a capital only at a sentence start. */
function spellings(text: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of text.matchAll(WORD)) {
    for (const part of m[0].split(/[-'’]/u)) {
      const key = foldKey(part);
      // slugs write "cœur" as "coeur" or drop the ligature ("cur")
      const keys = /[œæ]/u.test(key) ? [key, key.replace(/œ/gu, 'oe').replace(/æ/gu, 'ae'), key.replace(/[œæ]/gu, '')] : [key];
      for (const k of keys) {
        let forms = counts.get(k);
        if (!forms) counts.set(k, (forms = new Map()));
        forms.set(part, (forms.get(part) ?? 0) + 1);
      }
    }
  }
  const chosen = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = '';
    let bestCount = -1;
    for (const [form, n] of forms) {
      // "Les" at a sentence start is "les": a lowercase spelling wins over its capitalised twin
      const weight = form[0] !== form[0].toLowerCase() && forms.has(form.toLowerCase()) ? 0 : n;
      if (weight > bestCount) [best, bestCount] = [form, weight];
    }
    // a grammar word written only at sentence starts ("Un pesticide…") is no proper noun
    chosen.set(key, isSentenceOpener(best) && best !== best.toLowerCase() ? best.toLowerCase() : best);
  }
  return chosen;
}

/** "lusine" -> "l'usine", "dinterpol" -> "d'Interpol": a slug that dropped the apostrophe, when the text writes the rest. */
function elisionRestored(word: string, known: Map<string, string>, apostrophe: string): string | null {
  for (const prefix of ['qu', 'l', 'd', 'j', 'm', 'n', 's', 't', 'c']) {
    if (!word.startsWith(prefix) || word.length < prefix.length + 2) continue;
    const rest = word.slice(prefix.length);
    // a short rest is an elision only when it is a word French elides before ("d'un", "n'est", "l'ex"): "sont", "dont", "deux" are words
    if (!STARTS_VOWEL.test(rest) || (rest.length < 4 && !SHORT_ELIDED_WORDS.has(rest))) continue;
    const spelled = known.get(foldKey(rest));
    if (spelled) return `${prefix}${apostrophe}${spelled}`;
  }
  return null;
}

/** The headline of a url's slug, accents and capitals taken from `text` where it writes the word; '' when the url has no slug. */
export function headlineFromSlug(url: string | null | undefined, text: string): string {
  const words = urlSlugWords(url);
  if (words.length === 0) return '';
  const known = spellings(text.slice(0, 50_000));
  const apostrophe = text.includes('’') && !text.includes("'") ? '’' : "'";
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const spelled = known.get(foldKey(word)) ?? word;
    const next = words[i + 1];
    if (ELIDED.has(word) && next !== undefined && STARTS_VOWEL.test(next)) {
      const nextSpelled = known.get(foldKey(next)) ?? next;
      out.push(`${word}${apostrophe}${nextSpelled}`);
      i++;
      continue;
    }
    out.push(known.has(foldKey(word)) ? spelled : (elisionRestored(word, known, apostrophe) ?? word));
  }
  const headline = out.join(' ');
  return headline.charAt(0).toUpperCase() + headline.slice(1);
}
