/**
 * The benchmark (`npm run bench -- --docs N [--queries K] [--relevance R]
 * [--seconds S] [--connections C] [--peers a,b] [--seed S] [--heap-mb M]`,
 * or `npm run bench -- --preset 1m`): generates or reuses a corpus under
 * bench/corpora/, then measures depeches and its peers on the same articles
 * and queries, prints one table (ratios to the best in each column) and a
 * relevance table, and writes bench/results/<date>-<docs>.json.
 *
 * This process only orchestrates; every heavy step runs in a child of its
 * own with `--max-old-space-size` (75 % of the machine's memory unless
 * --heap-mb says otherwise), so that no engine's index shares a heap with
 * another's:
 *   prepare-child.ts  depeches indexes the corpus from files, and the inputs
 *                     of every engine (typing session, known-item queries)
 *                     are derived once from its articles;
 *   measure-child.ts  one per engine, depeches included: build, load,
 *                     typing latency, relevance;
 *   serve-child.ts    the loaded index as a server holds it: depeches' real
 *                     server for HTTP latency and throughput, a peer's
 *                     loaded index for its memory.
 * An engine whose child fails (out of memory, crash) keeps its row, marked
 * failed with the reason, and the run goes on.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCurrentManifest } from '../src/index/index.js';
import { defaultHeapMegabytes, firstLine, oneLine, processMemory, runChild, startChild } from './child-process.js';
import { generateCorpus } from './generate-corpus.js';
import { httpLatency, throughput } from './latency.js';
import { hasFailed, type BenchInputs, type EngineMeasurement, type EngineResult, type EngineRow } from './measurements.js';
import { PEERS } from './peers/index.js';
import { performanceTable, relevanceTable } from './report.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const DEFAULTS = { docs: '10000', queries: '16', relevance: '100', seconds: '10', connections: '32', peers: Object.keys(PEERS).join(','), seed: '42' };
/** Named settings; any option given on the command line still wins. 1m: depeches alone on a million articles, fewer relevance queries. */
const PRESETS: Record<string, Partial<typeof DEFAULTS>> = { '1m': { docs: '1000000', peers: '', queries: '8', relevance: '20' } };
/** What depeches' indexer needs at 1M articles (measured): the indexing child gets at least this much, scaled to the corpus. */
const INDEXER_HEAP_MB_PER_MILLION = 12288;

const { values: given } = parseArgs({
  options: {
    docs: { type: 'string' },
    queries: { type: 'string' },
    relevance: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    peers: { type: 'string' },
    seed: { type: 'string' },
    preset: { type: 'string' },
    'heap-mb': { type: 'string' },
  },
});
const usage = (message: string): never => {
  console.error(`${message}\nusage: npm run bench -- [--preset ${Object.keys(PRESETS).join('|')}] [--docs N] [--queries K] [--relevance R] [--seconds S] [--connections C] [--peers ${Object.keys(PEERS).join(',')}] [--seed S] [--heap-mb M]`);
  process.exit(2);
};
if (given.preset !== undefined && !PRESETS[given.preset]) usage(`unknown preset "${given.preset}"`);
const values = { ...DEFAULTS, ...PRESETS[given.preset ?? ''], ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS;
for (const option of ['docs', 'queries', 'relevance', 'seconds', 'connections', 'seed'] as const) {
  if (!/^\d+$/.test(values[option]) || (option !== 'seed' && Number(values[option]) === 0)) usage(`--${option} must be a positive whole number, not "${values[option]}"`);
}
const peerKeys = values.peers.split(',').map((k) => k.trim()).filter(Boolean);
for (const key of peerKeys) if (!PEERS[key]) usage(`unknown peer "${key}"`);
const docs = Number(values.docs);
const heapMb = given['heap-mb'] ? Number(given['heap-mb']) : defaultHeapMegabytes();
if (!Number.isInteger(heapMb) || heapMb < 256) usage(`--heap-mb must be a whole number of megabytes (256 or more), not "${given['heap-mb']}"`);
const indexerHeapMb = Math.max(heapMb, Math.ceil((INDEXER_HEAP_MB_PER_MILLION * docs) / 1e6));
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function corpusFolder(): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(BENCH, 'corpora', `${docs}-seed${values.seed}`);
  const marker = path.join(dir, '.complete.json');
  if (existsSync(marker)) return { dir, ...(JSON.parse(await readFile(marker, 'utf8')) as { bytes: number }) };
  log(`generating ${docs} articles in ${dir}`);
  const { bytes } = await generateCorpus({ docs, out: dir, seed: Number(values.seed) });
  await writeFile(marker, JSON.stringify({ bytes }));
  return { dir, bytes };
}

