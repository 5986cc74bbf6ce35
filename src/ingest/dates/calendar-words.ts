/**
 * French calendar words as regular-expression sources, and their numbers.
 * Abbreviations with or without a final period are accepted ("févr.", "sept").
 */

/** Month spellings by month number (1-12), longest first so the alternation prefers them. */
const MONTH_SPELLINGS: Record<number, string[]> = {
  1: ['janvier', 'janv\\.?'],
  2: ['février', 'fevrier', 'févr\\.?', 'fevr\\.?', 'fév\\.?', 'fev\\.?'],
  3: ['mars'],
  4: ['avril', 'avr\\.?'],
  5: ['mai'],
  6: ['juin'],
  7: ['juillet', 'juil\\.?'],
  8: ['août', 'aout'],
  9: ['septembre', 'sept\\.?'],
  10: ['octobre', 'oct\\.?'],
  11: ['novembre', 'nov\\.?'],
  12: ['décembre', 'decembre', 'déc\\.?', 'dec\\.?'],
};

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** Matches any month spelling; callers add their own boundaries. */
export const MONTH_SOURCE = `(?:${Object.values(MONTH_SPELLINGS).flat().join('|')})`;

/** Matches any weekday name. */
export const WEEKDAY_SOURCE = `(?:${WEEKDAYS.join('|')})`;

/** A time of day: "08h27", "8 h 27", "22:35", "à 10h". */
export const TIME_SOURCE = `(?:\\d{1,2}\\s?[h:]\\s?\\d{2}(?::\\d{2})?|\\d{1,2}\\s?h)`;

const MONTH_BY_PREFIX = new Map<string, number>();
for (const [month, spellings] of Object.entries(MONTH_SPELLINGS)) {
  for (const spelling of spellings) MONTH_BY_PREFIX.set(spelling.replace(/\\\.\?$/, ''), Number(month));
}

/** Month number of a matched month spelling ("févr." -> 2), or null. */
export function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTH_BY_PREFIX.get(key) ?? null;
}

/** Weekday number (0 = Sunday, as Date#getUTCDay) of a weekday name, or null. */
export function weekdayNumber(word: string): number | null {
  const index = WEEKDAYS.indexOf(word.toLowerCase());
  return index === -1 ? null : index;
}
