/**
 * The date facet as a timeline that reads over any span: decades, years or
 * the months of one year, chosen from the period on show (the chosen date
 * range, else the years of the results). Each bar is a link to its period
 * (drilling down: a decade shows its years, a year its months); bars are
 * rows (label, bar, count), so no label is ever clipped or wrapped, whatever
 * the number of bars or the width of the screen.
 */
import type { FacetValue, SearchRequest } from '../search/index.js';
import { formatNumber, lastDayOfMonth, MONTHS, searchUrl } from './links.js';

export type TimelineUnit = 'decade' | 'year' | 'month' | 'day';

export interface TimelineBar {
  /** "1940–1949", "1987", "mars". */
  label: string;
  /** Formatted count, "1 503". */
  count: string;
  /** Spoken after the count: "articles". */
  unit: string;
  /** Bar length in steps of 5 % (0 to 20), a CSS class: no inline style under the CSP. */
  step: number;
  from: string;
  to: string;
  href: string;
  selected: boolean;
  empty: boolean;
}

export interface TimelineView {
  unit: TimelineUnit;
  /** "Articles par décennie", "Articles par mois en 1987". */
  heading: string;
  bars: TimelineBar[];
  /** A link one level up (a year's months -> its decade's years), or to every date. */
  up: { label: string; href: string } | null;
}

/** A span of more years than this shows decades. */
export const YEARS_AT_MOST = 15;

const pad = (n: number) => String(n).padStart(2, '0');
const yearFrom = (y: number) => `${y}-01-01`;
const yearTo = (y: number) => `${y}-12-31`;

function step(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.max(1, Math.round((count / max) * 20));
}

/** The first and last years on show: the date range's (bounded by the results), else the results'. */
function shownYears(request: SearchRequest, years: number[]): [number, number] | null {
  if (years.length === 0) return null;
  const first = request.from ? Number(request.from.slice(0, 4)) : years[0];
  const last = request.to ? Number(request.to.slice(0, 4)) : years[years.length - 1];
  if (first > last) return null;
  return [first, last];
}

/** The month whose days the timeline shows: when the date range lies within one month, its first and last day. */
export function monthOfRange(request: SearchRequest): { from: string; to: string } | null {
  if (!request.from || !request.to || request.from.slice(0, 7) !== request.to.slice(0, 7)) return null;
  const [year, month] = request.from.split('-').map(Number);
  return { from: `${request.from.slice(0, 7)}-01`, to: `${request.from.slice(0, 7)}-${pad(lastDayOfMonth(year, month))}` };
}

/** The days of one month (counts from the backend's dayCounts over that month). */
function dayTimeline(days: FacetValue[], request: SearchRequest, month: { from: string; to: string }): TimelineView {
  const counts = new Map(days.map((d) => [d.value, d.count]));
  const year = Number(month.from.slice(0, 4));
  const monthIndex = Number(month.from.slice(5, 7)) - 1;
  const last = Number(month.to.slice(8, 10));
  const periods = Array.from({ length: last }, (_, i) => {
    const date = `${month.from.slice(0, 8)}${pad(i + 1)}`;
    return { label: `${i === 0 ? '1er' : i + 1} ${MONTHS[monthIndex]}`, from: date, to: date, count: counts.get(date) ?? 0 };
  });
  return {
    unit: 'day',
    heading: `Articles par jour en ${MONTHS[monthIndex]} ${year}`,
    // A selected day goes back to its month.
    bars: timelineBars(periods, request, month),
    up: { label: `Mois de ${year}`, href: searchUrl(request, { from: yearFrom(year), to: yearTo(year) }) },
  };
}

/** The bars of periods: each links to its period, a selected one to `back` (the period above it). */
function timelineBars(periods: { label: string; from: string; to: string; count: number }[], request: SearchRequest, back: Pick<SearchRequest, 'from' | 'to'>, approximate = false): TimelineBar[] {
  const max = Math.max(0, ...periods.map((p) => p.count));
  return periods.map((p) => {
    const selected = request.from === p.from && request.to === p.to;
    return {
      label: p.label,
      // Counts estimated from a sample of many matches (PostgreSQL) say so.
      count: approximate && p.count > 0 ? `environ ${formatNumber(p.count)}` : formatNumber(p.count),
      unit: p.count > 1 ? 'articles' : 'article',
      step: step(p.count, max),
      from: p.from,
      to: p.to,
      href: searchUrl(request, selected ? back : { from: p.from, to: p.to }),
      selected,
      empty: p.count === 0,
    };
  });
}

export function timelineView(values: FacetValue[], request: SearchRequest, days: FacetValue[] | null = null): TimelineView | null {
  const month = monthOfRange(request);
  if (month && days) return dayTimeline(days, request, month);
  const yearCounts = new Map(values.filter((v) => v.value.length === 4).map((v) => [Number(v.value), v.count]));
  const monthCounts = new Map(values.filter((v) => v.value.length === 7).map((v) => [v.value, v.count]));
  const years = [...yearCounts.keys()].sort((a, b) => a - b);
  const span = shownYears(request, years);
  if (!span) return null;
  const [first, last] = span;
  const allFirst = years[0];
  const allLast = years[years.length - 1];
  const periods: { label: string; from: string; to: string; count: number }[] = [];
  let unit: TimelineUnit;
  let heading: string;
  let up: TimelineView['up'] = null;
  const everyDate = { label: 'Toutes les dates', href: searchUrl(request, { from: null, to: null }) };
  if (first === last && (request.from || request.to || allFirst === allLast)) {
    unit = 'month';
    heading = `Articles par mois en ${first}`;
    MONTHS.forEach((name, i) => {
      const mm = pad(i + 1);
      periods.push({ label: name, from: `${first}-${mm}-01`, to: `${first}-${mm}-${pad(lastDayOfMonth(first, i + 1))}`, count: monthCounts.get(`${first}-${mm}`) ?? 0 });
    });
    if (request.from || request.to) {
      const decade = first - (first % 10);
      up = allLast - allFirst + 1 > YEARS_AT_MOST
        ? { label: `Années ${decade}–${decade + 9}`, href: searchUrl(request, { from: yearFrom(decade), to: yearTo(decade + 9) }) }
        : everyDate;
    }
  } else if (last - first + 1 <= YEARS_AT_MOST) {
    unit = 'year';
    heading = 'Articles par année';
    for (let y = first; y <= last; y++) periods.push({ label: String(y), from: yearFrom(y), to: yearTo(y), count: yearCounts.get(y) ?? 0 });
    if (request.from || request.to) up = everyDate;
  } else {
    unit = 'decade';
    heading = 'Articles par décennie';
    for (let d = first - (first % 10); d <= last; d += 10) {
      let count = 0;
      for (let y = d; y < d + 10; y++) count += yearCounts.get(y) ?? 0;
      periods.push({ label: `${d}–${d + 9}`, from: yearFrom(d), to: yearTo(d + 9), count });
    }
    if (request.from || request.to) up = everyDate;
  }
  // A selected month goes back to its year, a selected year or decade to every date.
  const bars = timelineBars(periods, request, unit === 'month' ? { from: yearFrom(first), to: yearTo(first) } : { from: null, to: null }, values.some((v) => v.approximate));
  return { unit, heading, bars, up };
}
