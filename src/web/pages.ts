import { Router } from 'express';
import type { SearchIndex } from '../index/index.js';

/** The HTML pages (search, document). Placeholder until the web issue lands. */
export function pagesRouter(_currentIndex: () => SearchIndex): Router {
  return Router();
}
