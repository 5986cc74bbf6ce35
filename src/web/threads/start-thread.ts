import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The young generation of each serving thread, in MB (V8's default is about
 * three times this): every thread fills its own under load, and at this size
 * two threads at 100 000 articles held 40 MB less for no fewer requests per
 * second (measured interleaved; the machine's load made the gap in requests
 * noise).
 */
const YOUNG_GENERATION_MB = 16;

/**
 * Starts a thread running serving-worker with `workerData`. From TypeScript
 * sources (tsx, vitest) it loads it through tsx's API, as a worker thread
 * does not inherit the loader of its parent (as src/index/worker-lane.ts).
 */
export function startServingThread(workerData: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const compiled = new URL('./serving-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(compiled, { workerData, resourceLimits });
  const script = new URL('./serving-worker.ts', import.meta.url).href;
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
