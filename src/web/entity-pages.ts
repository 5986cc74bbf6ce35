/**
 * The pages of a person (/intervenant/:nom) and of an organisation
 * (/organisation/:nom), server-rendered and bookmarkable: the name and its
 * merged spellings, how many articles name it, its mentions month by
 * month, who and what is named beside it, the sources citing it most, its
 * latest articles; for a person, the number of their quotations and the
 * latest ones, each linked to its place in its article. The statistics are
 * src/search/entities.ts's.
 */
import { Router, type Request, type Response } from 'express';
import { facetFilters } from '../analysis/index.js';
import type { BackendReader } from '../search/backends/index.js';
import { entitySlug, type Counted, type EntityKind, type EntityProfile, type SearchRequest } from '../search/index.js';
import { ENTITY_PATHS, entityUrl } from './entity-links.js';
import { documentUrl, formatNumber, frenchDate, frenchMonth, MONTHS_SHORT, searchUrl } from './links.js';
import { citeQuery, quotationPlaceUrl } from './quotation-views.js';

/** Past this many months the timeline shows years. */
const MONTHS_SHOWN = 36;

export interface EntityView {
  kind: EntityKind;
  /** "Intervenant", "Organisation". */
  kindLabel: string;
  name: string;
  /** Other spellings merged into the name. */
  spellings: string[];
  /** "12 articles". */
  articles: string;
  /** Every article naming it, as a search. */
  searchHref: string;
  timeline: { label: string; title: string; count: number; step: number; href: string }[];
  timelineTitle: string;
  undated: string | null;
  people: { name: string; count: number; href: string; searchHref: string }[];
  organisations: { name: string; count: number; href: string; searchHref: string }[];
  sources: { name: string; count: number; href: string }[];
  latest: { title: string; date: string | null; source: string | null; href: string }[];
  /** A person's quotations: "34 citations" (null for an organisation), every one as a search in the Citations view, the latest. */
  quotations: string | null;
  quotationsHref: string;
  latestQuotations: { text: string; indirect: boolean; title: string; date: string | null; isoDate: string | null; source: string | null; href: string }[];
}

const FIELD_PREFIX: Record<EntityKind, string> = { speakers: 'intervenant', organisations: 'organisation' };

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n > 1 ? 's' : ''}`;

function request(filters: SearchRequest['filters'], changes: Partial<SearchRequest> = {}): SearchRequest {
  return { q: '', filters, from: null, to: null, page: 1, perPage: 10, sort: 'date', ...changes };
}

/** Bars by month, or by year when the months are too many to read. */
function timeline(profile: EntityProfile, own: SearchRequest): Pick<EntityView, 'timeline' | 'timelineTitle'> {
  let periods: Counted[] = profile.months;
  const byYear = periods.length > MONTHS_SHOWN;
  if (byYear) {
    const years = new Map<string, number>();
    for (const m of periods) years.set(m.name.slice(0, 4), (years.get(m.name.slice(0, 4)) ?? 0) + m.count);
    periods = [...years].map(([name, count]) => ({ name, count }));
  }
  const max = Math.max(1, ...periods.map((p) => p.count));
  return {
    timelineTitle: byYear ? 'Mentions par année' : 'Mentions par mois',
    timeline: periods.map((p) => {
      const [year, month] = p.name.split('-').map(Number);
      const from = byYear ? `${year}-01-01` : `${p.name}-01`;
      const to = byYear ? `${year}-12-31` : `${p.name}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
      const when = byYear ? String(year) : frenchMonth(p.name);
      return {
        label: byYear ? String(year) : `${MONTHS_SHORT[month - 1]}${month === 1 || p === periods[0] ? ` ${String(year).slice(2)}` : ''}`,
        title: `${when} : ${plural(p.count, 'article')}`,
        count: p.count,
        step: p.count === 0 ? 0 : Math.max(1, Math.round((20 * p.count) / max)),
        href: searchUrl({ ...own, from, to }),
      };
    }),
  };
}

export function entityView(profile: EntityProfile): EntityView {
  const own = request(facetFilters({ [profile.kind]: [profile.name] }));
  const related = (kind: EntityKind) => (c: Counted) => ({
    name: c.name,
    count: c.count,
    href: entityUrl(kind, c.name),
    // Values of one facet combine with OR: a second name of the same kind is asked for in the query.
    searchHref: searchUrl(kind === profile.kind ? { ...own, q: `${FIELD_PREFIX[kind]}:"${c.name.replace(/"/g, '')}"` } : request(facetFilters({ [profile.kind]: [profile.name], [kind]: [c.name] }))),
  });
  return {
    kind: profile.kind,
    kindLabel: profile.kind === 'speakers' ? 'Intervenant' : 'Organisation',
    name: profile.name,
    spellings: profile.spellings.filter((s) => s !== profile.name),
    articles: plural(profile.articles, 'article'),
    searchHref: searchUrl(own),
    ...timeline(profile, own),
    undated: profile.undated > 0 ? `${plural(profile.undated, 'article')} sans date` : null,
    people: profile.people.map(related('speakers')),
    organisations: profile.organisations.map(related('organisations')),
    sources: profile.sources.map((c) => ({ name: c.name, count: c.count, href: searchUrl(request(facetFilters({ [profile.kind]: [profile.name], source: [c.name] }))) })),
    latest: profile.latest.map((a) => ({ title: a.title, date: frenchDate(a.date), source: a.source, href: documentUrl(a.id, null) })),
    // The number and its word kept on one line (a phone wraps the figures' line)
    quotations: profile.kind === 'speakers' ? plural(profile.quotations, 'citation').replace(' ', '\u00a0') : null,
    quotationsHref: searchUrl(request(facetFilters(), { q: citeQuery(profile.name), view: 'citations' })),
    latestQuotations: profile.latestQuotations.map((q) => ({
      text: q.text,
      indirect: q.kind === 'indirect',
      title: q.title,
      date: frenchDate(q.date),
      isoDate: q.date,
      source: q.source,
      href: quotationPlaceUrl(q.id, q.opening, null),
    })),
  };
}

/** The routes of the two pages; a name no article holds is a 404 page in French. */
export function entityRouter(backend: () => BackendReader, notFound: (req: Request, res: Response, message: string) => void): Router {
  const router = Router();
  for (const kind of ['speakers', 'organisations'] as const) {
    router.get(`/${ENTITY_PATHS[kind]}/:slug`, async (req: Request, res: Response) => {
      const slug = entitySlug(String(req.params.slug));
      const profile = await backend().entity(kind, slug);
      if (!profile) {
        notFound(req, res, kind === 'speakers' ? 'Aucun article ne cite cet intervenant.' : 'Aucun article ne nomme cette organisation.');
        return;
      }
      const entity = entityView(profile);
      res.set('Vary', 'HX-Request, HX-Request-Type, HX-History-Restore-Request').type('html').render('entity', { entity, q: '', title: `${entity.name} — ${entity.kindLabel} — Dépêches` });
    });
  }
  return router;
}
