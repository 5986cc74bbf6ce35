/** The embedded backend's writer: builds of a corpus saved atomically into an index folder (src/index). */
import path from 'node:path';
import { indexCorpus, readCurrentManifest, rebuildReason, type IndexCorpusOptions } from '../../index/index.js';
import type { BackendWriter, BuildReport } from './types.js';

export class EmbeddedWriter implements BackendWriter {
  readonly kind = 'embedded' as const;
  readonly location: string;
  readonly buildCommand: string;

  constructor(private readonly indexDir: string) {
    this.location = path.resolve(indexDir);
    this.buildCommand = `npm run index -- --corpus DIR --out ${indexDir}`;
  }

  build(corpus: string, options: IndexCorpusOptions = {}): Promise<BuildReport> {
    return indexCorpus(corpus, this.indexDir, options);
  }

  rebuildReason(corpus: string, options: { corpusChanges?: boolean } = {}): Promise<string | null> {
    return rebuildReason(this.indexDir, corpus, options);
  }

  async builtFrom(): Promise<string | null> {
    return (await readCurrentManifest(this.indexDir).catch(() => null))?.corpus ?? null;
  }

  async readOnly(): Promise<string | null> {
    return null;
  }

  async close(): Promise<void> {}
}
