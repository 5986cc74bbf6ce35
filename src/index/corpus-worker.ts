/** Entry point of a worker thread of `indexCorpus` (parallel.ts, read-pool.ts): runs the tasks it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { warmUp } from '../ingest/index.js';
import { readFiles, TaskRunner, warmUpAnalysis, type TaskAnswer, type TaskRequest } from './worker-tasks.js';

const runner = new TaskRunner();
parentPort!.on('message', (request: TaskRequest) => {
  try {
    if (request.kind === 'read') readFiles(request, (answer, transfer) => parentPort!.postMessage(answer, transfer), runner);
    else {
      const { answer, transfer } = runner.analyze(request);
      parentPort!.postMessage(answer, transfer);
    }
  } catch (error) {
    parentPort!.postMessage({ kind: 'error', batch: request.batch, message: error instanceof Error ? error.message : String(error) } satisfies TaskAnswer);
  }
});
// The first article a thread reads loads lexicons and compiles code (tens of ms): done before the time budget of the first file starts.
warmUp();
warmUpAnalysis();
parentPort!.postMessage({ kind: 'ready', batch: -1 } satisfies TaskAnswer);
