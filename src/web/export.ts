/**
 * Export of a whole result set: `/api/export?format=csv|jsonl&…` takes the
 * parameters of the search page (query, filters, sort) and streams every
 * matching article, up to EXPORT_LIMIT, as CSV (for a spreadsheet) or JSON
 * Lines (for a script), one page of the backend at a time so that memory
 * stays flat whatever the size of the set.
 */
import type { Request, Response } from 'express';
import type { Article } from '../ingest/types.js';
import type { BackendReader } from '../search/backends/index.js';
import type { SearchHit, SearchRequest } from '../search/index.js';
import { parseSearchParams } from './params.js';

/** The most articles one export holds: past it, the reader narrows the search. */
export const EXPORT_LIMIT = 10_000;
/** Hits asked of the backend at a time (its largest page). */
const BATCH = 100;

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
} as const;
type ExportFormat = keyof typeof FORMATS;

/** One exported article: what a reader needs to cite it and find it again, and its best passage as plain text. */
export type ExportRow = Pick<Article, 'id' | 'title' | 'date' | 'source' | 'url' | 'speakers' | 'organisations'> & { snippet: string };
const COLUMNS: (keyof ExportRow)[] = ['id', 'title', 'date', 'source', 'url', 'speakers', 'organisations', 'snippet'];

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** A snippet's HTML (escaped text and <mark>) back to plain text. */
export function snippetText(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);
}

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula
 * (= + - @ at its start) gets a leading apostrophe: an archive's text is not
 * trusted input for someone's spreadsheet.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(row: ExportRow): string {
  return COLUMNS.map((c) => {
    const value = row[c];
    return csvField(Array.isArray(value) ? value.join(' ; ') : (value ?? ''));
  }).join(',');
}

async function urlsOf(backend: BackendReader, hits: SearchHit[]): Promise<(string | null)[]> {
  return Promise.all(hits.map(async (h) => (await backend.article(h.id))?.url ?? null));
}

/** A file name that says what was exported: "depeches-gilets-jaunes-2026-12-01.csv". */
export function exportFileName(request: SearchRequest, format: ExportFormat, today = new Date()): string {
  const words = request.q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `depeches-${words ? `${words}-` : ''}${today.toISOString().slice(0, 10)}.${FORMATS[format].extension}`;
}

/** GET /api/export: the result set of the search parameters, streamed. */
export function exportHandler(backend: () => BackendReader) {
  return async (req: Request, res: Response): Promise<void> => {
    const format = req.query.format ?? 'csv';
    if (typeof format !== 'string' || !Object.hasOwn(FORMATS, format)) {
      res.status(400).json({ error: 'Paramètre « format » invalide : doit être csv ou jsonl.', parameter: 'format' });
      return;
    }
    const { page: _page, per_page: _perPage, format: _format, ...searchQuery } = req.query;
    const params = parseSearchParams(searchQuery);
    if (!params.ok) {
      res.status(400).json({ error: params.message, parameter: params.parameter });
      return;
    }
    const chosen = format as ExportFormat;
    const engine = backend();
    let aborted = false;
    res.on('close', () => (aborted = true));
    // An export holds every version of a story (the page shows each story once).
    const request: SearchRequest = { ...params.request, versions: 'all' };
    const first = await engine.search({ ...request, page: 1, perPage: BATCH });
    // The list's articles: the full matches, then the partial fill.
    const listed = first.total + (first.partial?.count ?? 0);
    const total = Math.min(listed, EXPORT_LIMIT);
    res
      .status(200)
      .type(FORMATS[chosen].type)
      .set('Content-Disposition', `attachment; filename="${exportFileName(params.request, chosen)}"`)
      .set('X-Total-Count', String(listed))
      .set('X-Exported-Count', String(total));
    // A byte-order mark, so that spreadsheets read the CSV as UTF-8.
    if (chosen === 'csv') res.write('\ufeff' + COLUMNS.join(',') + '\r\n');
    let written = 0;
    let response = first;
    for (let page = 1; written < total && !aborted; page++) {
      if (page > 1) response = await engine.search({ ...request, page, perPage: BATCH });
      if (response.hits.length === 0) break;
      const hits = response.hits.slice(0, total - written);
      const urls = await urlsOf(engine, hits);
      const lines = hits.map((h, k) => {
        const row: ExportRow = { id: h.id, title: h.title, date: h.date, source: h.source, url: urls[k], speakers: h.speakers, organisations: h.organisations, snippet: snippetText(h.snippet) };
        return chosen === 'csv' ? csvLine(row) + '\r\n' : JSON.stringify(row) + '\n';
      });
      written += hits.length;
      // Wait for the client to take a batch before searching the next one.
      if (!res.write(lines.join('')))
        await new Promise((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
    }
    res.end();
  };
}
