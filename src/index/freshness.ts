import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ANALYZER_VERSION } from '../analysis/index.js';
import { readCurrentManifest } from './store.js';
import { INDEX_FORMAT_VERSION } from './types.js';

/**
 * The walk of `latestModification`, as plain JavaScript for a worker
 * thread: blocking readdir and stat calls cost a few microseconds each,
 * where promises cost tens, and in a worker they do not hold up the thread
 * that serves requests (the corpus watcher runs this every few seconds).
 * Links are followed to files; entries that vanish or cannot be read are
 * passed over.
 */
const WALK_SOURCE = `
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const walk = (dir) => {
  let latest = statSync(dir).mtimeMs;
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return latest; }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    try { latest = Math.max(latest, entry.isDirectory() ? walk(full) : statSync(full).mtimeMs); } catch {}
  }
  return latest;
};
try { parentPort.postMessage({ latest: walk(workerData) }); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
`;

/** Latest modification time (ms) of any file or folder under `dir`, hidden ones excepted. */
export async function latestModification(dir: string): Promise<number> {
  let worker: Worker;
  try {
    worker = new Worker(WALK_SOURCE, { eval: true, workerData: dir });
  } catch {
    return latestModificationHere(dir);
  }
  return new Promise<number>((resolve, reject) => {
    worker.once('message', (answer: { latest?: number; error?: string }) => {
      void worker.terminate();
      if (answer.latest !== undefined) resolve(answer.latest);
      else reject(new Error(answer.error));
    });
    worker.once('error', reject);
  });
}

/** The same walk in this thread, with promises (when a worker cannot start). */
async function latestModificationHere(dir: string): Promise<number> {
  let latest = (await stat(dir)).mtimeMs;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const time = await (entry.isDirectory() ? latestModificationHere(full) : stat(full).then((s) => s.mtimeMs)).catch(() => latest);
    latest = Math.max(latest, time);
  }
  return latest;
}

/**
 * Why an index folder needs a (re)build from a corpus, or null when it is up
 * to date: missing, built from another corpus, or older than the corpus.
 * `corpusChanges` false: every reason but the last, which needs a stat of
 * every file of the corpus (seconds at a million articles), so that `serve`
 * can answer from a whole build first and look for changes afterwards.
 */
export async function rebuildReason(indexDir: string, corpusDir: string, { corpusChanges = true } = {}): Promise<string | null> {
  const manifest = await readCurrentManifest(indexDir);
  // A pointer to a build whose manifest is missing or fails its seal: damaged, not absent.
  if (!manifest) return existsSync(path.join(indexDir, 'current.json')) ? 'index damaged (its manifest is missing or fails its checksum)' : 'no index yet';
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) return 'index built by another version';
  if (manifest.corpus && path.resolve(manifest.corpus) !== path.resolve(corpusDir)) return `index was built from ${manifest.corpus}`;
  if (corpusChanges && (await latestModification(corpusDir)) >= Date.parse(manifest.builtAt)) return 'corpus changed since the last build';
  return null;
}
