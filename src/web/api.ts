import { Router, type Request, type Response } from 'express';
import { search } from '../search/index.js';
import type { SearchIndex } from '../index/index.js';
import { parseSearchParams } from './params.js';

/** Public shape of an article in /api/doc/:id. */
export function documentJson(index: SearchIndex, id: string) {
  const n = index.byId.get(id);
  if (n === undefined) return null;
  const { title, date, source, url, speakers, organisations, text } = index.documents[n];
  return { id, title, date, source, url, speakers, organisations, text };
}

/** The JSON API: /api/search and /api/doc/:id. */
export function apiRouter(currentIndex: () => SearchIndex): Router {
  const router = Router();

  router.get('/search', (req: Request, res: Response) => {
    const params = parseSearchParams(req.query);
    if (!params.ok) {
      res.status(400).json({ error: params.message, parameter: params.parameter });
      return;
    }
    res.json(search(currentIndex(), params.request));
  });

  router.get('/doc/:id', (req: Request, res: Response) => {
    const doc = documentJson(currentIndex(), String(req.params.id));
    if (!doc) {
      res.status(404).json({ error: 'Document introuvable.' });
      return;
    }
    res.json(doc);
  });

  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'Adresse inconnue.' });
  });
  return router;
}
