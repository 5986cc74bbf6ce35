import express, { type NextFunction, type Request, type Response } from 'express';
import type { SearchIndex } from '../index/index.js';
import { apiRouter } from './api.js';
import { pagesRouter } from './pages.js';

export interface AppOptions {
  /** The index in service; called on every request so that a reindex can swap it. */
  currentIndex: () => SearchIndex;
}

/** The Express application: JSON API and HTML pages over one index. */
export function createApp({ currentIndex }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', apiRouter(currentIndex));
  app.use(pagesRouter(currentIndex));

  // Last resort: log one line, answer a short message, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error(JSON.stringify({ level: 'error', method: req.method, url: req.originalUrl, error: error.message }));
    const message = status === 500 ? 'Erreur interne du serveur.' : 'Requête invalide.';
    if (req.originalUrl.startsWith('/api')) res.status(status).json({ error: message });
    else res.status(status).type('text/plain; charset=utf-8').send(message);
  });
  return app;
}
