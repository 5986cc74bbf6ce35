import { Router, type Request, type Response } from 'express';
import { textCut } from '../index/index.js';
import type { Article } from '../ingest/types.js';
import type { BackendReader } from '../search/backends/index.js';
import { exportHandler } from './export.js';
import { FACETS, facetOf } from '../analysis/index.js';
import { FACET_QUERY_LENGTH, facetOfParam } from './facet-search-view.js';
import { LIMITS, parseSearchParams } from './params.js';

/** Public shape of an article in /api/doc/:id; an article too long to send whole says so (its text holds its first TEXT_WINDOW bytes). */
export function documentJson(article: Article) {
  const { id, title, date, source, url, speakers, organisations, text } = article;
  const cut = textCut(article);
  return { id, title, date, source, url, speakers, organisations, text, ...(cut ? { textTruncated: true, textBytes: cut.totalBytes } : {}) };
}

/** The JSON API: /api/search, /api/export, /api/facet/:param, /api/suggest and /api/doc/:id. */
export function apiRouter(backend: () => BackendReader): Router {
  const router = Router();

  router.get('/search', async (req: Request, res: Response) => {
    const params = parseSearchParams(req.query);
    if (!params.ok) {
      res.status(400).json({ error: params.message, parameter: params.parameter });
      return;
    }
    res.json(await backend().search(params.request));
  });

  router.get('/export', exportHandler(backend));

  // Facet search: /api/facet/speaker?fq=lavr&q=…, every value of the facet the letters name, with its count among the results.
  router.get('/facet/:param', async (req: Request, res: Response) => {
    const name = facetOfParam(req.params.param);
    if (!name) {
      res.status(404).json({ error: `Facette inconnue : ${FACETS.map((f) => facetOf(f).param).join(', ')}.` });
      return;
    }
    const params = parseSearchParams(req.query);
    if (!params.ok) {
      res.status(400).json({ error: params.message, parameter: params.parameter });
      return;
    }
    const text = typeof req.query.fq === 'string' ? req.query.fq.trim().slice(0, FACET_QUERY_LENGTH) : '';
    res.json({ facet: facetOf(name).param, fq: text, values: await backend().searchFacet(params.request, name, text) });
  });

  // Suggestions under the search box: /api/suggest?q=serg
  router.get('/suggest', async (req: Request, res: Response) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, LIMITS.queryLength) : '';
    res.json(q.trim() ? await backend().suggestions(q) : { words: [], names: [] });
  });

  router.get('/doc/:id', async (req: Request, res: Response) => {
    const article = await backend().article(String(req.params.id));
    if (!article) {
      res.status(404).json({ error: 'Document introuvable.' });
      return;
    }
    res.json(documentJson(article));
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'Adresse inconnue.' });
  });
  return router;
}
