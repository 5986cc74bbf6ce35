import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ANALYZER_VERSION } from '../analysis/index.js';
import { readCurrentManifest } from './store.js';
import { INDEX_FORMAT_VERSION } from './types.js';

/** Latest modification time (ms) of any file or folder under `dir`, hidden ones excepted. */
export async function latestModification(dir: string): Promise<number> {
  let latest = (await stat(dir)).mtimeMs;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? await latestModification(full) : (await stat(full)).mtimeMs);
  }
  return latest;
}

/**
 * Why an index folder needs a (re)build from a corpus, or null when it is up
 * to date: missing, built from another corpus, or older than the corpus.
 */
export async function rebuildReason(indexDir: string, corpusDir: string): Promise<string | null> {
  const manifest = await readCurrentManifest(indexDir);
  if (!manifest) return 'no index yet';
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION || manifest.analyzerVersion !== ANALYZER_VERSION) return 'index built by another version';
  if (manifest.corpus && path.resolve(manifest.corpus) !== path.resolve(corpusDir)) return `index was built from ${manifest.corpus}`;
  if ((await latestModification(corpusDir)) > Date.parse(manifest.builtAt)) return 'corpus changed since the last build';
  return null;
}
