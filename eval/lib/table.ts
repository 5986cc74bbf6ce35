/** Aligned Markdown tables: readable in a terminal, pasted as they are into a note. */

export type Cell = string | number | null;

/** Formats a ratio as a percentage with one decimal; "–" when there is none. */
export function percent(ratio: number | null): string {
  return ratio === null || Number.isNaN(ratio) ? '–' : `${(ratio * 100).toFixed(1)} %`;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A Markdown table whose columns are padded to one width; numbers are right-aligned. */
export function markdownTable(header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((c) => (c === null ? '–' : String(c))));
  const numeric = header.map((_, k) => rows.length > 0 && rows.every((r) => r[k] === null || typeof r[k] === 'number' || /^[\d.,\s%–-]*$/.test(String(r[k]))));
  const widths = header.map((h, k) => Math.max(h.length, 3, ...text.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, k) => (numeric[k] ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join(' | ')} |`;
  const rule = `|${widths.map((w, k) => (numeric[k] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...text.map(line)].join('\n');
}
