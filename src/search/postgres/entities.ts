/**
 * The person and organisation pages on PostgreSQL (the embedded engine's
 * are src/search/entities.ts): the articles naming a value are found by its
 * folded key in the GIN-indexed key column, and the statistics are counted
 * here over those rows' keys, named from depeches.facet_names (read once per
 * build by the reader's EntityNames, which lives as long as the reader that
 * owns the pool), so that both backends show the same page.
 */
import type pg from 'pg';
import { facetKey, facetOf, FACETS, type FacetName } from '../../analysis/index.js';
import { entitySlug, PROFILE_LIMITS, type Counted, type EntityKind, type EntityProfile } from '../entities.js';
import { CANDIDATES_PER_SHOWN, pickLatest, type EntityQuotation } from '../entity-quotations.js';
import { quotationOpening } from '../quotation-query.js';

interface Names {
  build: string;
  /** Shown name by folded key, per facet. */
  byKey: Record<FacetName, Map<string, string>>;
  /** Folded key by slug, for people and organisations. */
  keyBySlug: Record<EntityKind, Map<string, string>>;
}

const collator = new Intl.Collator('fr');

/** The facet names of the build in service, read again when the build changes: one per reader (src/search/postgres/backend.ts). */
export class EntityNames {
  private cached: Names | null = null;

  constructor(private readonly pool: pg.Pool) {}

  async current(): Promise<Names> {
    const build = (await this.pool.query<{ build_id: string }>('SELECT build_id FROM depeches.build')).rows[0]?.build_id ?? '';
    if (this.cached && this.cached.build === build) return this.cached;
    const rows = (await this.pool.query<{ facet: string; key: string; value: string }>('SELECT facet::text AS facet, key, value FROM depeches.facet_names')).rows;
    const byKey = Object.fromEntries(FACETS.map((f) => [f, new Map<string, string>()])) as Names['byKey'];
    const facetOfKey = new Map(FACETS.map((f) => [facetOf(f).pgKey, f]));
    for (const r of rows) byKey[facetOfKey.get(r.facet)!]?.set(r.key, r.value);
    const keyBySlug = { speakers: new Map<string, string>(), organisations: new Map<string, string>() };
    for (const kind of ['speakers', 'organisations'] as const) for (const key of byKey[kind].keys()) if (!keyBySlug[kind].has(entitySlug(key))) keyBySlug[kind].set(entitySlug(key), key);
    this.cached = { build, byKey, keyBySlug };
    return this.cached;
  }
}

type Row = { id: string; title: string; date: string | null; source: string | null; values: string[] } & Record<FacetName, string[]>;

function top(rows: Row[], facet: FacetName, shown: Map<string, string>, limit: number, skip: string | null): Counted[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const key of r[facet]) if (key !== skip) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ name: shown.get(key) ?? key, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name))
    .slice(0, limit);
}

export async function postgresEntity(pool: pg.Pool, names: EntityNames, kind: EntityKind, slug: string): Promise<EntityProfile | null> {
  const all = await names.current();
  const key = all.keyBySlug[kind].get(slug);
  if (key === undefined) return null;
  const keys = FACETS.map((f) => `${facetOf(f).pgKeysColumn} AS "${f}"`).join(', ');
  const rows = (
    await pool.query<Row>(
      `SELECT id, title, to_char(date, 'YYYY-MM-DD') AS date, source, ${kind} AS values, ${keys}
       FROM depeches.documents WHERE ${facetOf(kind).pgKeysColumn} @> ARRAY[$1]::text[]`,
      [key],
    )
  ).rows;
  if (rows.length === 0) return null;
  const name = all.byKey[kind].get(key) ?? key;
  const spellings = new Set([name]);
  for (const r of rows) for (const v of r.values) if (facetKey(v) === key) spellings.add(v);
  const byMonth = new Map<string, number>();
  let undated = 0;
  for (const r of rows) {
    if (r.date) byMonth.set(r.date.slice(0, 7), (byMonth.get(r.date.slice(0, 7)) ?? 0) + 1);
    else undated++;
  }
  const months: Counted[] = [];
  const sortedMonths = [...byMonth.keys()].sort();
  if (sortedMonths.length > 0) {
    let [year, month] = sortedMonths[0].split('-').map(Number);
    const last = sortedMonths[sortedMonths.length - 1];
    for (;;) {
      const label = `${year}-${String(month).padStart(2, '0')}`;
      months.push({ name: label, count: byMonth.get(label) ?? 0 });
      if (label >= last) break;
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
  }
  const latest = [...rows]
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : !a.date ? 1 : !b.date ? -1 : a.date < b.date ? 1 : -1))
    .slice(0, PROFILE_LIMITS.latest)
    .map(({ id, title, date, source }) => ({ id, title, date, source }));
  const quotations = kind === 'speakers' ? await personQuotations(pool, key) : { count: 0, latest: [] };
  return {
    kind,
    name,
    spellings: [...spellings],
    articles: rows.length,
    months,
    undated,
    people: top(rows, 'speakers', all.byKey.speakers, PROFILE_LIMITS.related, kind === 'speakers' ? key : null),
    organisations: top(rows, 'organisations', all.byKey.organisations, PROFILE_LIMITS.related, kind === 'organisations' ? key : null),
    sources: top(rows, 'source', all.byKey.source, PROFILE_LIMITS.sources, null),
    latest,
    quotations: quotations.count,
    latestQuotations: quotations.latest,
  };
}

/** A person's quotations (depeches.quotations, by the speaker's folded key): their number and the latest, as the embedded engine orders and chooses them. */
async function personQuotations(pool: pg.Pool, key: string): Promise<{ count: number; latest: EntityQuotation[] }> {
  const result = await pool.query<{ count: number; latest: { rank: number; id: string; title: string; date: string | null; source: string | null; text: string; kind: 'direct' | 'indirect' }[] }>(
    `SELECT (SELECT count(*)::int FROM depeches.quotations WHERE speaker_key = $1) AS count,
            (SELECT coalesce(json_agg(l ORDER BY l.rank), '[]'::json) FROM (
               SELECT row_number() OVER (ORDER BY d.date DESC NULLS LAST, d.id, q.n) AS rank, d.id, d.title, to_char(d.date, 'YYYY-MM-DD') AS date, d.source, q.text, q.kind
               FROM depeches.quotations q JOIN depeches.documents d ON d.id = q.document_id
               WHERE q.speaker_key = $1 ORDER BY d.date DESC NULLS LAST, d.id, q.n LIMIT $2) l) AS latest`,
    [key, PROFILE_LIMITS.quotations * CANDIDATES_PER_SHOWN],
  );
  const row = result.rows[0];
  // `rank` only ordered the aggregate
  const latest = row.latest.map(({ rank: _rank, ...q }) => ({ ...q, opening: quotationOpening(q.text) }));
  return { count: row.count, latest: pickLatest(latest, PROFILE_LIMITS.quotations) };
}
