import type { BackendWriter, BuildReport } from './types.js';

export interface CorpusWatcher {
  stop(): void;
}

export interface WatchOptions {
  /** Between two checks (default 2 s). */
  intervalMs?: number;
  onRebuild?: (report: BuildReport, reason: string) => void;
  onError?: (error: Error) => void;
}

/**
 * Rebuilds a backend's index whenever its corpus folder changes, one build
 * at a time. It polls (every `intervalMs`) rather than using fs.watch, whose
 * recursive mode is not reliable on every platform Node runs on; a poll is
 * one stat per file, in a worker (src/index/freshness.ts). Readers then
 * serve the new build (BackendReader.follow / refresh).
 */
export function watchCorpus(writer: BackendWriter, corpus: string, options: WatchOptions = {}): CorpusWatcher {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const reason = await writer.rebuildReason(corpus);
      if (reason) options.onRebuild?.(await writer.build(corpus), reason);
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
