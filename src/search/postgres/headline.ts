/** HTML of PostgreSQL's ts_headline results: the placeholder marks become <mark>, the rest is escaped. */
import { escapeHtml, snippet } from '../highlight.js';
import { CLOSE, OPEN, type HitRow } from './search-sql.js';

/** Escaped HTML of a ts_headline result: only the placeholders become tags ("<" and "&" were hidden from the parser, see parsable()). */
export function headlineHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>').replaceAll('\uE002', '&lt;').replaceAll('\uE003', '&amp;');
}

/** A snippet from ts_headline: whitespace collapsed, escaped, "…" where the passage cuts the text. */
export function hitSnippet(row: HitRow): string {
  if (row.plain) return snippet(row.headline, [], new Set());
  const body = headlineHtml(row.headline).replace(/\s+/g, ' ').trim();
  const plainLength = row.headline.replaceAll(OPEN, '').replaceAll(CLOSE, '').trimEnd().length;
  const lead = row.at !== 1;
  const trail = row.at === 0 || row.at - 1 + plainLength < row.length;
  return (lead ? '… ' : '') + body + (trail ? ' …' : '');
}
