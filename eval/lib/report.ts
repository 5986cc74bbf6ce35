/** The evaluation printed as Markdown tables, one per field. */
import type { FacetValue } from '../../src/search/index.js';
import type { ProbeResult } from '../chrome-probes.js';
import { scores } from './metrics.js';
import type { ArticleDetail, Evaluation, PublisherScores } from './score.js';
import { markdownTable, percent, ratio, type Cell } from './table.js';

const f3 = (x: number | null): Cell => (x === null ? null : x.toFixed(3));

function perPublisher(evaluation: Evaluation, row: (s: PublisherScores) => Cell[]): Cell[][] {
  return [...evaluation.byPublisher, evaluation.total].map((s) => [s.publisher === 'total' ? '**total**' : s.publisher, ...row(s)]);
}

function setTable(evaluation: Evaluation, field: 'speakers' | 'organisations'): string {
  const header = ['publisher', 'articles', 'labelled', 'predicted', 'matched', 'precision', 'recall', 'F1'];
  return markdownTable(
    header,
    perPublisher(evaluation, (s) => {
      const c = s[field];
      const { precision, recall, f1 } = scores(c);
      return [c.articles, c.truePositives + c.falseNegatives, c.truePositives + c.falsePositives, c.truePositives, f3(precision), f3(recall), f3(f1)];
    }),
  );
}

function dateTable(evaluation: Evaluation): string {
  const header = ['publisher', 'dated', 'right', 'wrong', 'missing', 'accuracy', 'undated', 'dated anyway', 'impossible'];
  return markdownTable(
    header,
    perPublisher(evaluation, ({ dates: d }) => [d.dated, d.right, d.wrong, d.missing, percent(ratio(d.right, d.dated)), d.undated, d.predictedAnyway, d.impossible]),
  );
}

function titleTable(evaluation: Evaluation): string {
  return markdownTable(
    ['publisher', 'articles', 'same', 'accuracy', 'mean overlap'],
    perPublisher(evaluation, ({ titles: t }) => [t.articles, t.same, percent(ratio(t.same, t.articles)), f3(ratio(t.overlapSum, t.articles))]),
  );
}

function sourceTable(evaluation: Evaluation): string {
  return markdownTable(
    ['publisher', 'articles', 'right', 'accuracy'],
    perPublisher(evaluation, ({ sources: s }) => [s.articles, s.right, percent(ratio(s.right, s.articles))]),
  );
}

export function extractionReport(evaluation: Evaluation): string {
  return [
    '### Speakers (set matching, micro-averaged)',
    setTable(evaluation, 'speakers'),
    '### Organisations (set matching, micro-averaged)',
    setTable(evaluation, 'organisations'),
    '### Dates',
    dateTable(evaluation),
    '### Titles (folded equality; overlap = F1 of the folded words)',
    titleTable(evaluation),
    '### Sources',
    sourceTable(evaluation),
  ].join('\n\n');
}

const names = (entities: string[][]) => entities.map((e) => e[0]).join('; ');

/** One block per article with something wrong, for developers. */
export function detailsReport(details: ArticleDetail[]): string {
  const blocks: string[] = [];
  for (const d of details) {
    const lines: string[] = [];
    for (const field of ['speakers', 'organisations'] as const) {
      const f = d[field];
      if (!f) continue;
      if (f.misses.length > 0) lines.push(`  ${field} missed: ${names(f.misses)}`);
      if (f.falsePositives.length > 0) lines.push(`  ${field} false positives: ${f.falsePositives.join('; ')}`);
    }
    if (d.date) lines.push(`  date ${d.date.verdict}: predicted ${d.date.predicted ?? 'none'}, labelled ${d.date.expected ?? 'none'}${d.date.impossible ? ' (impossible)' : ''}`);
    if (d.title) lines.push(`  title (overlap ${d.title.overlap.toFixed(2)}): predicted «${d.title.predicted}», labelled «${d.title.expected}»`);
    if (d.source) lines.push(`  source: predicted ${d.source.predicted ?? 'none'}, labelled ${d.source.expected ?? 'none'}`);
    if (lines.length > 0) blocks.push(`${d.id} (${d.publisher})\n${lines.join('\n')}`);
  }
  return blocks.length === 0 ? 'No miss and no false positive.' : blocks.join('\n');
}

export function facetReport(speakers: FacetValue[], organisations: FacetValue[], limit: number): string {
  const rows: Cell[][] = [];
  for (let i = 0; i < limit; i++) {
    const s = speakers[i];
    const o = organisations[i];
    if (!s && !o) break;
    rows.push([i + 1, s?.value ?? '', s?.count ?? '', o?.value ?? '', o?.count ?? '']);
  }
  return markdownTable(['#', 'speaker', 'count', 'organisation', 'count'], rows);
}

export function probeReport(results: ProbeResult[]): string {
  return markdownTable(
    ['probe', 'raw records', 'still in text', '% kept', 'found by search', '% found', 'search hits (all)'],
    results.map((r) => [r.probe, r.raw, r.inCleanText, percent(ratio(r.inCleanText, r.raw)), r.foundBySearch, r.foundBySearch === null ? null : percent(ratio(r.foundBySearch, r.raw)), r.searchTotal]),
  );
}
