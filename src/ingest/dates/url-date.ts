import { isValidDate } from './date-mentions.js';

/**
 * The publication date a url states: "/2018/11/23/", "/201812/22/",
 * "/20181207-" or "-2018-12-07". Years outside 1990-2100 and impossible
 * days are not dates (an article number is not a date).
 */
const URL_DATE_FORMS: RegExp[] = [
  /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})(?=[/_.-]|$)/u,
  /\/((?:19|20)\d{2})(\d{2})\/(\d{2})(?=[/_.-]|$)/u,
  /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/u,
  /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/u,
];

export function dateFromUrl(url: string | null | undefined): { year: number; month: number; day: number } | null {
  if (!url) return null;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/iu, '').slice(0, 400);
  for (const form of URL_DATE_FORMS) {
    const m = form.exec(path);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year >= 1990 && isValidDate(year, month, day)) return { year, month, day };
  }
  return null;
}
