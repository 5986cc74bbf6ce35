/**
 * What a loaded build costs before its first search: load time, then RSS
 * and heap after a full collection, with the search stage's tables made
 * (`node --expose-gc --import tsx bench/load-memory.ts --index DIR
 * [--rounds R]`). Each round loads the build afresh and drops the one
 * before, as a server's hot swap does. Written to compare commits: it uses
 * a `Searcher` when the search stage has one (and prepares the index
 * itself otherwise), so the same script measures an index with and without
 * a MiniSearch instance.
 */
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
const settle = () => {
  for (let k = 0; k < 3; k++) collect();
  return process.memoryUsage();
};

type Stage = { Searcher?: new (index: unknown) => unknown; prepareSearch: (target: unknown) => void };
const stage = searchStage as unknown as Stage;
const before = settle();
console.log(`before loading: rss ${mb(before.rss)} MB, heap ${mb(before.heapUsed)} MB`);
let held: unknown = null;
for (let round = 1; round <= Number(values.rounds); round++) {
  const started = performance.now();
  const index = await loadIndex(values.index);
  const loaded = performance.now();
  const target = stage.Searcher ? new stage.Searcher(index) : index;
  stage.prepareSearch(target);
  const prepared = performance.now();
  held = null;
  held = target;
  const after = settle();
  console.log(
    `round ${round}: load ${(loaded - started).toFixed(0)} ms, prepare ${(prepared - loaded).toFixed(0)} ms; ` +
      `rss ${mb(after.rss)} MB, heap ${mb(after.heapUsed)} MB (+${mb(after.heapUsed - before.heapUsed)}), external ${mb(after.external)} MB`,
  );
}
if (!held) throw new Error('nothing loaded');
