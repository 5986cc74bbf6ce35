/** The benchmark's two tables (performance, relevance) from its rows; a failed engine keeps its row, with the reason. */
import type { BenchInputs, EngineRow } from './measurements.js';
import { hasFailed } from './measurements.js';
import { VARIANTS } from './relevance.js';
import { renderTable, type Cell, type Column } from './table.js';

const MB = 1e6;

/** The row's name, and its cells or as many dashes for an engine that failed. */
function row(r: EngineRow, count: number, cells: (r: Exclude<EngineRow, { failed: string }>) => Cell[]): { name: string; cells: Cell[] } {
  if (hasFailed(r)) return { name: `${r.name} — failed: ${r.failed}`, cells: Array.from({ length: count }, () => null) };
  return { name: r.name, cells: cells(r) };
}

export function performanceTable(rows: EngineRow[], inputs: BenchInputs, corpusBytes: number, connections: string): string {
  const columns: Column[] = [
    { title: 'docs/s (files→index)', better: 'higher', digits: 0 },
    { title: 'MB/s (files→index)', better: 'higher', digits: 2 },
    { title: 'docs/s (index only)', better: 'higher', digits: 0 },
    { title: 'index MB', better: 'lower', digits: 1 },
    { title: 'load s', better: 'lower', digits: 2 },
    { title: 'rebuild s', better: 'lower', digits: 2 },
    { title: 'RSS MB', better: 'lower', digits: 0 },
    { title: 'typing p50 ms', better: 'lower', digits: 2 },
    { title: 'p95 ms', better: 'lower', digits: 2 },
    { title: 'p99 ms', better: 'lower', digits: 2 },
    { title: 'filtered p95 ms', better: 'lower', digits: 2 },
    { title: 'HTTP p50/p95/p99 ms', better: 'none' },
    { title: `req/s (${connections} conn.)`, better: 'higher', digits: 0 },
  ];
  return renderTable(
    'engine',
    columns,
    rows.map((r) =>
      row(r, columns.length, (r) => [
        inputs.articles / r.endToEndSeconds,
        corpusBytes / MB / r.endToEndSeconds,
        inputs.articles / r.buildSeconds,
        r.indexBytes / MB,
        r.loadSeconds,
        r.buildSeconds,
        r.rssBytes === null ? null : r.rssBytes / MB,
        r.typing.p50,
        r.typing.p95,
        r.typing.p99,
        r.typingFiltered.p95,
        r.http ? `${r.http.p50.toFixed(2)} / ${r.http.p95.toFixed(2)} / ${r.http.p99.toFixed(2)}` : null,
        r.throughput ? r.throughput.requestsPerSecond : null,
      ]),
    ),
  );
}

export function relevanceTable(rows: EngineRow[]): string {
  const columns: Column[] = [
    { title: 'MRR@10', better: 'higher', digits: 3 },
    { title: 'R@10', better: 'higher', digits: 3 },
    ...VARIANTS.map((v) => ({ title: `${v} MRR/R`, better: 'none' as const })),
    { title: 'remembered words MRR@10', better: 'higher', digits: 3 },
    { title: 'sample MRR@10', better: 'higher', digits: 3 },
    { title: 'sample R@10', better: 'higher', digits: 3 },
  ];
  return renderTable(
    'engine',
    columns,
    rows.map((r) =>
      row(r, columns.length, (r) => [
        r.relevance.mrr,
        r.relevance.recall,
        ...VARIANTS.map((v) => `${r.relevance.byVariant[v]?.mrr.toFixed(2)} / ${r.relevance.byVariant[v]?.recall.toFixed(2)}`),
        r.relevanceRemembered.mrr,
        r.relevanceSample.mrr,
        r.relevanceSample.recall,
      ]),
    ),
  );
}
