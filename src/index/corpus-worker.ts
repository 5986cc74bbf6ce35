/** Entry point of a worker thread of `indexCorpus` (parallel.ts): runs the tasks it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { TaskRunner, type TaskAnswer, type TaskRequest } from './worker-tasks.js';

const runner = new TaskRunner();
parentPort!.on('message', (request: TaskRequest) => {
  runner.run(request).then(
    ({ answer, transfer }) => parentPort!.postMessage(answer, transfer),
    (error: unknown) => parentPort!.postMessage({ kind: 'error', batch: request.batch, message: error instanceof Error ? error.message : String(error) } satisfies TaskAnswer),
  );
});
