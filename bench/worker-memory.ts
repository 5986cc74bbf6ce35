/**
 * Where a serving thread's own memory goes (`npx tsx --expose-gc
 * bench/worker-memory.ts --index DIR [--snapshot FILE]`): the main thread
 * reads the build for sharing (as threaded-server.ts), then one worker
 * thread loads it, makes its Searcher, prepares and warms it (as
 * serving-worker.ts), printing the process's resident memory and the
 * worker's heap after each step (after full collections when --expose-gc is
 * given). `--snapshot` writes the warmed worker's heap snapshot.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function report(label: string): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const heap = getHeapStatistics();
  const usage = process.memoryUsage();
  console.log(`${label.padEnd(30)} process RSS ${rssMb()} MB | this thread: heap used ${mb(heap.used_heap_size)} MB, heap total ${mb(heap.total_heap_size)} MB, array buffers ${mb(usage.arrayBuffers)} MB`);
}

async function mainThread(): Promise<void> {
  const { values } = parseArgs({ options: { index: { type: 'string' }, snapshot: { type: 'string' } } });
  if (!values.index) throw new Error('--index DIR is required');
  const { readSharedBuild } = await import('../src/index/index.js');
  report('main: start');
  const shared = await readSharedBuild(values.index);
  report(`main: shared (${mb(shared.sharedBytes)} MB)`);
  const { manifest: _manifest, sharedBytes: _bytes, ...start } = shared;
  const data = { index: values.index, shared: start, snapshot: values.snapshot };
  const script = new URL(import.meta.url).href;
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
  const worker = new Worker(code, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  report('main: worker warmed');
  await worker.terminate();
}

async function workerThread(): Promise<void> {
  report('worker: start');
  const { loadIndex } = await import('../src/index/index.js');
  const { Searcher, prepareSearch, warmSearch } = await import('../src/search/index.js');
  await import('../src/web/server.js');
  report('worker: modules imported');
  const index = await loadIndex(workerData.index, workerData.shared);
  report('worker: loaded');
  const searcher = new Searcher(index, undefined, 2);
  report('worker: searcher');
  prepareSearch(searcher);
  report('worker: prepared');
  warmSearch(searcher);
  report('worker: warmed');
  if (workerData.snapshot) writeHeapSnapshot(workerData.snapshot);
  parentPort!.postMessage({ kept: searcher.documents.length });
}

(isMainThread ? mainThread() : workerThread()).catch((error: unknown) => {
  console.error(`worker-memory bench: ${(error as Error).message}`);
  process.exit(1);
});
