/**
 * The build in service of an index folder (the embedded backend): swaps in
 * each new build once fully loaded (requests keep the old index until the
 * new one is ready, so none fails or sees half an index; a build that fails
 * to load is logged and ignored), and recovers from a build damaged while
 * served: marked damaged at once (health checks and requests answer 503),
 * rebuilt when it can (`rebuild`), then the newest build that loads whole
 * is served. Events are logged as one JSON line each, as the server's.
 */
import { watch, type FSWatcher } from 'node:fs';
import { checkDocumentsFile, IndexReadError, loadIndex, loadServableIndex } from '../../index/index.js';
import { warmSearch, warmSearchInSteps } from '../warm-up.js';
import { Searcher } from '../searcher.js';

const log = (level: 'info' | 'error', event: string, fields: Record<string, unknown>) =>
  (level === 'info' ? console.log : console.error)(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));

export class ServedIndex {
  private loading: Promise<void> | null = null;
  private again = false;
  private recovering = false;
  damage: string | null = null;
  private watcher: FSWatcher | null = null;
  private retry: NodeJS.Timeout | null = null;
  private probedAt = 0;

  /** `indexDir` null: a build loaded by the caller, never swapped (tests, benchmarks). */
  constructor(
    private readonly indexDir: string | null,
    /** The Searcher of the build in service: a swap replaces it whole, and the old build's tables go with the old one. */
    public current: Searcher,
    private readonly rebuild?: () => Promise<void>,
    /** A thread serving builds that another thread loads (src/web/threads/): a damaged build is reported to it rather than recovered here. */
    private readonly reportDamage?: (message: string) => void,
  ) {}

  /** Serves a build loaded elsewhere (by the thread that shares its arrays), the damage of the previous one forgotten. */
  install(next: Searcher): void {
    this.current = next;
    this.damage = null;
  }

  /** Reloads whenever the folder's pointer to its build in service changes. */
  watch(): void {
    if (!this.indexDir || this.watcher) return;
    this.watcher = watch(this.indexDir, (_event, file) => {
      if (file === 'current.json') void this.reload();
    });
    this.watcher.unref();
  }

  /** Loads the folder's build in service and swaps it in when it is another one (or the current one is damaged); resolves once the newest build is served. */
  reload(): Promise<void> {
    if (!this.indexDir) return Promise.resolve();
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    const dir = this.indexDir;
    this.loading = (async () => {
      try {
        do {
          this.again = false;
          const next = new Searcher(await loadIndex(dir));
          // Readers keep the current build meanwhile, answered between the steps: the new one is warmed whole before the swap.
          await warmSearchInSteps(next);
          if (next.manifest.buildId !== this.current.manifest.buildId || this.damage) this.swap(next);
        } while (this.again);
      } catch (error) {
        log('error', 'index-reload-failed', { error: (error as Error).message });
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private swap(next: Searcher): void {
    this.current = next;
    if (this.damage) log('info', 'index-recovered', { build: next.manifest.buildId, documents: next.documents.length });
    else log('info', 'index-swapped', { build: next.manifest.buildId, documents: next.documents.length });
    this.damage = null;
  }

  /** The damage of the build in service, its documents file checked by size at most once a second (so a health probe sees a file cut short before any read does). */
  probe(): string | null {
    const now = Date.now();
    if (!this.damage && now - this.probedAt >= 1000) {
      this.probedAt = now;
      try {
        checkDocumentsFile(this.current.documents);
      } catch (error) {
        if (error instanceof IndexReadError) this.damaged(error);
        else throw error;
      }
    }
    return this.damage;
  }

  /** Called on a read error of the build in service: serve nothing of it until a build that loads whole replaces it. */
  damaged(error: Error): void {
    if (this.damage) return;
    this.damage = error.message;
    log('error', 'index-damaged', { build: this.current.manifest.buildId, error: error.message });
    if (this.reportDamage) this.reportDamage(error.message);
    else void this.recover(1000);
  }

  private async recover(delayMs: number): Promise<void> {
    if (this.recovering || !this.indexDir) return;
    this.recovering = true;
    try {
      // A failed rebuild (full disk) still leaves an earlier build to serve.
      if (this.rebuild) await this.rebuild().catch((error: Error) => log('error', 'index-rebuild-failed', { error: error.message.split('\n')[0] }));
      // Every file checked: the damaged build is served again only once restored whole.
      const next = new Searcher(await loadServableIndex(this.indexDir, (refused) => log('error', 'index-refused', { error: refused.message })));
      warmSearch(next);
      if (this.damage) this.swap(next);
    } catch (error) {
      log('error', 'index-recovery-failed', { error: (error as Error).message.split('\n')[0], retryInMs: delayMs });
      // Retried with growing delays (a rebuild may need space freed, a folder restored).
      this.retry = setTimeout(() => void this.recover(Math.min(delayMs * 2, 60_000)), delayMs);
      this.retry.unref();
    } finally {
      this.recovering = false;
    }
  }

  close(): void {
    this.watcher?.close();
    if (this.retry) clearTimeout(this.retry);
  }
}
