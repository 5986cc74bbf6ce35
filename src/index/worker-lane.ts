import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TaskRunner, type TaskAnswer, type TaskRequest } from './worker-tasks.js';

/**
 * Starts a worker running corpus-worker. From TypeScript sources (tsx,
 * vitest) the worker loads it through tsx's API, as a worker thread does
 * not inherit the loader of its parent.
 */
export function startWorker(heapMb?: number): Worker {
  const resourceLimits = heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined;
  const compiled = new URL('./corpus-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(compiled, { resourceLimits });
  const script = new URL('./corpus-worker.ts', import.meta.url).href;
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
  return new Worker(code, { eval: true, resourceLimits });
}

/** Where analysis tasks run: a worker thread, or this thread. */
export interface Lane {
  run(request: Extract<TaskRequest, { kind: 'analyze' }>): Promise<TaskAnswer>;
  close(): Promise<void>;
}

/** A lane over a worker (started here, or handed over by the read pool). */
export function workerLane(worker: Worker): Lane {
  const waiting = new Map<number, { resolve: (a: TaskAnswer) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: TaskAnswer) => {
    if (answer.kind !== 'analyze' && answer.kind !== 'error') return;
    const entry = waiting.get(answer.batch);
    if (!entry) return;
    waiting.delete(answer.batch);
    if (answer.kind === 'error') entry.reject(new Error(answer.message));
    else entry.resolve(answer);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`indexing worker stopped (exit code ${code})`)));
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        waiting.set(request.batch, { resolve, reject });
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

export function localLane(): Lane {
  const runner = new TaskRunner();
  return { run: async (request) => runner.analyze(request).answer, close: async () => {} };
}
