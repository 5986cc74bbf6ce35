import { cleanDocument, type CleanedDocument } from '../chrome/clean.js';
import { findDateMentions, findMonthYearHints, type DateMention } from './date-mentions.js';
import { firstSentence } from '../text/sentences.js';
import { dateFromUrl } from './url-date.js';
import { WEEKDAY_SOURCE, weekdayNumber } from './calendar-words.js';

/** Date lines among the first lines of a text are its dateline ("2021-02-04 22:35", "Xinhua | 11.01.2022 08h27"). */
const DATELINE_MAX_POSITION = 6;
/** The lead (its first sentence, at most this long) is where a news text states the day of its event ("Le 10 janvier 2022, le ministre…"). */
const LEAD_CHARS = 400;
/** "d'ici le 1er janvier 2021", "à partir du 3 mars": a horizon, not the day of the article. */
const FUTURE_MARKER = /(?:d['’]ici|jusqu['’]|à partir d|à compter d|dès|avant|prévue?s?|attendue?s?|horizon|échéance|prochain)\s*(?:le|la|au|du|l['’])?\s*(?:\p{L}+\s)?$/iu;
const RELATIVE_AFTER = /^[^,.;\n]*?\p{L}+\s+(?:dernier|prochain)\b/u;
const WEEKDAY_WORD = new RegExp(`(?<![\\p{L}])${WEEKDAY_SOURCE}(?![\\p{L}])`, 'iu');

interface Day {
  year: number;
  month: number;
  day: number;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseIso(iso: string): Day {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function weekdayAgrees(mention: DateMention, year: number): boolean {
  return mention.weekday === null || weekdayOf(year, mention.month, mention.day) === mention.weekday;
}

/** The year that puts a day and month on or before the reference day: "17 novembre" read in January is last year's. */
function yearNotAfter(month: number, day: number, reference: Day): number {
  return month < reference.month || (month === reference.month && day <= reference.day) ? reference.year : reference.year - 1;
}

/** One year when all the given years agree, else null: unsure is no date. */
function soleYear(years: number[]): number | null {
  if (years.length === 0) return null;
  for (const y of years) if (y !== years[0]) return null;
  return years[0];
}

/**
 * The latest post date whose weekday is the one the text names first
 * ("a-t-on appris samedi" and a tweet of Saturday 8 December 2018): the
 * embedded posts were written on the article's day.
 */
function dayOfPosts(postDates: string[], body: string): string | null {
  if (postDates.length === 0) return null;
  const named = WEEKDAY_WORD.exec(body.slice(0, 2000));
  if (!named) return null;
  const weekday = weekdayNumber(named[0]);
  let best: string | null = null;
  for (const iso of postDates) {
    const d = parseIso(iso);
    if (weekdayOf(d.year, d.month, d.day) === weekday && (best === null || iso > best)) best = iso;
  }
  return best;
}

/** The lead's first sentence: a headline (a first short paragraph that does not end a sentence) is no lead. */
function leadOf(paragraphs: string[]): string {
  const start = paragraphs.length > 1 && paragraphs[0].length < 200 && !/[.!?»]$/u.test(paragraphs[0]) ? 1 : 0;
  return firstSentence((paragraphs[start] ?? '').slice(0, LEAD_CHARS));
}

function isHorizon(text: string, mention: DateMention): boolean {
  return FUTURE_MARKER.test(text.slice(Math.max(0, mention.index - 30), mention.index));
}

/**
 * A date that states the day of the news: at the head of its clause ("Le 10
 * janvier 2022, …", "mardi 3 mars 2020 :") or after "le"/"ce" ("a eu le 27
 * octobre"). "les violences du 1er mai 2018", "depuis le 17 novembre", "du
 * 21 au 25 janvier" name earlier or other events.
 */
function statesTheDay(text: string, mention: DateMention): boolean {
  const before = text.slice(Math.max(0, mention.index - 24), mention.index);
  if (/(?:^|[,:;|(—–-])\s*$/u.test(before)) return true;
  if (!/(?:^|[\s'’])(?:le|ce)\s+$/iu.test(before)) return false;
  return !/(?:depuis|après|avant|entre|d['’]ici|jusqu['’]à|depuis|dès)\s+(?:le|ce)\s+$/iu.test(before);
}

/**
 * The article's date, by decreasing trust:
 * 1. the date in its url ("/2018/12/07/", "/201812/07/");
 * 2. a dateline: a date-only line near the top that states its year, or
 *    furniture in the text ("Créé: 21.12.2018, 09h59");
 * 3. the day of its embedded posts, when the weekday the text names agrees;
 * 4. a date in the lead ("Le 10 janvier 2022, le ministre…"), a horizon
 *    ("d'ici le 1er janvier 2021") excepted; a day and month without year
 *    take the year that puts them on or before the dates above, else the one
 *    year all the text's full dates (or its "mois année") agree on;
 * 5. a year-less furniture line ("lundi, septembre 2") with that implied
 *    year, only when its weekday agrees.
 * When the year is unsure there is no date: never a guessed one.
 */
export function chooseDate(doc: CleanedDocument, url: string | null = null): string | null {
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return formatDate(fromUrl.year, fromUrl.month, fromUrl.day);

  const datelineMentions = doc.dateLines.flatMap(({ line, position }) =>
    findDateMentions(line, true).map((mention) => ({ mention, position })),
  );
  const dated = datelineMentions.find(({ mention, position }) => mention.year !== null && position < DATELINE_MAX_POSITION);
  if (dated) return formatDate(dated.mention.year!, dated.mention.month, dated.mention.day);
  for (const furniture of doc.furnitureDates) {
    const mention = findDateMentions(furniture).find((m) => m.year !== null);
    if (mention) return formatDate(mention.year!, mention.month, mention.day);
  }

  const body = doc.paragraphs.join('\n');
  const posts = dayOfPosts(doc.postDates, body);
  if (posts) return posts;

  const reference = latestPostDate(doc.postDates);
  // computed only when a date without its year needs it: it reads every date of the body
  let impliedYear: number | null | undefined;
  const implied = () => (impliedYear === undefined ? (impliedYear = impliedYearOf(datelineMentions.map((d) => d.mention), body)) : impliedYear);
  const lead = leadOf(doc.paragraphs);
  for (const mention of findDateMentions(lead)) {
    if (isHorizon(lead, mention) || !statesTheDay(lead, mention)) continue;
    // an article is not older than the posts it embeds: an earlier day is an event it recalls
    if (mention.year !== null) {
      const iso = formatDate(mention.year, mention.month, mention.day);
      if (reference && iso < formatDate(reference.year, reference.month, reference.day)) continue;
      return iso;
    }
    // "le 12 mai dernier" counts from the day of publication: without a reference date its year is unknown
    const relative = RELATIVE_AFTER.test(lead.slice(mention.index, mention.index + 40));
    const year = reference ? yearNotAfter(mention.month, mention.day, reference) : relative ? null : implied();
    if (year !== null && weekdayAgrees(mention, year)) return formatDate(year, mention.month, mention.day);
  }
  for (const { mention } of datelineMentions) {
    const year = mention.year ?? implied();
    if (year !== null && weekdayAgrees(mention, year)) return formatDate(year, mention.month, mention.day);
  }
  return null;
}

function latestPostDate(postDates: string[]): Day | null {
  let latest: string | null = null;
  for (const iso of postDates) if (latest === null || iso > latest) latest = iso;
  return latest ? parseIso(latest) : null;
}

/** The year of a day and month written without one, from the text's other dates; null when they disagree. */
function impliedYearOf(datelineMentions: DateMention[], body: string): number | null {
  const fromDateline = datelineMentions.find((m) => m.year !== null);
  if (fromDateline) return fromDateline.year;
  const fullDateYears: number[] = [];
  for (const m of findDateMentions(body)) if (m.year !== null && !isHorizon(body, m)) fullDateYears.push(m.year);
  if (fullDateYears.length > 0) return soleYear(fullDateYears);
  return soleYear(findMonthYearHints(body));
}

/** The date of a text as YYYY-MM-DD, or null. */
export function extractDate(text: string, url: string | null = null): string | null {
  return chooseDate(cleanDocument(text), url);
}

/**
 * A date given as metadata (front matter, JSON Lines, HTML meta): ISO
 * strings keep their calendar day (no time-zone shift); "8-1-2019",
 * "08/01/2019" (day first), "20190108" and "8 janvier 2019" are read too.
 */
export function normaliseGivenDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 19000101 && value <= 21001231) value = String(value);
  if (typeof value !== 'string' || value.length > 200) return null;
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value) ?? /^\s*(\d{4})(\d{2})(\d{2})\s*$/.exec(value);
  const text = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : value;
  const mention = findDateMentions(text, true).find((m) => m.year !== null);
  return mention ? formatDate(mention.year!, mention.month, mention.day) : null;
}
