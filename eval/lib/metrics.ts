/**
 * The scores of the extraction evaluation: set matching of names against
 * labelled entities (each with its accepted spellings), precision / recall /
 * F1, date verdicts and title overlap. Pure functions, tested in
 * tests/eval-metrics.test.ts.
 */
import { foldLabel, foldedTokens } from './fold.js';

/** A labelled entity: every name it may be given, the usual one first. */
export type Entity = string[];

export interface EntityMatch {
  /** Predictions matched to an entity (each entity matched at most once). */
  matched: { predicted: string; entity: Entity }[];
  /** Predictions that match no entity, or only entities already matched. */
  falsePositives: string[];
  /** Entities no prediction matched. */
  misses: Entity[];
}

/** Normalises a label entry ("Name" or ["Name", "Alt"]) to an entity. */
export function toEntity(entry: string | string[]): Entity {
  return typeof entry === 'string' ? [entry] : entry;
}

/**
 * Matches predictions to entities: a prediction may stand for an entity when
 * its folded form equals one of the entity's folded names. The matching is a
 * maximum bipartite matching (augmenting paths), so an ambiguous prediction
 * never steals the only entity another prediction could match.
 */
export function matchEntities(predicted: readonly string[], entities: readonly Entity[]): EntityMatch {
  const names = entities.map((e) => new Set(e.map(foldLabel)));
  const candidates = predicted.map((p) => {
    const folded = foldLabel(p);
    const fits: number[] = [];
    names.forEach((set, k) => {
      if (folded !== '' && set.has(folded)) fits.push(k);
    });
    return fits;
  });
  const owner = new Array<number>(entities.length).fill(-1);
  const assign = (p: number, seen: boolean[]): boolean => {
    for (const k of candidates[p]) {
      if (seen[k]) continue;
      seen[k] = true;
      if (owner[k] === -1 || assign(owner[k], seen)) {
        owner[k] = p;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < predicted.length; p++) assign(p, new Array<boolean>(entities.length).fill(false));
  const entityOf = new Map<number, number>();
  owner.forEach((p, k) => {
    if (p !== -1) entityOf.set(p, k);
  });
  const matched: EntityMatch['matched'] = [];
  const falsePositives: string[] = [];
  predicted.forEach((p, i) => {
    const k = entityOf.get(i);
    if (k === undefined) falsePositives.push(p);
    else matched.push({ predicted: p, entity: entities[k] });
  });
  const misses = entities.filter((_, k) => owner[k] === -1);
  return { matched, falsePositives, misses };
}

/** Counts summed over articles (micro-averaging). */
export interface SetCounts {
  articles: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export const emptyCounts = (): SetCounts => ({ articles: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 });

export function addMatch(counts: SetCounts, match: EntityMatch): void {
  counts.articles++;
  counts.truePositives += match.matched.length;
  counts.falsePositives += match.falsePositives.length;
  counts.falseNegatives += match.misses.length;
}

export interface Scores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Precision, recall, F1 of summed counts; null where the ratio has no denominator. */
export function scores(c: SetCounts): Scores {
  const predicted = c.truePositives + c.falsePositives;
  const expected = c.truePositives + c.falseNegatives;
  const precision = predicted === 0 ? null : c.truePositives / predicted;
  const recall = expected === 0 ? null : c.truePositives / expected;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The date a url states ("/2018/11/23/", "/201812/22/"), or null. */
export function urlDate(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d\d)\/?(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:\/|$)/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Bounds outside which a date of this corpus cannot be right (it holds news of 2018-2019). */
export const PLAUSIBLE_DATES = { from: '2017-01-01', to: '2020-12-31' };

export type DateVerdict =
  /** The label has a date: */
  | 'right' | 'wrong' | 'missing'
  /** The label has none: */
  | 'none-right' | 'none-predicted';

export function dateVerdict(predicted: string | null, expected: string | null): DateVerdict {
  if (expected === null) return predicted === null ? 'none-right' : 'none-predicted';
  if (predicted === null) return 'missing';
  return predicted === expected ? 'right' : 'wrong';
}

/** True when a predicted date cannot be right: outside the corpus's years, or after the date of the url it was published under. */
export function impossibleDate(predicted: string | null, url: string | null | undefined, bounds = PLAUSIBLE_DATES): boolean {
  if (predicted === null) return false;
  if (predicted < bounds.from || predicted > bounds.to) return true;
  const published = urlDate(url);
  return published !== null && predicted > published;
}

/** Folded equality of two titles (punctuation, case, accents ignored; a final ellipsis too). */
export function sameTitle(predicted: string, expected: string): boolean {
  return foldLabel(predicted) === foldLabel(expected);
}

/**
 * A softer title score in [0, 1]: F1 of the folded word multisets, so a
 * title cut short or with one word more still scores near 1.
 */
export function titleOverlap(predicted: string, expected: string): number {
  const a = foldedTokens(predicted);
  const b = foldedTokens(expected);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      common++;
      left.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Folded equality of sources, where null (no source) must meet null. */
export function sameSource(predicted: string | null, expected: string | null): boolean {
  if (predicted === null || expected === null) return predicted === expected;
  return foldLabel(predicted) === foldLabel(expected);
}
