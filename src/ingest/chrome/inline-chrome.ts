import { MONTH_SOURCE, TIME_SOURCE } from '../dates/calendar-words.js';
import { findDateMentions, isValidDate } from '../dates/date-mentions.js';
import { wordStartMatches } from '../text/scan.js';
import { SubstringGroups } from '../text/substring-groups.js';
import { creditEnd, headlineEnd, removeSpans, segmentStart, sentenceAround } from './spans.js';

/**
 * Chrome that sits inside paragraphs rather than on lines of its own, as
 * scraped pages that lost their markup carry it: embedded tweets, "LIRE
 * AUSSI: <headline>", photo credits and captions, ad scripts, newsletter
 * prompts. Each kind is found by an anchor (a tweet link, a label) and cut
 * with bounded scans around it, so the work stays linear in the text.
 */

const ENGLISH_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

const TWEET_DATE = `(?:(?:${ENGLISH_MONTHS})\\.? \\d{1,2},? \\d{4}|(?:le )?\\d{1,2}(?:er)? ${MONTH_SOURCE} \\d{4}(?: à \\d{1,2} ?: ?\\d{2}(?: P[SD]T)?)?)`;
/**
 * The signature closing an embedded post: "— Edouard Philippe (@EPhilippePM)
 * January 7, 2019", "Une publication partagée par X (@x) le 1 Déc. 2018 à
 * 4 :12 PST", or a name, handle and date whose dash was lost.
 */
const POST_SIGNATURE = new RegExp(
  `(?:[—–]|une publication partagée par)\\s?[^—–\\n]{1,80}?\\s?\\(@[\\w.]{1,30}\\)\\s*${TWEET_DATE}?|\\(@[\\w.]{1,30}\\)\\s*${TWEET_DATE}`,
  'giu',
);
/** "Voir cette publication sur Instagram": the label over an embedded post. */
const POST_LABEL = /voir cette publication sur \p{L}+/giu;
/** Links a tweet ends with: its picture, its shortened link. */
const ENGLISH_DATE = new RegExp(`(${ENGLISH_MONTHS})\\.? (\\d{1,2}),? (\\d{4})`, 'u');

/** The date a post's signature states, as YYYY-MM-DD. */
function postDate(signature: string): string | null {
  const english = ENGLISH_DATE.exec(signature);
  if (english) {
    const month = ENGLISH_MONTHS.split('|').indexOf(english[1]) + 1;
    const [day, year] = [Number(english[2]), Number(english[3])];
    return isValidDate(year, month, day) ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  }
  const french = findDateMentions(signature.slice(signature.lastIndexOf(')'))).find((m) => m.year !== null);
  return french ? `${french.year}-${String(french.month).padStart(2, '0')}-${String(french.day).padStart(2, '0')}` : null;
}

const TWEET_LINK = /(?:https?:\/\/)?(?:pic\.twitter\.com|t\.co)\/[A-Za-z0-9]{10}/gu;
const TWEET_REACH = 1500;
const LINK_AHEAD = /^\s{0,2}(?:https?:\/\/)?(?:pic\.twitter\.com|t\.co)\/[A-Za-z0-9]{10}/u;

/** Labels followed by a headline of another article. */
const RELATED_LABEL = /(?:(?:à|a) )?(?:lire|voir|regarder|écouter) (?:aussi|également|ensuite)\s?(?:[\p{Ll}'’ ]{0,20}:)?\s?:?|consultez (?:notre|le|nos) dossiers?\s?(?:[:\p{Ll}'’ ]{0,30}:)?|regarder sur [^\n]{0,40}?\blive\b/giu;

