/**
 * What a loaded build costs before its first search: load time, then RSS
 * and heap after a full collection, with the search stage's tables made
 * (`node --expose-gc --import tsx bench/load-memory.ts --index DIR
 * [--rounds R]`), and the load's CPU time, this thread's and all threads'. Each round loads the build afresh and drops the one
 * before, as a server's hot swap does. Written to compare commits: it uses
 * a `Searcher` when the search stage has one (and prepares the index
 * itself otherwise), so the same script measures an index with and without
 * a MiniSearch instance.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadIndex } from '../src/index/index.js';
import * as searchStage from '../src/search/index.js';

const { values } = parseArgs({ options: { index: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
if (!values.index) {
  console.error('usage: node --expose-gc --import tsx bench/load-memory.ts --index DIR [--rounds R]');
  process.exit(2);
}
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
/**
 * CPU milliseconds of this thread alone (Linux: /proc), null elsewhere. On a
 * shared machine wall times swing with the load; the loading thread's CPU is
 * what a first answer waits for (files are hashed in another thread).
 */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
const cpu = (from: number | null, to: number | null, all: NodeJS.CpuUsage) =>
  `cpu ${from === null || to === null ? '?' : to - from} ms this thread, ${((all.user + all.system) / 1000).toFixed(0)} ms all threads`;
const settle = () => {
  for (let k = 0; k < 3; k++) collect();
  return process.memoryUsage();
};

type Stage = { Searcher?: new (index: unknown) => unknown; prepareSearch: (target: unknown) => void; warmSearch: (target: unknown) => void };
const stage = searchStage as unknown as Stage;
const before = settle();
console.log(`before loading: rss ${mb(before.rss)} MB, heap ${mb(before.heapUsed)} MB`);
const figures = (usage: NodeJS.MemoryUsage) => `rss ${mb(usage.rss)} MB, heap ${mb(usage.heapUsed)} MB (+${mb(usage.heapUsed - before.heapUsed)})`;
let held: unknown = null;
for (let round = 1; round <= Number(values.rounds); round++) {
  const started = performance.now();
  const threadBefore = mainThreadCpuMs();
  const allBefore = process.cpuUsage();
  // Loaded means ready to search: with a Searcher, making it is part of the load.
  const index = await loadIndex(values.index);
  const target = stage.Searcher ? new stage.Searcher(index) : index;
  const loaded = performance.now();
  const loadCpu = cpu(threadBefore, mainThreadCpuMs(), process.cpuUsage(allBefore));
  stage.prepareSearch(target);
  const prepared = performance.now();
  held = null;
  held = target;
  const afterPrepare = settle();
  const warming = performance.now();
  stage.warmSearch(target);
  const warmed = performance.now();
  const afterWarm = settle();
  console.log(
    `round ${round}: load ${(loaded - started).toFixed(0)} ms (${loadCpu}), prepare ${(prepared - loaded).toFixed(0)} ms: ${figures(afterPrepare)}; ` +
      `warm ${(warmed - warming).toFixed(0)} ms: ${figures(afterWarm)}, external ${mb(afterWarm.external)} MB`,
  );
}
if (!held) throw new Error('nothing loaded');
