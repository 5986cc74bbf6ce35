import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a thread running serving-worker with `workerData`. From TypeScript
 * sources (tsx, vitest) it loads it through tsx's API, as a worker thread
 * does not inherit the loader of its parent (as src/index/worker-lane.ts).
 */
export function startServingThread(workerData: unknown): Worker {
  const compiled = new URL('./serving-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(compiled, { workerData });
  const script = new URL('./serving-worker.ts', import.meta.url).href;
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
  return new Worker(code, { eval: true, workerData });
}