/** Photo credit labels; "Photo Jérémy (@…)" without colon is a tweet author, not a credit. */
const CREDIT_LABEL = /(?:crédits? photos?|photos?|source de l'image|illustration|infographie)\s?:/giu;
const CREDIT_IN_PARENTHESES = /\((?:crédits? )?(?:photos?|illustration)\b[^()\n]{0,80}\)/giu;
const COPYRIGHT_CREDIT = /©\s?(?:\d{4}\s)?(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*\s?(?:\/\s?)?){1,5}/gu;
/** A credit line followed by a one-line caption and a blank line (Le Devoir's layout). */
const CREDIT_LINE_AND_CAPTION = /(^|\n)(?:crédits? photos?|photos?)\s?:[^\n]{0,120}\n(?:[^\n]{1,300}\n[ \t]*\n)?/giu;

/** Ad and tracking scripts, cut from their first identifier to the balanced end of the statement. */
const SCRIPT_START = /(?:\(\s?)?(?:googletag|adsbygoogle|window\.(?:dataLayer|_?gaq|fbq|googletag)|dataLayer\.push|_gaq\.push|fbq\(|gtag\(|document\.write\()|(?:\$|jQuery)\(\s?['"][#.]?[\w-]+['"]\s?\)\.\w+\(/gu;
const SCRIPT_REACH = 4000;
/** Words one of which every script start holds (first) and one of which every post holds (second); one pass for both is cheaper than an alternation scan. */
const SCRIPT_AND_POST_WORDS = new SubstringGroups([
  ['googletag', 'adsbygoogle', 'dataLayer', '_gaq', 'fbq(', 'gtag(', 'document.write', '$(', 'jQuery('],
  ['(@', 'twitter.com', 't.co/'],
]);
const VIDEO_CAPTION = /(^|\n|[.!?»] )\s?vidéo\s?[-–:][^\n]*$/iu;

/** Newsletter and subscription prompts: the whole sentence goes. */
const SUBSCRIPTION = /(?:suivez[- ](?:nous|[^.!?\n]{1,40}?) sur (?:instagram|facebook|twitter|x|tiktok|les réseaux sociaux)|inscrivez-vous|abonnez-vous|en vous inscrivant|en vous abonnant|recevez (?:chaque|nos|notre|gratuitement|tous les)|les envois débuteront|déjà abonné|réservé aux abonnés|pour lire la suite|je m['’]abonne|s['’]abonner à (?:notre|l['’]infolettre|la newsletter)|notre infolettre)/giu;

function scriptEnd(text: string, start: number): number | null {
  let depth = 0;
  let sawParen = false;
  const limit = Math.min(text.length, start + SCRIPT_REACH);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') {
      depth++;
      sawParen = true;
    } else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth < 0) return i;
    } else if (depth === 0 && sawParen && (c === ';' || c === '\n')) {
      return i + 1;
    }
    if (depth === 0 && sawParen && (c === ')' || c === '}')) {
      // a statement without its semicolon ends at the next space after closing
      const next = text[i + 1];
      if (next === undefined || next === '\n' || (next === ' ' && !/[;.)}]/.test(text[i + 2] ?? ''))) return i + 1;
    }
  }
  return sawParen ? null : null;
}

function scriptSpans(text: string, spans: [number, number][]): void {
  let after = 0;
  for (const m of wordStartMatches(SCRIPT_START, text)) {
    if (m.index < after) continue;
    const end = scriptEnd(text, m.index);
    const stop = end ?? m.index + m[0].length;
    // the player's caption just before its script: "Vidéo - L'affrontement … décortiqué $('#…')"
    const before = text.slice(Math.max(after, m.index - 160), m.index);
    const caption = VIDEO_CAPTION.exec(before);
    spans.push([caption ? m.index - before.length + caption.index + caption[1].length : m.index, stop]);
    after = stop;
  }
}

/**
 * The copy of a post printed further on, found by the last words before its
 * signature; the post's start is where the two stop agreeing, read
 * backwards (bounded walks both).
 */
function laterCopy(text: string, signature: number, after: number, floor: number): { start: number; span: [number, number] } | null {
  const tail = text.slice(Math.max(floor, signature - 20), signature).trim();
  if (tail.length < 10) return null;
  const found = text.slice(after, after + 2 * TWEET_REACH).indexOf(tail);
  if (found < 0) return null;
  const copyEnd = after + found + tail.length;
  let p = text.lastIndexOf(tail, signature) + tail.length - 1;
  let q = copyEnd - 1;
  let agreed = 0;
  while (p >= floor && q >= after && text[p] === text[q] && agreed < TWEET_REACH) {
    p--;
    q--;
    agreed++;
  }
  if (agreed < 20) return null;
  return { start: p + 1, span: [q + 1, copyEnd] };
}

/**
 * An embedded tweet: its text, signature and, when the page printed it
 * twice, the copy after the signature. The copy is recognised by its
 * opening words, found again just before the signature.
 */
function tweetSpans(text: string, spans: [number, number][], postDates: string[]): void {
  for (const m of wordStartMatches(POST_LABEL, text)) spans.push([m.index, m.index + m[0].length]);
  let floor = 0;
  if (text.includes('(@')) {
    for (const m of wordStartMatches(POST_SIGNATURE, text, /(?!)/u)) {
      // a signature without its dash starts with the author's name, back to the previous break
      const s = m[0].startsWith('(@') ? segmentStart(text, m.index, floor, 100) : m.index;
      if (s < floor) continue;
      const e = s + m[0].length;
      let a = e;
      while (a < text.length && (text[a] === ' ' || text[a] === '\n')) a++;
      const key = text.slice(a, a + 24);
      const windowStart = Math.max(floor, s - TWEET_REACH);
      let start = -1;
      let end = e;
      if (key.replace(/\s/g, '').length >= 12) {
        const q = text.slice(windowStart, s).lastIndexOf(key);
        if (q >= 0) start = windowStart + q;
      }
      if (start >= 0) {
        const tail = text.slice(Math.max(start, s - 20), s).trim();
        const j = tail.length >= 6 ? text.slice(a, a + (s - start) + 60).indexOf(tail) : -1;
        end = j >= 0 ? a + j + tail.length : e;
      } else {
        const copy = laterCopy(text, s, a, windowStart);
        if (copy) {
          // two posts printed one after the other, then their copies: this one's copy is further on
          start = copy.start;
          spans.push(copy.span);
        } else {
          start = segmentStart(text, s, windowStart);
        }
      }
      // the copy's own link right after it (looked for in a few characters only: a search to the end would be quadratic)
      const link = LINK_AHEAD.exec(text.slice(end, end + 60));
      if (link) end += link[0].length;
      spans.push([start, end]);
      floor = end;
      const date = postDate(m[0]);
      if (date) postDates.push(date);
    }
  }
  const signatures = spans.slice().sort((x, y) => x[0] - y[0]);
  let next = 0;
  floor = 0;
  TWEET_LINK.lastIndex = 0;
  for (const m of text.matchAll(TWEET_LINK)) {
    while (next < signatures.length && signatures[next][1] <= m.index) floor = Math.max(floor, signatures[next++][1]);
    if (m.index < floor || (next < signatures.length && signatures[next][0] <= m.index)) continue;
    const start = segmentStart(text, m.index, floor);
    const end = m.index + m[0].length;
    spans.push([start, end]);
    floor = end;
  }
}

/** A label opens a line or a sentence: "…a dit Mike Pompeo.LIRE AUSSI : …", never "il faut lire aussi les rapports". */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return index === 0 || /(?:^|[\n.!?»:)]|[.!?»:)] ?| {2})$/u.test(before) || /\n\s*$/u.test(before);
}

function relatedSpans(text: string, spans: [number, number][]): void {
  for (const m of wordStartMatches(RELATED_LABEL, text)) {
    if (!startsSentence(text, m.index)) continue;
    const from = m.index + m[0].length;
    // "Regarder sur YouTube Live" is a player's caption: no headline follows it
    if (/live$/iu.test(m[0])) {
      spans.push([m.index, from]);
      continue;
    }
    const end = headlineEnd(text, from);
    // without a colon or capitals the label may be a sentence ("Lire aussi les rapports… permet"): only cut with its headline
    const unmistakable = m[0].includes(':') || m[0] === m[0].toUpperCase();
    if (end !== null) spans.push([m.index, end]);
    else if (unmistakable) spans.push([m.index, from]);
  }
}

function creditSpans(text: string, spans: [number, number][]): void {
  for (const m of text.matchAll(CREDIT_LINE_AND_CAPTION)) spans.push([m.index + m[1].length, m.index + m[0].length]);
  for (const m of wordStartMatches(CREDIT_LABEL, text)) {
    const from = m.index + m[0].length;
    const end = creditEnd(text, from);
    // "la photo : un symbole" names no one: no credit
    if (text.slice(from, end).trim() !== '') spans.push([m.index, end]);
  }
  if (text.includes('(')) for (const m of text.matchAll(CREDIT_IN_PARENTHESES)) spans.push([m.index, m.index + m[0].length]);
  // a line that opens with © is a copyright footer, which the line rules drop whole
  if (text.includes('©')) for (const m of text.matchAll(COPYRIGHT_CREDIT)) if (m.index > 0 && text[m.index - 1] !== '\n') spans.push([m.index, m.index + m[0].length]);
}

function subscriptionSpans(text: string, spans: [number, number][]): void {
  for (const m of wordStartMatches(SUBSCRIPTION, text)) spans.push(sentenceAround(text, m.index));
}

/** "Créé: 21.12.2018, 09h59", "Mis à jour le 3 mars 2023 à 10h": page furniture stating the publication date. */
const FURNITURE_DATE = new RegExp(
  `(?:Créé|Publié|Mis à jour|Mise à jour|Modifié|Actualisé|CRÉÉ|PUBLIÉ|MIS À JOUR)(?: le)?\\s?:?\\s?((?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(?:1er|\\d{1,2}) ${MONTH_SOURCE} \\d{4}))(?:,?\\s?(?:à\\s?)?${TIME_SOURCE})?`,
  'gu',
);

function furnitureSpans(text: string, spans: [number, number][], dates: string[]): void {
  for (const m of wordStartMatches(FURNITURE_DATE, text)) {
    // furniture stands alone: at a line start or after a byline or a sentence, never inside one ("le rapport publié le…")
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (m.index > 0 && !/(?:^|[\n.)!?»]) ?$/u.test(before)) continue;
    spans.push([m.index, m.index + m[0].length]);
    dates.push(m[1]);
  }
}

