import { Router, type Request, type Response } from 'express';
import type { BackendReader } from '../search/backends/index.js';
import { facetFilters } from '../analysis/index.js';
import type { SearchRequest } from '../search/index.js';
import { documentView } from './document-view.js';
import { entityRouter } from './entity-pages.js';
import { atomFeed, xmlText } from './feeds.js';
import { checkDateRange } from './date-errors.js';
import { facetQuery, facetSearchView, suggestionOptions } from './facet-search-view.js';
import { parseSearchParams } from './params.js';
import { monthOfRange } from './timeline.js';
import { searchView } from './view-models.js';

const DEFAULT_REQUEST: SearchRequest = { q: '', filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' };

/**
 * True when htmx asked for the part of the page it swaps (#contenu). History
 * restores (Back/Forward) and requests targeting the body get the full page,
 * as does every request without htmx.
 */
export function wantsFragment(req: Request): boolean {
  return req.get('HX-Request') === 'true' && req.get('HX-History-Restore-Request') !== 'true' && req.get('HX-Request-Type') !== 'full';
}

function html(res: Response, status = 200): Response {
  // One URL, two representations: caches must key on the htmx headers.
  return res.status(status).set('Vary', 'HX-Request, HX-Request-Type, HX-History-Restore-Request').type('html');
}

function renderError(req: Request, res: Response, status: 400 | 404, title: string, message: string): void {
  const fragment = wantsFragment(req);
  html(res, status).render(fragment ? 'partials/error' : 'error', { title, message, q: typeof req.query.q === 'string' ? req.query.q : '', fragment });
}

/** The HTML pages: search (full page or htmx fragment), article, feeds, OpenSearch. */
export function pagesRouter(backend: () => BackendReader, origin: (req: Request) => string): Router {
  const router = Router();

  const searchPage = async (req: Request, res: Response) => {
    // A wrong date range is said beside the date fields; the search runs without it.
    const dates = checkDateRange(req.query);
    const params = parseSearchParams(dates.query);
    if (!params.ok) {
      renderError(req, res, 400, 'Recherche invalide', params.message);
      return;
    }
    // A range within one month shows the timeline's days: counted over that month.
    const month = monthOfRange(params.request);
    const [response, days] = await Promise.all([backend().search(params.request), month ? backend().dayCounts({ ...params.request, ...month }) : null]);
    const view = searchView(params.request, response, days);
    if (dates.error) Object.assign(view, { dateError: dates.error, from: dates.from, to: dates.to });
    // A facet searched with JavaScript off (the facet box's own form): the box lists what was found.
    const searched = facetQuery(req.query as Record<string, unknown>);
    if (searched) view.facetSearch = facetSearchView(searched.name, searched.text, await backend().searchFacet(params.request, searched.name, searched.text), params.request);
    const fragment = wantsFragment(req);
    html(res).render(fragment ? 'partials/results' : 'search', { view, q: view.q, title: view.pageTitle, fragment });
  };
  router.get('/', searchPage);
  router.get('/search', searchPage);

  // The values a facet search finds, as the facet box lists them (htmx swaps them in as the reader types).
  router.get('/facette', async (req: Request, res: Response) => {
    const searched = facetQuery(req.query as Record<string, unknown>);
    const params = parseSearchParams(checkDateRange(req.query).query);
    if (!wantsFragment(req) || !searched || !params.ok) return searchPage(req, res);
    const found = facetSearchView(searched.name, searched.text, await backend().searchFacet(params.request, searched.name, searched.text), params.request);
    html(res).render('partials/facet-found', { found });
  });

  // The options under the search box (static/suggest.js asks for them on every keystroke).
  router.get('/suggestions', async (req: Request, res: Response) => {
    const params = parseSearchParams(checkDateRange(req.query).query);
    if (!params.ok || !params.request.q) {
      html(res).send('');
      return;
    }
    const options = suggestionOptions(await backend().suggestions(params.request.q), params.request);
    html(res).render('partials/suggestions', { options });
  });

  router.get('/doc/:id', async (req: Request, res: Response) => {
    // A broken search state in the URL does not hide the article: it is shown without highlights.
    const params = parseSearchParams(req.query);
    const request = params.ok ? params.request : DEFAULT_REQUEST;
    const detail = await backend().document(String(req.params.id), request.q);
    if (!detail) {
      renderError(req, res, 404, 'Article introuvable', 'Aucun article ne porte cette référence. Il a peut-être été retiré de l’archive.');
      return;
    }
    const doc = documentView(detail, request);
    html(res).render('doc', { doc, q: request.q, title: `${doc.title} — Dépêches` });
  });

  router.get('/search.atom', async (req: Request, res: Response) => {
    const params = parseSearchParams(req.query);
    if (!params.ok) {
      res.status(400).type('text/plain; charset=utf-8').send(params.message);
      return;
    }
    const feed = await atomFeed(backend(), params.request, origin(req));
    res.type('application/atom+xml; charset=utf-8').render('atom', { feed });
  });

  router.get('/opensearch.xml', (req: Request, res: Response) => {
    res.type('application/opensearchdescription+xml; charset=utf-8').render('opensearch', { base: xmlText(origin(req)) });
  });

  router.use(entityRouter(backend, (req, res, message) => renderError(req, res, 404, 'Fiche introuvable', message)));

  router.use((req: Request, res: Response) => {
    renderError(req, res, 404, 'Page introuvable', 'Cette adresse ne correspond à aucune page.');
  });
  return router;
}
