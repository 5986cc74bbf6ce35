import { rebuildReason } from './freshness.js';
import { indexCorpus, type IndexReport } from './index-corpus.js';

export interface CorpusWatcher {
  stop(): void;
}

/**
 * Rebuilds the index of a corpus folder whenever the folder changes. It polls
 * (every `intervalMs`) rather than using fs.watch, whose recursive mode is not
 * reliable on every platform Node runs on; a poll is one stat per file. A
 * server watching the index folder then swaps the new build in.
 */
export function watchCorpus(
  corpusDir: string,
  indexDir: string,
  options: { intervalMs?: number; onRebuild?: (report: IndexReport, reason: string) => void; onError?: (error: Error) => void } = {},
): CorpusWatcher {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const reason = await rebuildReason(indexDir, corpusDir);
      if (reason) options.onRebuild?.(await indexCorpus(corpusDir, indexDir), reason);
    } catch (error) {
      options.onError?.(error as Error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 2000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
