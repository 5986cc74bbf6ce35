import { facetKey, fieldValues } from '../analysis/index.js';
import type { Searcher } from './searcher.js';
import type { FacetColumn } from './facet-table.js';
import { firstInOrder } from './top-k.js';
import { tableArray } from './table-arrays.js';
import { entityQuotations, prepareEntityQuotations, type EntityQuotation } from './entity-quotations.js';

/**
 * The profile of a person or an organisation (its page,
 * src/web/entity-pages.ts), computed on the facet table's integer columns:
 * the articles naming it come from an inverted column (value id -> article
 * numbers) made once per build (Searcher.entityColumn), and every statistic
 * is a pass over those articles' value ids, so a page costs the number of
 * its articles, not of the archive's.
 */

export type EntityKind = 'speakers' | 'organisations';

export interface Counted {
  name: string;
  count: number;
}

export interface EntityProfile {
  kind: EntityKind;
  /** The name as the facet shows it (its first spelling met). */
  name: string;
  /** Every spelling merged into it (same letters without case or accents), the name first. */
  spellings: string[];
  articles: number;
  /** Articles by month "YYYY-MM", from the first month to the last with one (months without are 0). */
  months: Counted[];
  /** Articles without a date. */
  undated: number;
  /** People and organisations most often named in the same articles, with the number of such articles. */
  people: Counted[];
  organisations: Counted[];
  /** Sources publishing it most. */
  sources: Counted[];
  /** Newest articles naming it. */
  latest: { id: string; title: string; date: string | null; source: string | null }[];
  /** A person's quotations in the archive (0 for an organisation), and the latest ones (src/search/entity-quotations.ts). */
  quotations: number;
  latestQuotations: EntityQuotation[];
}

export const PROFILE_LIMITS = { related: 10, sources: 8, latest: 10, quotations: 5 } as const;

/** A name as a URL path segment: folded, words joined by hyphens ("Sergueï Lavrov" -> "serguei-lavrov"). */
export function entitySlug(name: string): string {
  return facetKey(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export interface InvertedColumn {
  /** Value id by slug. */
  idBySlug: Map<string, number>;
  /** Articles of value v: ids[start[v] .. start[v + 1]). */
  start: Uint32Array;
  ids: Uint32Array;
  /** Spellings of each value, by id (filled when a page first asks). */
  spellings: (string[] | undefined)[];
}

/** The articles of each value of a facet column, and the value of each slug; `shared`: its arrays in SharedArrayBuffers. */
export function invertColumn(column: FacetColumn, shared = false): InvertedColumn {
  const values = column.names.length;
  const articles = column.start.length - 1;
  const start = tableArray(Uint32Array, values + 1, shared);
  for (let i = 0; i < column.ids.length; i++) start[column.ids[i] + 1]++;
  for (let v = 0; v < values; v++) start[v + 1] += start[v];
  const fill = start.slice(0, values);
  const ids = tableArray(Uint32Array, column.ids.length, shared);
  for (let n = 0; n < articles; n++) for (let i = column.start[n]; i < column.start[n + 1]; i++) ids[fill[column.ids[i]]++] = n;
  const idBySlug = new Map<string, number>();
  // Two names of one slug (differing only by punctuation): the one of more articles wins.
  column.names.forEach((name, v) => {
    const slug = entitySlug(name);
    const other = idBySlug.get(slug);
    if (other === undefined || start[v + 1] - start[v] > start[other + 1] - start[other]) idBySlug.set(slug, v);
  });
  return { idBySlug, start, ids, spellings: [] };
}

/** Counts of the value ids of `column` over `articles`, the most frequent first (ties alphabetical), `skip` left out. */
function topValues(column: FacetColumn, articles: Uint32Array, limit: number, skip = -1): Counted[] {
  const counts = new Uint32Array(column.names.length);
  const touched: number[] = [];
  for (let k = 0; k < articles.length; k++) {
    const n = articles[k];
    for (let i = column.start[n]; i < column.start[n + 1]; i++) {
      const v = column.ids[i];
      if (v === skip) continue;
      if (counts[v]++ === 0) touched.push(v);
    }
  }
  const best = firstInOrder(touched, limit, (a, b) => counts[a] > counts[b] || (counts[a] === counts[b] && column.order[a] < column.order[b]));
  return best.map((v) => ({ name: column.names[v], count: counts[v] }));
}

/** The profile of the person (`speakers`) or organisation of a slug, or null when no article names one. */
export function entityProfile(searcher: Searcher, kind: EntityKind, slug: string): EntityProfile | null {
  const table = searcher.facets;
  const column = table.facets[kind];
  const inv = searcher.entityColumn(kind);
  const id = inv.idBySlug.get(slug);
  if (id === undefined) return null;
  const articles = inv.ids.subarray(inv.start[id], inv.start[id + 1]);
  // Spellings: the articles' own values that fold to this one's key.
  let spellings = inv.spellings[id];
  if (!spellings) {
    const key = facetKey(column.names[id]);
    const seen = new Set([column.names[id]]);
    for (const n of articles) for (const value of fieldValues(searcher.documents[n], kind)) if (!seen.has(value) && facetKey(value) === key) seen.add(value);
    spellings = inv.spellings[id] = [...seen];
  }
  const byMonth = new Map<number, number>();
  let undated = 0;
  for (const n of articles) {
    const day = table.dayOf[n];
    if (day < 0) undated++;
    else {
      const month = Math.floor(day / 100);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
  }
  const months: Counted[] = [];
  if (byMonth.size > 0) {
    const keys = [...byMonth.keys()];
    const last = Math.max(...keys);
    for (let m = Math.min(...keys); m <= last; m = m % 100 === 12 ? m + 89 : m + 1) {
      months.push({ name: `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`, count: byMonth.get(m) ?? 0 });
    }
  }
  const latest = firstInOrder(articles, PROFILE_LIMITS.latest, (a, b) => table.dateRank[a] < table.dateRank[b]).map((n) => {
    const { id: articleId, title, date, source } = searcher.documents[n];
    return { id: articleId, title, date, source };
  });
  const quotations = kind === 'speakers' ? entityQuotations(searcher, entitySlug(column.names[id]), PROFILE_LIMITS.quotations) : { count: 0, latest: [] };
  return {
    kind,
    name: column.names[id],
    spellings,
    articles: articles.length,
    months,
    undated,
    people: topValues(table.facets.speakers, articles, PROFILE_LIMITS.related, kind === 'speakers' ? id : -1),
    organisations: topValues(table.facets.organisations, articles, PROFILE_LIMITS.related, kind === 'organisations' ? id : -1),
    sources: topValues(table.facets.source, articles, PROFILE_LIMITS.sources),
    latest,
    quotations: quotations.count,
    latestQuotations: quotations.latest,
  };
}

/** Builds the inverted columns ahead of a reader's first page (part of warming an index). */
export function prepareEntities(searcher: Searcher): void {
  searcher.entityColumn('speakers');
  searcher.entityColumn('organisations');
  prepareEntityQuotations(searcher);
}
