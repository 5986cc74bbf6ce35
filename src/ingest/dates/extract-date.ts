import { cleanDocument, type CleanedDocument } from '../chrome/clean.js';
import { findDateMentions, findMonthYearHints, type DateMention } from './date-mentions.js';

/** Date lines among the first lines of a text are its dateline ("2021-02-04 22:35", "Xinhua | 11.01.2022 08h27"). */
const DATELINE_MAX_POSITION = 6;

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayAgrees(mention: DateMention, year: number): boolean {
  if (mention.weekday === null) return true;
  return new Date(Date.UTC(year, mention.month - 1, mention.day)).getUTCDay() === mention.weekday;
}

/**
 * The article's date, by decreasing trust:
 * 1. a dateline: a date-only line near the top that states its year;
 * 2. the first full date of the body ("Le 10 janvier 2022"), or the first
 *    day and month ("le 27 octobre") with the year implied by the text:
 *    the dateline's year, else the latest year written in a full date,
 *    else the latest "mois année" ("en septembre 2022");
 * 3. a year-less furniture line ("lundi, septembre 2") with that implied
 *    year, only when its weekday agrees with it.
 * Relative words ("lundi", "le mois dernier") and durations ("deux ans") are
 * never dates: the parser does not read them.
 */
export function chooseDate(doc: CleanedDocument): string | null {
  const datelineMentions = doc.dateLines.flatMap(({ line, position }) =>
    findDateMentions(line, true).map((mention) => ({ mention, position })),
  );
  const dated = datelineMentions.find(({ mention, position }) => mention.year !== null && position < DATELINE_MAX_POSITION);
  if (dated) return formatDate(dated.mention.year!, dated.mention.month, dated.mention.day);

  const body = doc.paragraphs.join('\n');
  const mentions = findDateMentions(body);
  const impliedYear = impliedYearOf(datelineMentions.map((d) => d.mention), mentions, body);

  for (const mention of mentions) {
    if (mention.year !== null) return formatDate(mention.year, mention.month, mention.day);
    if (impliedYear !== null && weekdayAgrees(mention, impliedYear)) return formatDate(impliedYear, mention.month, mention.day);
  }
  for (const { mention } of datelineMentions) {
    const year = mention.year ?? impliedYear;
    if (year !== null && weekdayAgrees(mention, year)) return formatDate(year, mention.month, mention.day);
  }
  return null;
}

function impliedYearOf(datelineMentions: DateMention[], bodyMentions: DateMention[], body: string): number | null {
  const fromDateline = datelineMentions.find((m) => m.year !== null);
  if (fromDateline) return fromDateline.year;
  const fullDateYears = bodyMentions.filter((m) => m.year !== null).map((m) => m.year!);
  if (fullDateYears.length > 0) return Math.max(...fullDateYears);
  const monthYears = findMonthYearHints(body);
  return monthYears.length > 0 ? Math.max(...monthYears) : null;
}

/** The date of a text as YYYY-MM-DD, or null. */
export function extractDate(text: string): string | null {
  return chooseDate(cleanDocument(text));
}

/**
 * A date given as metadata (front matter, JSON Lines, HTML meta): ISO
 * strings keep their calendar day (no time-zone shift), French dates are parsed.
 */
export function normaliseGivenDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) {
    const mention = findDateMentions(`${iso[1]}-${iso[2]}-${iso[3]}`)[0];
    return mention ? formatDate(mention.year!, mention.month, mention.day) : null;
  }
  return extractDate(value);
}
