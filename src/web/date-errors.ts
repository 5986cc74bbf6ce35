/**
 * A date range the reader typed wrong (a date that does not exist, an end
 * before the start) is said next to the Du/Au fields, in French, and the
 * search runs without it: the results stay on screen, the fields keep what
 * was typed. The JSON API still refuses such a range (src/web/params.ts).
 */
export interface DateRangeCheck {
  /** The URL parameters, without from/to when they are wrong. */
  query: Record<string, unknown>;
  /** What is wrong, in French, or null. */
  error: string | null;
  /** What was typed, to show again in the fields. */
  from: string;
  to: string;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function typed(value: unknown): string | null {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  return null;
}

export function checkDateRange(query: unknown): DateRangeCheck {
  const source = { ...((query ?? {}) as Record<string, unknown>) };
  const from = typed(Object.hasOwn(source, 'from') ? source.from : undefined);
  const to = typed(Object.hasOwn(source, 'to') ? source.to : undefined);
  let error: string | null = null;
  if (from === null || to === null) error = 'Une seule date de début et une seule date de fin, s’il vous plaît.';
  else if (from && !isRealDate(from)) error = `La date de début « ${from.slice(0, 40)} » n’est pas une date valide (jour, mois, année).`;
  else if (to && !isRealDate(to)) error = `La date de fin « ${to.slice(0, 40)} » n’est pas une date valide (jour, mois, année).`;
  else if (from && to && to < from) error = 'La date de fin précède la date de début.';
  if (error) {
    delete source.from;
    delete source.to;
  }
  return { query: source, error, from: (from ?? '').slice(0, 40), to: (to ?? '').slice(0, 40) };
}