/** depeches' real server in a child: HTTP latency of the session, throughput, memory idle and under load. */
async function serveDepeches(indexDir: string, inputs: BenchInputs): Promise<Pick<EngineResult, 'rssBytes' | 'rssUnderLoadBytes' | 'http' | 'throughput'>> {
  log('depeches: server in a child process, HTTP latency and throughput');
  const child: ChildProcess = startChild('serve-child.ts', heapMb, ['--engine', 'depeches', '--index', indexDir]);
  try {
    const idle = await firstLine(child);
    const http = await httpLatency(String(idle.url), inputs.session);
    const load = await throughput(String(idle.url), inputs.session, Number(values.connections), Number(values.seconds));
    const served = await processMemory(child.pid!);
    return { rssBytes: Number(idle.rss), rssUnderLoadBytes: served.peak, http, throughput: load };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const { dir: corpusDir, bytes: corpusBytes } = await corpusFolder();
  const work = await mkdtemp(path.join(tmpdir(), 'depeches-bench-'));
  const rows: EngineRow[] = [];
  try {
    log(`children's heap: ${heapMb} MB (indexing: ${indexerHeapMb} MB)`);
    const indexDir = path.join(work, 'index');
    const inputsFile = path.join(work, 'inputs.json');
    const prepared = await runChild<BenchInputs>('prepare-child.ts', indexerHeapMb, ['--corpus', corpusDir, '--index', indexDir, '--queries', values.queries, '--relevance', values.relevance, '--out', inputsFile], inputsFile);
    if (!prepared.ok) throw new Error(`depeches could not index the corpus: ${prepared.failure}`);
    const inputs = prepared.value;
    const { report } = inputs;
    const manifest = await readCurrentManifest(indexDir);
    const documentsFile = path.join(indexDir, 'builds', manifest!.buildId, 'documents.jsonl');

    const measure = (key: string) => {
      const out = path.join(work, `${key}.result.json`);
      return runChild<EngineMeasurement>('measure-child.ts', key === 'depeches' ? indexerHeapMb : heapMb, ['--engine', key, '--index', indexDir, '--queries', inputsFile, '--out', out, '--work', work], out);
    };

    const own = await measure('depeches');
    if (own.ok) {
      const { serializedFile: _, ...m } = own.value;
      // A server that dies leaves the HTTP columns empty, not the run ended.
      const served: Awaited<ReturnType<typeof serveDepeches>> = await serveDepeches(indexDir, inputs).catch((error: unknown) => {
        log(`depeches: the server child failed (${(error as Error).message}); no HTTP figures`);
        return { rssBytes: null };
      });
      rows.push({ ...m, endToEndSeconds: report.read + report.build + report.save, ...served });
      log(`depeches: load ${m.loadSeconds?.toFixed(1)} s, rebuild ${m.buildSeconds.toFixed(1)} s, typing p50 ${m.typing.p50.toFixed(2)} ms, ${Math.round(served.throughput?.requestsPerSecond ?? 0)} req/s`);
    } else {
      rows.push({ name: 'depeches', failed: own.failure, seconds: own.seconds });
      log(`depeches: failed (${own.failure})`);
    }

    for (const key of peerKeys) {
      const name = PEERS[key]().name;
      log(`${name}: measuring in a child process`);
      const outcome = await measure(key);
      if (!outcome.ok) {
        rows.push({ name, failed: outcome.failure, seconds: outcome.seconds });
        log(`${name}: failed after ${outcome.seconds.toFixed(0)} s (${outcome.failure}); going on`);
        continue;
      }
      const { serializedFile, ...m } = outcome.value;
      let rssBytes: number | null = null;
      if (serializedFile) {
        const memory = await oneLine('serve-child.ts', heapMb, ['--engine', key, '--index', serializedFile, '--articles', documentsFile]);
        if ('failure' in memory) log(`${name}: its loaded index could not be weighed (${String(memory.failure)})`);
        else rssBytes = Number(memory.rss);
        await rm(serializedFile, { force: true });
      }
      rows.push({ ...m, endToEndSeconds: report.read + m.buildSeconds, rssBytes });
    }

    const MB = 1e6;
    const table = performanceTable(rows, inputs, corpusBytes, values.connections);
    const relevance = relevanceTable(rows);
    const heading = `${inputs.articles} articles, ${(corpusBytes / MB).toFixed(1)} MB of text; ${inputs.session.length} typed prefixes (${inputs.queries.length} queries, half with speaker filter); ${values.connections} connections × ${values.seconds} s; node ${process.version}`;
    console.log(`\n## Performance — ${heading}\n\n${table}\n`);
    const first = rows[0];
    if (!hasFailed(first)) {
      console.log(`depeches RSS under load (peak): ${((first.rssUnderLoadBytes ?? 0) / MB).toFixed(0)} MB; throughput errors: ${first.throughput?.errors}; read ${report.read.toFixed(1)} s + build ${report.build.toFixed(1)} s + save ${report.save.toFixed(1)} s end to end.`);
    }
    console.log('Peers: end to end = depeches\' file reading and metadata extraction + their build; index MB = their serialized index (depeches: build folder, articles included); RSS = a process holding the articles and the loaded index. Each engine measured in its own process.');
    console.log(`\n## Relevance — known item, ${inputs.knownItems.length} typed queries and ${inputs.rememberedItems.length} of remembered words on the generated corpus, ${inputs.sampleItems.length} on the sample corpus\n\n${relevance}\n`);
    await mkdir(path.join(BENCH, 'results'), { recursive: true });
    const out = path.join(BENCH, 'results', `${new Date().toISOString().slice(0, 10)}-${docs}.json`);
    const corpus = { dir: corpusDir, bytes: corpusBytes, articles: inputs.articles };
    await writeFile(out, JSON.stringify({ heading, corpus, queries: inputs.queries, topSpeaker: inputs.topSpeaker, report, results: rows, table, relevanceTable: relevance }, null, 2));
    log(`written ${path.relative(process.cwd(), out)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench: ${error.message}` : error);
  process.exit(1);
});
