import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { BackendReader } from '../search/backends/index.js';
import { apiRouter } from './api.js';
import { localOrigin } from './feeds.js';
import { pagesRouter } from './pages.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const STATIC_DIR = path.join(PROJECT_ROOT, 'static');
const HTMX_DIST = path.join(PROJECT_ROOT, 'node_modules', 'htmx.org', 'dist');

export interface AppOptions {
  /** The backend in service, or null while none is ready; called on every request. It says itself when its index is damaged or its database unavailable. */
  currentBackend: () => BackendReader | null;
  /** The origin of absolute URLs (feeds, OpenSearch) for a request. */
  origin?: (req: Request) => string;
}

/** 503 with Retry-After: the index or the database will be back, the client should retry. */
function unavailable(req: Request, res: Response, message: string): void {
  res.status(503).set('Retry-After', '5');
  if (req.originalUrl.startsWith('/api')) res.json({ error: message });
  else res.type('text/plain; charset=utf-8').send(message);
}

/** One line of JSON on stderr per server-side error: greppable, never sent to the client. */
export function logError(req: Request, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', method: req.method, url: req.originalUrl.slice(0, 500), error: message }));
}

/** A URL whose percent-escapes are not valid UTF-8 cannot name anything we serve. */
function rejectMalformedUrl(req: Request, res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.originalUrl.replace(/\+/g, ' '));
    next();
  } catch {
    res.status(400).type('text/plain; charset=utf-8').send('Adresse invalide : encodage incorrect.');
  }
}

/** The Express application: JSON API and HTML pages over one index. */
export function createApp({ currentBackend, origin = localOrigin }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          fontSrc: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          // Served over plain HTTP on localhost by default: never rewrite to https.
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // Level 1: on a 17 kB search response it compresses as well as the default
  // level (2.17 kB) in 0.11 ms instead of 0.26, and it runs on every keystroke.
  app.use(compression({ level: 1 }));
  app.use(rejectMalformedUrl);
  app.use('/static/htmx', express.static(HTMX_DIST, { maxAge: '1d', index: false }));
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h', index: false }));

  app.get('/healthz', async (req, res) => {
    const backend = currentBackend();
    if (!backend) {
      res.status(503).json({ status: 'loading' });
      return;
    }
    if (backend.damage()) {
      res.status(503).set('Retry-After', '5').json({ status: 'damaged' });
      return;
    }
    try {
      const status = await backend.status();
      res.json({ status: 'ok', backend: status.backend, documents: status.documents, build: status.build });
    } catch (error) {
      // The database is down or holds no index: not healthy, and never a stack trace.
      logError(req, error);
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // Until an index is loaded, everything but health and assets waits with a 503.
  app.use((req, res, next) => {
    const backend = currentBackend();
    if (!backend) {
      res.status(503).set('Retry-After', '2').type('text/plain; charset=utf-8').send('Index en cours de chargement, réessayez dans un instant.');
      return;
    }
    // A build found damaged while served answers nothing until it is recovered (never 500s, never wrong texts).
    if (backend.damage()) return unavailable(req, res, 'Index endommagé, rechargement en cours : réessayez dans un instant.');
    next();
  });
  const backend = () => currentBackend()!;
  app.use('/api', apiRouter(backend));
  app.use(pagesRouter(backend, origin));

  // Last resort: log one line, answer a short message, never a stack trace.
  app.use((error: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    // A build damaged while served (a file cut short or changed) is being recovered; a database down will be back.
    const failure = currentBackend()?.diagnose(error) ?? null;
    if (failure) {
      logError(req, error);
      return unavailable(req, res, failure === 'damaged' ? 'Index endommagé, rechargement en cours : réessayez dans un instant.' : 'Base de données indisponible : réessayez dans un instant.');
    }
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logError(req, error);
    const message = status === 500 ? 'Erreur interne du serveur.' : 'Requête invalide.';
    if (req.originalUrl.startsWith('/api')) res.status(status).json({ error: message });
    else res.status(status).type('text/plain; charset=utf-8').send(message);
  });
  return app;
}
