/** Markdown tables with, in each column, the ratio of every value to the best one. */

export interface Column {
  title: string;
  /** Which way is better; 'none' prints the value alone. */
  better: 'lower' | 'higher' | 'none';
  digits?: number;
}

export type Cell = number | string | null;

function format(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Rows of cells under columns; numbers get "(×r)" against the column's best value, 1.00 being the best. */
export function renderTable(rowTitle: string, columns: Column[], rows: { name: string; cells: Cell[] }[]): string {
  const best = columns.map((c, k) => {
    const values = rows.map((r) => r.cells[k]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
    if (c.better === 'none' || values.length < 2) return null;
    return c.better === 'lower' ? Math.min(...values) : Math.max(...values);
  });
  const lines = [`| ${rowTitle} | ${columns.map((c) => c.title).join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`];
  for (const row of rows) {
    const cells = row.cells.map((v, k) => {
      if (v === null) return '—';
      if (typeof v === 'string') return v;
      const text = format(v, columns[k].digits ?? 1);
      const b = best[k];
      if (b === null || v <= 0) return text;
      const ratio = columns[k].better === 'lower' ? v / b : b / v;
      return `${text} (×${ratio.toFixed(2)})`;
    });
    lines.push(`| ${row.name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
