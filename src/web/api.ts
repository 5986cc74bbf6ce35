import { Router, type Request, type Response } from 'express';
import { textCut } from '../index/index.js';
import type { Article } from '../ingest/types.js';
import type { SearchBackend } from '../search/backend.js';
import { exportHandler } from './export.js';
import { parseSearchParams } from './params.js';

/** Public shape of an article in /api/doc/:id; an article too long to send whole says so (its text holds its first TEXT_WINDOW bytes). */
export function documentJson(article: Article) {
  const { id, title, date, source, url, speakers, organisations, text } = article;
  const cut = textCut(article);
  return { id, title, date, source, url, speakers, organisations, text, ...(cut ? { textTruncated: true, textBytes: cut.totalBytes } : {}) };
}

/** The JSON API: /api/search, /api/export and /api/doc/:id. */
export function apiRouter(backend: () => SearchBackend): Router {
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
