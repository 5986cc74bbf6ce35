/**
 * Evaluation of the extraction on a labelled corpus (a tool, not a test):
 *
 *   npm run eval:extraction -- --corpus ../shared/realnews-dev/corpus --labels eval/labels [--labels more.json] [--json] [--details]
 *
 * Prints per field (speakers, organisations, dates, titles, sources) one
 * table per publisher and in total, the 20 most frequent speaker and
 * organisation facet values of the whole corpus, the chrome probes and the
 * extraction speed. See eval/README.md for what each figure means.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { facetFilters } from '../src/analysis/index.js';
import { readCorpus, type Article } from '../src/ingest/index.js';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { search, Searcher, type FacetValue } from '../src/search/index.js';
import { CHROME_PROBES, runProbes, type ProbeResult } from './chrome-probes.js';
import { LabelError, readLabels, type ArticleLabel } from './lib/labels.js';
import { fileStem, readRawRecords } from './lib/raw-records.js';
import { detailsReport, extractionReport, facetReport, probeReport } from './lib/report.js';
import { evaluate, withRatios } from './lib/score.js';
import { measureSpeed } from './lib/speed.js';

const USAGE = 'usage: npm run eval:extraction -- --corpus DIR [--labels FILE|DIR]... [--json] [--details] [--no-probes] [--no-speed]';
const TOP_FACETS = 20;

function fail(message: string): never {
  console.error(`eval:extraction: ${message}`);
  process.exit(1);
}

function options() {
  try {
    return parseArgs({
      options: {
        corpus: { type: 'string' },
        labels: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        'no-probes': { type: 'boolean', default: false },
        'no-speed': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  if (!opts.corpus) fail(`--corpus is required (${USAGE})`);
  const corpus = path.resolve(opts.corpus);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) fail(`corpus folder not found: ${opts.corpus}`);

  let labels = new Map<string, ArticleLabel>();
  let labelFileList: string[] = [];
  try {
    if (opts.labels) {
      const read = readLabels(opts.labels.map((l) => path.resolve(l)));
      labels = read.labels;
      labelFileList = read.files;
      if (read.duplicates.length > 0) console.error(`eval:extraction: ${read.duplicates.length} article(s) labelled twice, the later label kept: ${read.duplicates.slice(0, 5).join(', ')}${read.duplicates.length > 5 ? ', …' : ''}`);
    } else console.error('eval:extraction: no --labels given: extraction scores skipped');
  } catch (error) {
    if (error instanceof LabelError) fail(error.message);
    throw error;
  }

  const started = performance.now();
  const read = await readCorpus(corpus);
  const readMs = performance.now() - started;
  const articles = new Map<string, Article>(read.articles.map((a) => [a.id, a]));
  const records = readRawRecords(corpus);
  const evaluation = evaluate(labels, articles, (a) => fileStem(a.path));
  if (evaluation.unknownIds.length > 0) console.error(`eval:extraction: ${evaluation.unknownIds.length} labelled id(s) not in the corpus, ignored: ${evaluation.unknownIds.slice(0, 5).join(', ')}${evaluation.unknownIds.length > 5 ? ', …' : ''}`);

  // A real index of the corpus, for the facets and the chrome probes, in a folder removed afterwards.
  const indexDir = await mkdtemp(path.join(tmpdir(), 'depeches-eval-'));
  let facets: { total: number; speakers: FacetValue[]; organisations: FacetValue[] };
  let probes: ProbeResult[] | null = null;
  try {
    await indexCorpus(corpus, indexDir);
    const searcher = new Searcher(await loadIndex(indexDir));
    const all = search(searcher, { q: '', filters: facetFilters(), from: null, to: null, page: 1, perPage: 1, sort: 'relevance' });
    facets = { total: all.total, speakers: all.facets.speaker.slice(0, TOP_FACETS), organisations: all.facets.organisation.slice(0, TOP_FACETS) };
    if (!opts['no-probes']) probes = runProbes(records, articles, searcher);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }

  const kept = new Set(articles.keys());
  const rawChars = records.filter((r) => kept.has(r.id)).reduce((n, r) => n + r.text.length, 0);
  const speed = opts['no-speed'] ? null : await measureSpeed(corpus, rawChars);

  const summary = {
    corpus,
    labelFiles: labelFileList,
    records: records.length,
    articles: read.articles.length,
    skipped: read.skipped.length,
    labelled: evaluation.total.articles,
    firstReadMs: Math.round(readMs),
  };
  if (opts.json) {
    console.log(JSON.stringify({ summary, evaluation: { byPublisher: evaluation.byPublisher.map(withRatios), total: withRatios(evaluation.total), unknownIds: evaluation.unknownIds, ...(opts.details ? { details: evaluation.details } : {}) }, facets, probes, probeDefinitions: probes ? CHROME_PROBES.map((p) => ({ ...p, pattern: String(p.pattern) })) : undefined, speed }, null, 2));
    return;
  }
  const out: string[] = [];
  out.push(`## Extraction evaluation`, '');
  out.push(`Corpus ${corpus}: ${records.length} records, ${read.articles.length} articles read, ${read.skipped.length} skipped (${read.skipped[0]?.reason ?? 'none'}${read.skipped.length > 1 ? ', …' : ''}).`);
  out.push(`Labels: ${labelFileList.length === 0 ? 'none' : labelFileList.join(', ')}; ${evaluation.total.articles} labelled articles scored.`, '');
  if (evaluation.total.articles > 0) out.push(extractionReport(evaluation), '');
  if (opts.details && evaluation.total.articles > 0) out.push('### Details (misses and false positives per article)', '', detailsReport(evaluation.details), '');
  out.push(`### Top ${TOP_FACETS} facet values over the whole corpus (${facets.total} articles)`, '', facetReport(facets.speakers, facets.organisations, TOP_FACETS), '');
  if (probes) out.push('### Chrome probes (raw records carrying the probe; of those, still in the cleaned text; found by searching it)', '', probeReport(probes), '');
  if (speed) {
    out.push('### Extraction speed (readCorpus over the corpus)', '');
    out.push(`${speed.articles} articles, ${Math.round(speed.meanChars)} characters on average; median of ${speed.runs} runs: ${speed.msPerRun.toFixed(0)} ms per run, ${speed.msPerArticle.toFixed(3)} ms per article, ${speed.msPer4kB.toFixed(3)} ms per 4 kB.`);
  }
  console.log(out.join('\n'));
}

main().catch((error: unknown) => fail((error as Error).message?.split('\n')[0] ?? String(error)));
