/**
 * The benchmark (`npm run bench -- --docs N [--queries K] [--relevance R]
 * [--seconds S] [--connections C] [--peers a,b] [--seed S]`): generates or
 * reuses a corpus under bench/corpora/, then measures depeches and its peers
 * on the same articles and queries, prints one table (ratios to the best in
 * each column) and a relevance table, and writes bench/results/<date>-<docs>.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIndex, indexCorpus, loadIndex } from '../src/index/index.js';
import { readCorpus } from '../src/ingest/index.js';
import type { Article } from '../src/ingest/types.js';
import { generateCorpus, SAMPLE_CORPUS } from './generate-corpus.js';
import { httpLatency, throughput, timeEach, sessionQueries, typingSession, type Percentiles, type Throughput, mostQuotedSpeaker } from './latency.js';
import { depeches, PEERS, type Peer } from './peers/index.js';
import { evaluate, knownItemQueries, rememberedWordsQueries, VARIANTS, type RelevanceScores } from './relevance.js';
import { renderTable, type Column } from './table.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '16' },
    relevance: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    peers: { type: 'string', default: Object.keys(PEERS).join(',') },
    seed: { type: 'string', default: '42' },
  },
});
const docs = Number(values.docs);
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const result = await work();
  return [result, (performance.now() - t) / 1000];
};

interface EngineResult {
  name: string;
  extras: string;
  endToEndSeconds: number;
  buildSeconds: number;
  indexBytes: number;
  loadSeconds: number | null;
  rssBytes: number | null;
  rssUnderLoadBytes?: number;
  typing: Percentiles;
  typingFiltered: Percentiles;
  http?: Percentiles;
  throughput?: Throughput;
  relevance: RelevanceScores;
  relevanceSample: RelevanceScores;
  relevanceRemembered: RelevanceScores;
}

async function corpusFolder(): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(BENCH, 'corpora', `${docs}-seed${values.seed}`);
  const marker = path.join(dir, '.complete.json');
  if (existsSync(marker)) return { dir, ...(JSON.parse(await readFile(marker, 'utf8')) as { bytes: number }) };
  log(`generating ${docs} articles in ${dir}`);
  const { bytes } = await generateCorpus({ docs, out: dir, seed: Number(values.seed) });
  await writeFile(marker, JSON.stringify({ bytes }));
  return { dir, bytes };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(file) : (await stat(file)).size;
  }
  return total;
}

function tsxChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(BENCH, 'serve-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function firstLine(child: ChildProcess): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) if (line.startsWith('{')) return JSON.parse(line) as Record<string, unknown>;
  throw new Error('child printed nothing');
}

/** VmRSS and VmHWM of a process, in bytes. */
async function processMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function main(): Promise<void> {
  const { dir: corpusDir, bytes: corpusBytes } = await corpusFolder();
  const work = await mkdtemp(path.join(tmpdir(), 'depeches-bench-'));
  const results: EngineResult[] = [];
  try {
    const sample = (await readCorpus(SAMPLE_CORPUS)).articles;

    // depeches, end to end from files, then its saved index loaded back.
    log('depeches: indexing the corpus from files');
    const indexDir = path.join(work, 'index');
    const report = await indexCorpus(corpusDir, indexDir);
    const [index, loadSeconds] = await seconds(() => loadIndex(indexDir));
    const articles: Article[] = index.documents;
    const buildDir = path.join(indexDir, 'builds', index.manifest.buildId);
    const documentsFile = path.join(buildDir, 'documents.jsonl');
    const [, rebuildSeconds] = await seconds(() => buildIndex(articles, null));
    const queries = sessionQueries(articles, Number(values.queries));
    const topSpeaker = mostQuotedSpeaker(articles);
    const session = typingSession(queries, topSpeaker);
    const unfiltered = session.filter((s) => !s.speaker);
    const filtered = session.filter((s) => s.speaker);
    const knownItems = knownItemQueries(articles, Number(values.relevance));
    const sampleItems = knownItemQueries(sample, sample.length);
    const rememberedItems = rememberedWordsQueries(articles, Number(values.relevance));
    log(`${articles.length} articles (${report.skipped.length} skipped), ${queries.length} queries → ${session.length} typed prefixes, filter speaker "${topSpeaker}", ${knownItems.length} + ${rememberedItems.length} known-item queries`);

    const engine = depeches();
    engine.use(index);
    log('depeches: in-process latency');
    const typing = await timeEach(unfiltered, (q) => engine.search(q));
    const typingFiltered = await timeEach(filtered, (q) => engine.search(q));
    const relevance = await evaluate(engine, knownItems);
    const relevanceRemembered = await evaluate(engine, rememberedItems);
    const samplePeer = depeches();
    await samplePeer.build(sample);
    const relevanceSample = await evaluate(samplePeer, sampleItems);

    log('depeches: server in a child process, HTTP latency and throughput');
    const child = tsxChild(['--engine', 'depeches', '--index', indexDir]);
    let http: Percentiles;
    let load: Throughput;
    let served: { rss: number; peak: number };
    let idle: Record<string, unknown>;
    try {
      idle = await firstLine(child);
      http = await httpLatency(String(idle.url), session);
      load = await throughput(String(idle.url), session, Number(values.connections), Number(values.seconds));
      served = await processMemory(child.pid!);
    } finally {
      child.kill('SIGTERM');
    }
    results.push({
      name: engine.name,
      extras: engine.extras,
      endToEndSeconds: report.seconds.read + report.seconds.build + report.seconds.save,
      buildSeconds: rebuildSeconds,
      indexBytes: await folderBytes(buildDir),
      loadSeconds,
      rssBytes: Number(idle.rss),
      rssUnderLoadBytes: served.peak,
      typing,
      typingFiltered,
      http,
      throughput: load,
      relevance,
      relevanceSample,
      relevanceRemembered,
    });
    log(`depeches: read ${report.seconds.read.toFixed(1)} s, build ${report.seconds.build.toFixed(1)} s, save ${report.seconds.save.toFixed(1)} s, load ${loadSeconds.toFixed(1)} s, typing p50 ${typing.p50.toFixed(2)} ms, ${Math.round(load.requestsPerSecond)} req/s`);

    for (const key of values.peers!.split(',').filter(Boolean)) {
      const peer: Peer = PEERS[key]();
      log(`${peer.name}: build`);
      const [, buildSeconds] = await seconds(() => peer.build(articles));
      const file = path.join(work, `${key}.json`);
      await writeFile(file, await peer.serialize());
      const [, peerLoad] = await seconds(async () => peer.load(await readFile(file, 'utf8'), articles));
      const peerTyping = await timeEach(unfiltered, (q) => peer.search(q));
      const peerFiltered = await timeEach(filtered, (q) => peer.search(q));
      const peerRelevance = await evaluate(peer, knownItems);
      const peerRemembered = await evaluate(peer, rememberedItems);
      const small = PEERS[key]();
      await small.build(sample);
      const peerSample = await evaluate(small, sampleItems);
      // A database-backed peer keeps its index in the server: its size on disk, and no process of its own to weigh.
      const external = peer as Peer & { indexBytes?: () => Promise<number>; close?: () => Promise<void> };
      const memory = external.indexBytes ? null : await firstLine(tsxChild(['--engine', key, '--index', file, '--articles', documentsFile]));
      const indexBytes = external.indexBytes ? await external.indexBytes() : (await stat(file)).size;
      await (small as typeof external).close?.();
      await external.close?.();
      results.push({
        name: peer.name,
        extras: peer.extras,
        endToEndSeconds: report.seconds.read + buildSeconds,
        buildSeconds,
        indexBytes,
        loadSeconds: peer.loadsIndex === false ? null : peerLoad,
        rssBytes: memory ? Number(memory.rss) : null,
        typing: peerTyping,
        typingFiltered: peerFiltered,
        relevance: peerRelevance,
        relevanceSample: peerSample,
        relevanceRemembered: peerRemembered,
      });
      log(`${peer.name}: build ${buildSeconds.toFixed(1)} s, load ${peerLoad.toFixed(1)} s, typing p50 ${peerTyping.p50.toFixed(2)} ms`);
    }

    const MB = 1e6;
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
      { title: `req/s (${values.connections} conn.)`, better: 'higher', digits: 0 },
    ];
    const table = renderTable(
      'engine',
      columns,
      results.map((r) => ({
        name: r.name,
        cells: [
          articles.length / r.endToEndSeconds,
          corpusBytes / MB / r.endToEndSeconds,
          articles.length / r.buildSeconds,
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
        ],
      })),
    );
    const relevanceColumns: Column[] = [
      { title: 'MRR@10', better: 'higher', digits: 3 },
      { title: 'R@10', better: 'higher', digits: 3 },
      ...VARIANTS.map((v) => ({ title: `${v} MRR/R`, better: 'none' as const })),
      { title: 'remembered words MRR@10', better: 'higher', digits: 3 },
      { title: 'sample MRR@10', better: 'higher', digits: 3 },
      { title: 'sample R@10', better: 'higher', digits: 3 },
    ];
    const relevanceTable = renderTable(
      'engine',
      relevanceColumns,
      results.map((r) => ({
        name: r.name,
        cells: [
          r.relevance.mrr,
          r.relevance.recall,
          ...VARIANTS.map((v) => `${r.relevance.byVariant[v]?.mrr.toFixed(2)} / ${r.relevance.byVariant[v]?.recall.toFixed(2)}`),
          r.relevanceRemembered.mrr,
          r.relevanceSample.mrr,
          r.relevanceSample.recall,
        ],
      })),
    );
    const heading = `${articles.length} articles, ${(corpusBytes / MB).toFixed(1)} MB of text; ${session.length} typed prefixes (${queries.length} queries, half with speaker filter); ${values.connections} connections × ${values.seconds} s; node ${process.version}`;
    console.log(`\n## Performance — ${heading}\n\n${table}\n`);
    console.log(`depeches RSS under load (peak): ${((results[0].rssUnderLoadBytes ?? 0) / MB).toFixed(0)} MB; throughput errors: ${results[0].throughput?.errors}; read ${report.seconds.read.toFixed(1)} s + build ${report.seconds.build.toFixed(1)} s + save ${report.seconds.save.toFixed(1)} s end to end.`);
    console.log('Peers: end to end = depeches\' file reading and metadata extraction + their build; index MB = their serialized index (depeches: build folder, articles included); RSS = a process holding the articles and the loaded index.');
    console.log(`\n## Relevance — known item, ${knownItems.length} typed queries and ${rememberedItems.length} of remembered words on the generated corpus, ${sampleItems.length} on the sample corpus\n\n${relevanceTable}\n`);
    await mkdir(path.join(BENCH, 'results'), { recursive: true });
    const out = path.join(BENCH, 'results', `${new Date().toISOString().slice(0, 10)}-${docs}.json`);
    await writeFile(out, JSON.stringify({ heading, corpus: { dir: corpusDir, bytes: corpusBytes, articles: articles.length }, queries, topSpeaker, report: report.seconds, results, table, relevanceTable }, null, 2));
    log(`written ${path.relative(process.cwd(), out)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
