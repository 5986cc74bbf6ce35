import type { Token } from '../analysis/index.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * HTML of `text[from, to)` with the tokens whose term is in `terms` wrapped
 * in <mark>; everything else escaped. `tokens` are the text's own tokens.
 */
export function highlightRange(text: string, tokens: Token[], terms: ReadonlySet<string>, from = 0, to = text.length): string {
  let html = '';
  let cursor = from;
  for (const token of tokens) {
    if (token.start < from || token.end > to || !terms.has(token.term)) continue;
    html += escapeHtml(text.slice(cursor, token.start)) + '<mark>' + escapeHtml(text.slice(token.start, token.end)) + '</mark>';
    cursor = token.end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** Target length of a snippet, in characters. */
export const SNIPPET_LENGTH = 200;

/**
 * The best passage of a text for a set of matched terms: the window of about
 * SNIPPET_LENGTH characters holding the most distinct matched terms (then the
 * most matches), widened to word boundaries, with "…" where it cuts.
 */
export function snippet(text: string, tokens: Token[], terms: ReadonlySet<string>, length = SNIPPET_LENGTH): string {
  const hits = tokens.filter((t) => terms.has(t.term));
  let start = 0;
  if (hits.length > 0) {
    let best = { distinct: -1, count: -1, start: 0 };
    let right = 0;
    for (let left = 0; left < hits.length; left++) {
      while (right < hits.length && hits[right].end - hits[left].start <= length) right++;
      const window = hits.slice(left, right);
      const distinct = new Set(window.map((h) => h.term)).size;
      if (distinct > best.distinct || (distinct === best.distinct && window.length > best.count)) {
        best = { distinct, count: window.length, start: hits[left].start };
      }
    }
    // Start a little before the first match, at a sentence or word boundary.
    start = Math.max(0, best.start - 40);
    const sentence = text.lastIndexOf('. ', best.start);
    if (sentence >= start - 40 && sentence >= 0 && sentence + 2 <= best.start) start = sentence + 2;
  }
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < start + 20 && start !== 0 && text[start - 1] !== ' ' && text[start - 2] !== '.') start = space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const body = highlightRange(text, tokens, terms, start, end).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '… ' : '') + body + (end < text.length ? ' …' : '');
}
