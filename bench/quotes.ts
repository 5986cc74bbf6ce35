/**
 * The cost of quotations (`npm run bench:quotes -- --docs 10000 [--baseline ../main]`):
 * generates a corpus (bench/generate-corpus.ts, whose dispatches quote
 * « … » with "a déclaré M. X"), indexes it with this tree, and reports the
 * indexing time, the build's size and what the quotations take in it; with
 * --baseline, indexes the same corpus with another checkout (one without
 * quotations) for the difference. Then times searches on the loaded index:
 * a plain word, `citation:word` and `cite:Name word` (median and p95 of
 * every query run ROUNDS times, after a warm-up).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { facetFilters } from '../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { search, Searcher } from '../src/search/index.js';
import { generateCorpus } from './generate-corpus.js';

const ROUNDS = 20;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function currentBuild(indexDir: string): string {
  const pointer = JSON.parse(readFileSync(path.join(indexDir, 'current.json'), 'utf8')) as { build: string };
  return path.join(indexDir, 'builds', pointer.build);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, baseline: { type: 'string' }, corpus: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const docs = Number(values.docs);
  const work = await mkdtemp(path.join(tmpdir(), 'depeches-quotes-bench-'));
  try {
    const corpus = values.corpus ?? path.join(work, 'corpus');
    if (!values.corpus) await generateCorpus({ docs, out: corpus, seed: 42 });
    const corpusBytes = folderBytes(corpus);
    console.log(`corpus: ${docs} articles, ${mb(corpusBytes)}`);

    const indexDir = path.join(work, 'index');
    let t0 = performance.now();
    await indexCorpus(corpus, indexDir);
    const indexSeconds = (performance.now() - t0) / 1000;
    const build = currentBuild(indexDir);
    const buildBytes = folderBytes(build);
    const catalogBytes = statSync(path.join(build, 'catalog.json')).size;
    const index = await loadIndex(indexDir);
    const quotes = index.documents.reduce((n, a) => n + a.quotes.length, 0);
    const quotesJson = index.documents.reduce((n, a) => n + JSON.stringify(a.quotes).length, 0);
    console.log(`this tree: indexed in ${indexSeconds.toFixed(1)} s (${((docs / indexSeconds) | 0)} articles/s), build ${mb(buildBytes)} (catalog.json ${mb(catalogBytes)}); ${quotes} quotations, ${mb(quotesJson)} of them as JSON (in catalog.json and again in documents.jsonl)`);

    if (values.baseline) {
      const baseline = path.resolve(values.baseline);
      if (!existsSync(path.join(baseline, 'src', 'cli.ts'))) throw new Error(`no src/cli.ts in ${baseline}`);
      const baseIndex = path.join(work, 'baseline-index');
      t0 = performance.now();
      execFileSync(path.join(baseline, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'index', '--corpus', corpus, '--out', baseIndex], { cwd: baseline, stdio: 'ignore' });
      const baseSeconds = (performance.now() - t0) / 1000;
      const baseBytes = folderBytes(currentBuild(baseIndex));
      console.log(`baseline (${baseline}): indexed in ${baseSeconds.toFixed(1)} s (CLI, process start included), build ${mb(baseBytes)}`);
      console.log(`quotations cost: +${(((buildBytes - baseBytes) / baseBytes) * 100).toFixed(1)} % index size, ${((indexSeconds / baseSeconds - 1) * 100).toFixed(1)} % indexing time`);
    }

    // the commonest quoted speaker and a word of their quotations, for the cite: queries
    const bySpeaker = new Map<string, number>();
    for (const a of index.documents) for (const q of a.quotes) if (q.speaker) bySpeaker.set(q.speaker, (bySpeaker.get(q.speaker) ?? 0) + 1);
    const [speaker] = [...bySpeaker].sort((a, b) => b[1] - a[1])[0];
    const surname = speaker.split(' ').pop()!;
    const queries = ['coopération', 'citation:coopération', `cite:${surname}`, `cite:${surname} coopération`, `cite:${surname} "relations bilatérales"`, 'citation:"relations bilatérales"'];
    const searcher = new Searcher(index);
    const run = (q: string) => search(searcher, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' });
    for (const q of queries) run(q);
    console.log(`\n| query | total | median ms | p95 ms |\n|---|---:|---:|---:|`);
    for (const q of queries) {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const started = performance.now();
        total = run(q).total;
        times.push(performance.now() - started);
      }
      console.log(`| \`${q}\` | ${total} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} |`);
    }
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

main().catch((error) => {
  console.error(`bench:quotes: ${(error as Error).message}`);
  process.exit(1);
});
