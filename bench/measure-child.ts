/**
 * One engine's measurements in a process of its own (`--engine KEY --index
 * DIR --queries FILE --out FILE --work DIR`): the benchmark starts one per
 * engine so that no engine's index shares a heap with another's. Given
 * depeches' saved index (its articles, for the peers) and the inputs of
 * prepare-child.ts, it measures build, serialize/load, the typing session
 * with and without filter, known-item and remembered-words relevance, the
 * sample-corpus relevance and the index size, and writes them as JSON
 * (EngineMeasurement). A peer's serialized index is left in the work folder
 * for the parent to weigh in yet another process (serve-child.ts).
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex, loadIndex } from '../src/index/index.js';
import { Searcher } from '../src/search/index.js';
import { readCurrentDocuments } from '../src/index/store.js';
import { readCorpus } from '../src/ingest/index.js';
import { SAMPLE_CORPUS } from './generate-corpus.js';
import { timeEach } from './latency.js';
import type { BenchInputs, EngineMeasurement } from './measurements.js';
import { depeches, PEERS, type Peer } from './peers/index.js';
import { evaluate } from './relevance.js';

const { values } = parseArgs({
  options: { engine: { type: 'string' }, index: { type: 'string' }, queries: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' } },
});
const key = values.engine ?? '';
if (!values.index || !values.queries || !values.out || !values.work || (key !== 'depeches' && !PEERS[key])) {
  console.error(`usage: measure-child.ts --engine depeches|${Object.keys(PEERS).join('|')} --index DIR --queries FILE --out FILE --work DIR`);
  process.exit(2);
}
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const result = await work();
  return [result, (performance.now() - t) / 1000];
};

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(file) : (await stat(file)).size;
  }
  return total;
}

const inputs = JSON.parse(await readFile(values.queries, 'utf8')) as BenchInputs;
const unfiltered = inputs.session.filter((s) => !s.speaker);
const filtered = inputs.session.filter((s) => s.speaker);
const sample = (await readCorpus(SAMPLE_CORPUS)).articles;

/** The typing session and the three relevance tests on a built or loaded engine; the sample corpus on a fresh one. */
async function searchMeasurements(engine: Pick<Peer, 'search'>, fresh: Peer) {
  log(`${fresh.name}: typing session and relevance`);
  const typing = await timeEach(unfiltered, (q) => engine.search(q));
  const typingFiltered = await timeEach(filtered, (q) => engine.search(q));
  const relevance = await evaluate(engine, inputs.knownItems);
  const relevanceRemembered = await evaluate(engine, inputs.rememberedItems);
  await fresh.build(sample);
  const relevanceSample = await evaluate(fresh, inputs.sampleItems);
  return { typing, typingFiltered, relevance, relevanceRemembered, relevanceSample };
}

async function measureDepeches(): Promise<EngineMeasurement> {
  log('depeches: loading the saved index');
  // Loaded means ready to search: the build's Searcher (postings' scoring arrays, term dictionary) is part of it.
  const [searcher, loadSeconds] = await timed(async () => new Searcher(await loadIndex(values.index!)));
  const { index } = searcher;
  const buildDir = path.join(values.index!, 'builds', index.manifest.buildId);
  log('depeches: rebuilding the index in memory');
  const [, buildSeconds] = await timed(() => void buildIndex(index.documents, null));
  // The rebuild's arrays are garbage now: collected here, not in the middle of the typing session it would slow.
  (globalThis as { gc?: () => void }).gc?.();
  const engine = depeches();
  engine.use(searcher);
  const measured = await searchMeasurements(engine, depeches());
  return { name: engine.name, extras: engine.extras, buildSeconds, indexBytes: await folderBytes(buildDir), loadSeconds, serializedFile: null, ...measured };
}

async function measurePeer(): Promise<EngineMeasurement> {
  const articles = await readCurrentDocuments(values.index!);
  if (!articles) throw new Error(`no readable index in ${values.index}`);
  const peer = PEERS[key]();
  const small = PEERS[key]();
  log(`${peer.name}: build`);
  const [, buildSeconds] = await timed(() => peer.build(articles));
  // A database-backed peer keeps its index in the server: its size on disk, and no process of its own to weigh.
  const external = peer as Peer & { indexBytes?: () => Promise<number>; close?: () => Promise<void> };
  const file = path.join(values.work!, `${key}.json`);
  await writeFile(file, await peer.serialize());
  const [, loadSeconds] = await timed(async () => peer.load(await readFile(file, 'utf8'), articles));
  const measured = await searchMeasurements(peer, small);
  const indexBytes = external.indexBytes ? await external.indexBytes() : (await stat(file)).size;
  await (small as typeof external).close?.();
  await external.close?.();
  log(`${peer.name}: build ${buildSeconds.toFixed(1)} s, load ${loadSeconds.toFixed(1)} s, typing p50 ${measured.typing.p50.toFixed(2)} ms`);
  return {
    name: peer.name,
    extras: peer.extras,
    buildSeconds,
    indexBytes,
    loadSeconds: peer.loadsIndex === false ? null : loadSeconds,
    serializedFile: external.indexBytes ? null : file,
    ...measured,
  };
}

const measurement = key === 'depeches' ? await measureDepeches() : await measurePeer();
await writeFile(values.out, JSON.stringify(measurement));
log(`${measurement.name}: child's peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
process.exit(0); // a peer's pools or timers must not keep the child alive
