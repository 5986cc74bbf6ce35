import { wordStartMatches } from '../text/scan.js';
import { MONTH_SOURCE, TIME_SOURCE, WEEKDAY_SOURCE, monthNumber, weekdayNumber } from './calendar-words.js';

/**
 * Finds the calendar dates written in French text. Own parser rather than
 * chrono-node: it reads exactly the forms French news copy uses, keeps
 * day-first numeric dates, never turns "près de deux ans", "lundi" or "le
 * mois dernier" into a date, reports whether the year was written, and is
 * about ten times faster (see the report in the ingest notes).
 */

export interface DateMention {
  /** Offset of the mention in the text searched. */
  index: number;
  year: number | null;
  month: number;
  day: number;
  /** Weekday named next to the date, 0 = Sunday; used to check an inferred year. */
  weekday: number | null;
  /** "lundi, septembre 2": month before day, the page-furniture order. */
  monthFirst: boolean;
}

const NOT_BEFORE_LETTER = '(?![\\p{L}])';
/** A numeric date glued to a digit, dot, slash or hyphen is part of something else (a version, a phone number). */
const GLUED_TO_NUMBER = /[\p{N}.\/-]/u;

/** "10 janvier 2022", "lundi 10 janvier", "1er mars 2023", "4 févr. 2021". */
const DAY_MONTH_YEAR = new RegExp(
  `(?:(${WEEKDAY_SOURCE})\\s*,?\\s+)?(1er|1re|\\d{1,2})\\s+(${MONTH_SOURCE})${NOT_BEFORE_LETTER}(?:\\s*,?\\s*(\\d{4})(?!\\d))?`,
  'giu',
);

/** "septembre 2", "septembre 2, 2024": month before day, the order of page furniture. */
const MONTH_DAY_SOURCE = `(${MONTH_SOURCE})${NOT_BEFORE_LETTER}\\s*(\\d{1,2})(?:er)?(?![\\p{N}])(?:\\s*,\\s*(\\d{4})(?!\\d))?`;
/** In running text only with a weekday before it ("lundi, septembre 2"): "en septembre 2 000 soldats" is no date. */
const WEEKDAY_MONTH_DAY = new RegExp(`(${WEEKDAY_SOURCE})\\s*,?\\s+${MONTH_DAY_SOURCE}`, 'giu');
/** On a date-only line, with or without a weekday. */
const ANY_MONTH_DAY = new RegExp(`(?:(${WEEKDAY_SOURCE})\\s*,?\\s+)?${MONTH_DAY_SOURCE}`, 'giu');

/** "11.01.2022", "02/03/2023", "11-01-22": day first, same separator twice. */
const NUMERIC_DAY_FIRST = /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}]|[./-]\p{N})/gu;

/** "2021-02-04", "2021/02/04". */
const NUMERIC_YEAR_FIRST = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[./-]\p{N})/gu;

/** "en septembre 2022", "fin février 2021": a year hint, not a date. */
const MONTH_YEAR = new RegExp(`(${MONTH_SOURCE})${NOT_BEFORE_LETTER}\\s*(\\d{4})(?!\\d)`, 'giu');

/** A line that is nothing but a date and/or time, possibly with a source before a bar ("Xinhua | 11.01.2022 08h27"). */
const DATE_ONLY_LINE = new RegExp(
  `^(?:[^|\\n]{1,40}\\|\\s*)?(?:(?:publié|mis à jour|modifié|posté|mise à jour)\\s*(?:le|:)?\\s*)?` +
    `(?:${WEEKDAY_SOURCE}\\s*,?\\s*)?` +
    `(?:(?:1er|\\d{1,2})\\s+${MONTH_SOURCE}(?:\\s*,?\\s*\\d{4})?|${MONTH_SOURCE}\\s*\\d{1,2}(?:er)?(?:\\s*,\\s*\\d{4})?|\\d{1,2}([./-])\\d{1,2}\\1(?:\\d{4}|\\d{2})|\\d{4}([-/.])\\d{1,2}\\2\\d{1,2})` +
    `(?:\\s*(?:à|-|,|T)?\\s*${TIME_SOURCE}(?:\\s*(?:GMT|UTC|CET|CEST|[+-]\\d{2}:?\\d{2}))?)?\\s*$`,
  'iu',
);

/** Every form DATE_ONLY_LINE reads holds a digit: lines without one (most) are spared the pattern. */
const DIGIT = /\d/;

export function isDateOnlyLine(line: string): boolean {
  return line.length <= 90 && DIGIT.test(line) && DATE_ONLY_LINE.test(line);
}

function expandYear(digits: string): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2100) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayNumber(word: string): number {
  return /^1(er|re)$/i.test(word) ? 1 : Number(word);
}

/**
 * The dates written in the text, in order. `monthFirstAllowed` accepts
 * "septembre 2" without a weekday (only sensible on a date-only line).
 */
export function findDateMentions(text: string, monthFirstAllowed = false): DateMention[] {
  const found: DateMention[] = [];
  const add = (index: number, year: number | null, month: number | null, day: number, weekday: number | null, monthFirst: boolean) => {
    if (month === null) return;
    if (!isValidDate(year ?? 2000, month, day)) return;
    found.push({ index, year, month, day, weekday, monthFirst });
  };

  for (const m of wordStartMatches(DAY_MONTH_YEAR, text)) {
    add(m.index, m[4] ? Number(m[4]) : null, monthNumber(m[3]), dayNumber(m[2]), m[1] ? weekdayNumber(m[1]) : null, false);
  }
  for (const m of wordStartMatches(monthFirstAllowed ? ANY_MONTH_DAY : WEEKDAY_MONTH_DAY, text)) {
    add(m.index, m[4] ? Number(m[4]) : null, monthNumber(m[2]), Number(m[3]), m[1] ? weekdayNumber(m[1]) : null, true);
  }
  for (const m of wordStartMatches(NUMERIC_DAY_FIRST, text, GLUED_TO_NUMBER)) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    // "03/25/2023" cannot be day-first: read it month-first rather than drop it.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    add(m.index, expandYear(m[4]), month, day, null, false);
  }
  for (const m of wordStartMatches(NUMERIC_YEAR_FIRST, text, GLUED_TO_NUMBER)) add(m.index, Number(m[1]), Number(m[3]), Number(m[4]), null, false);

  found.sort((a, b) => a.index - b.index);
  return found;
}

/** Years written with a month but no day ("en septembre 2022"), as hints for year-less dates. */
export function findMonthYearHints(text: string): number[] {
  const years: number[] = [];
  for (const m of wordStartMatches(MONTH_YEAR, text)) {
    const year = Number(m[2]);
    if (year >= 1800 && year <= 2100) years.push(year);
  }
  return years;
}
