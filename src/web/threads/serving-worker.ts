/**
 * Entry point of a serving thread (threaded-server.ts): the real server
 * (src/web/server.ts) on a loopback port, over the build the front thread
 * shares with it (its arrays in SharedArrayBuffers: no copy), or over a
 * PostgreSQL pool of its own. New builds come from the front thread
 * (`swap`): loaded, warmed, then swapped in whole between requests, so a
 * request in flight finishes on the build it started on. The first build is
 * warmed once the thread serves it, between its first requests.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadIndex } from '../../index/index.js';
import { EmbeddedReader, openBackend, ServedIndex, type BackendReader } from '../../search/backends/index.js';
import { Searcher, warmSearchInSteps } from '../../search/index.js';
import { startServer } from '../server.js';
import { collectGarbage } from './collect-garbage.js';
import type { FromWorker, ToWorker, WorkerStart } from './messages.js';

const start = workerData as WorkerStart;

const port = parentPort!;
const tell = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  if (start.waits) {
    const first = await new Promise<ToWorker>((resolve) => port.once('message', resolve));
    if (first.kind !== 'serve') throw new Error(`expected the build to serve, got "${first.kind}"`);
    start.shared = first.shared;
    start.tables = first.tables;
    start.front = first.front;
  }
  let served: ServedIndex | null = null;
  let reader: BackendReader;
  if (start.shared && start.indexDir) {
    const searcher = new Searcher(await loadIndex(start.indexDir, start.shared), undefined, start.threads, start.tables);
    // Held by the Searcher from now on: not kept here too, so that a swap releases the first build's buffers.
    delete start.shared;
    delete start.tables;
    // Warmed once serving, between requests (startServer).
    served = new ServedIndex(null, searcher, undefined, (error) => tell({ kind: 'damaged', build: served!.current.manifest.buildId, error }));
    reader = EmbeddedReader.over(served);
  } else {
    reader = await openBackend({ database: start.database, replica: start.replica }).open();
  }
  const server = await startServer({
    reader,
    port: 0,
    host: '127.0.0.1',
    front: start.front,
    baseUrl: start.baseUrl,
    limits: start.limits,
    workerId: start.workerId,
    // A database reader follows new builds itself; a shared build is swapped by the front thread.
    watchIndex: served === null,
  });
  const sharedArrays = served?.current.index.compact.postings.buffer instanceof SharedArrayBuffer;
  // Ready as soon as it listens: the warm-up (begun by startServer) runs between the first requests.
  collectGarbage();
  const heapMb = Math.round(getHeapStatistics().total_heap_size / 2 ** 20);
  const sharedTables = served?.current.sharesTables ?? false;
  tell({ kind: 'ready', port: Number(new URL(server.url).port), build: server.buildId(), sharedArrays, sharedTables, heapMb });

  let swaps = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'serve') return;
    if (message.kind === 'close') {
      void server.close().then(() => tell({ kind: 'closed' }));
      return;
    }
    // One swap at a time, in the order sent.
    swaps = swaps.then(async () => {
      const build = message.shared.build;
      try {
        const next = new Searcher(await loadIndex(start.indexDir!, message.shared), undefined, start.threads, message.tables);
        // Requests keep the current build meanwhile, answered between the steps: the new one is warmed whole before the swap.
        await warmSearchInSteps(next);
        served!.install(next);
        collectGarbage();
        tell({ kind: 'swapped', build });
      } catch (error) {
        tell({ kind: 'swap-failed', build, error: (error as Error).message.split('\n')[0] });
      }
    });
  });
}

main().catch((error: unknown) => tell({ kind: 'start-failed', error: (error as Error).message.split('\n')[0] }));