export interface InlineCleaning {
  text: string;
  /** Dates stated by furniture ("Créé: 21.12.2018"), in order: the article's own dates. */
  furnitureDates: string[];
  /** Dates of the embedded posts' signatures (YYYY-MM-DD): the article is not older than them. */
  postDates: string[];
}

/** Words (lowercase) one of which each kind of chrome holds: related articles, credits, subscription calls, furniture dates. */
const GATES = new SubstringGroups([
  ['lire aussi', 'voir aussi', 'lire également', 'voir également', 'lire ensuite', 'regarder aussi', 'écouter aussi', 'dossier', 'regarder sur'],
  ['photo', 'crédit', 'illustration', 'infographie', 'image'],
  ['abonn', 'inscri', 'recevez', 'envois', 'lire la suite', 'infolettre', 'suivez'],
  ['créé', 'publié', 'à jour', 'modifié', 'actualisé'],
]);

/** The text with in-paragraph chrome cut out, and the dates its furniture stated. */
export function removeInlineChrome(text: string): InlineCleaning {
  const furnitureDates: string[] = [];
  const postDates: string[] = [];
  const spans: [number, number][] = [];
  const [script, post] = SCRIPT_AND_POST_WORDS.present(text);
  if (script) scriptSpans(text, spans);
  if (post) tweetSpans(text, spans, postDates);
  let out = removeSpans(text, spans, '\n');
  // a text that is nothing but a post keeps the post's words, without its links
  if (out.trim() === '' && spans.length > 0) out = text.replace(TWEET_LINK, ' ');
  // cheap gates: most articles carry none of these, and a lowercase copy searched for plain words costs less than each pattern's scan
  const [related, credit, subscription, furniture] = GATES.present(out.toLowerCase());
  spans.length = 0;
  if (related) relatedSpans(out, spans);
  if (credit || out.includes('©')) creditSpans(out, spans);
  if (subscription) subscriptionSpans(out, spans);
  if (furniture) furnitureSpans(out, spans, furnitureDates);
  out = removeSpans(out, spans, '\n');
  return { text: out, furnitureDates, postDates };
}
