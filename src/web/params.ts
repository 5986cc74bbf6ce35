import { z } from 'zod';
import { FACETS, facetOf, type FacetFilters } from '../analysis/index.js';
import type { SearchRequest, SortOrder } from '../search/index.js';

/**
 * The one schema of the URL parameters of /search, /api/search and
 * /search.atom. Express hands us strings, arrays of strings (a repeated
 * parameter) or nothing; everything else is refused with a message in
 * French that names the parameter.
 */
export const LIMITS = {
  queryLength: 300,
  facetValues: 20,
  facetValueLength: 200,
  maxPage: 1000,
  maxPerPage: 100,
  defaultPerPage: 10,
} as const;

const SORTS = ['relevance', 'date', 'date-asc'] as const satisfies readonly SortOrder[];
/** The results page's views: articles (the default) or quotations. */
const VIEWS = ['articles', 'citations'] as const;

/** A parameter given at most once. */
const single = z.string({ error: 'doit être donné une seule fois' });

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = single
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'doit être une date AAAA-MM-JJ' })
  .refine(isRealDate, { error: "cette date n'existe pas" });

const facetValues = z
  .union([z.string(), z.array(z.string())], { error: 'doit être du texte' })
  .transform((v) => (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(
    z
      .array(z.string().max(LIMITS.facetValueLength, { error: `une valeur dépasse ${LIMITS.facetValueLength} caractères` }))
      .max(LIMITS.facetValues, { error: `au plus ${LIMITS.facetValues} valeurs` }),
  );

const wholeNumber = (min: number, max: number) =>
  single.regex(/^\d{1,7}$/, { error: 'doit être un nombre entier' }).transform(Number).pipe(
    z.number().min(min, { error: `doit être au moins ${min}` }).max(max, { error: `doit être au plus ${max}` }),
  );

const searchParamsSchema = z
  .object({
    q: single.max(LIMITS.queryLength, { error: `au plus ${LIMITS.queryLength} caractères` }).optional(),
    // One repeatable parameter per declared facet (speaker, org, source).
    ...Object.fromEntries(FACETS.map((name) => [facetOf(name).param, facetValues.optional()])),
    from: z.union([z.literal(''), isoDate]).optional(),
    to: z.union([z.literal(''), isoDate]).optional(),
    page: wholeNumber(1, LIMITS.maxPage).optional(),
    per_page: wholeNumber(1, LIMITS.maxPerPage).optional(),
    sort: z.enum(SORTS, { error: `doit être ${SORTS.join(', ')}` }).optional(),
    versions: z.enum(['all'], { error: 'doit être all' }).optional(),
    story: single.max(LIMITS.facetValueLength, { error: `au plus ${LIMITS.facetValueLength} caractères` }).optional(),
    vue: z.enum(VIEWS, { error: `doit être ${VIEWS.join(' ou ')}` }).optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { error: 'doit être après « from »', path: ['to'] });

export type ParamsResult = { ok: true; request: SearchRequest } | { ok: false; parameter: string; message: string };

/** Validates URL parameters (Express's `req.query`) into a search request. */
export function parseSearchParams(query: unknown): ParamsResult {
  // Only own, known keys are read: "__proto__" or "constructor" parameters are ignored.
  const source = (query ?? {}) as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of ['q', ...FACETS.map((name) => facetOf(name).param), 'from', 'to', 'page', 'per_page', 'sort', 'versions', 'story', 'vue']) {
    if (Object.hasOwn(source, key) && source[key] !== undefined) picked[key] = source[key];
  }
  const parsed = searchParamsSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue.path[0] ?? 'paramètres');
    return { ok: false, parameter, message: `Paramètre « ${parameter} » invalide : ${issue.message}.` };
  }
  const p = parsed.data;
  const values = p as unknown as Record<string, string[] | undefined>;
  return {
    ok: true,
    request: {
      q: (p.q ?? '').trim(),
      filters: Object.fromEntries(FACETS.map((name) => [name, values[facetOf(name).param] ?? []])) as FacetFilters,
      from: p.from || null,
      to: p.to || null,
      page: p.page ?? 1,
      perPage: p.per_page ?? LIMITS.defaultPerPage,
      sort: p.sort ?? 'relevance',
      ...(p.versions ? { versions: p.versions } : {}),
      ...(p.story ? { story: p.story } : {}),
      ...(p.vue === 'citations' ? { view: 'citations' as const } : {}),
    },
  };
}

/** The URL parameters of a request, for links that keep or change part of the state. */
export function requestToParams(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  for (const name of FACETS) for (const value of request.filters[name]) params.append(facetOf(name).param, value);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.sort !== 'relevance') params.set('sort', request.sort);
  if (request.perPage !== LIMITS.defaultPerPage) params.set('per_page', String(request.perPage));
  if (request.versions === 'all') params.set('versions', 'all');
  if (request.story) params.set('story', request.story);
  if (request.page !== 1) params.set('page', String(request.page));
  if (request.view === 'citations') params.set('vue', 'citations');
  return params;
}
