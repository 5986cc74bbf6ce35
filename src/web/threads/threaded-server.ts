/**
 * One index served by several threads (`serve --threads N`). This thread
 * reads each build once, its big arrays (postings, positions, lengths,
 * offsets) in SharedArrayBuffers (src/index/shared-build.ts), and starts N
 * worker threads that each run the real server over those same arrays
 * (serving-worker.ts): their own caches, no copy of the index. The search
 * tables every worker would make alike (facet table, quotations' speakers,
 * entity columns: build-in-service.ts) are made here once per build,
 * in SharedArrayBuffers too, and sent with it.
 * This thread accepts the connections on the public port and pipes each to
 * a worker (front.ts). The first worker starts before the build is read, so
 * that its modules load while this thread reads, and is sent the build.
 * The first build is served before the SHA-256 of index.bin and
 * documents.jsonl is known (index.bin's sections are checked by their
 * CRC-32 as read, each text by its own when read): a mismatch found then is
 * recovered as a damage reported by a worker.
 *
 * Hot swaps: a new build in service is read into new shared buffers, sent
 * to every worker, which loads and warms it and swaps it in between
 * requests, then acknowledges; once all have, the old buffers have no
 * holder left and are collected. A worker that stops is started again on
 * the build in service. With PostgreSQL each worker opens its own pool and
 * follows new builds itself (nothing to share).
 */
import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { IndexLoadError, readCurrentManifest, readServableSharedBuild, readSharedBuild } from '../../index/index.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { ServerOptions } from '../server.js';
import { buildOf, withTables, type BuildInService } from './build-in-service.js';
import { collectGarbage } from './collect-garbage.js';
import { createFront, type Upstream } from './front.js';
import type { FromWorker, ToWorker, WorkerStart } from './messages.js';
import { startServingThread } from './start-thread.js';

const log = (level: 'info' | 'error', event: string, fields: Record<string, unknown>) =>
  (level === 'info' ? console.log : console.error)(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));

/** As startServer's options (the backend's location, address, swaps, rebuild, limits), plus the threads and a replica as for openBackend. */
export interface ThreadedServerOptions extends Pick<ServerOptions, 'indexDir' | 'databaseUrl' | 'port' | 'host' | 'baseUrl' | 'watchIndex' | 'rebuild' | 'limits'> {
  threads: number;
  replica?: string;
}

export interface ThreadedServer {
  url: string;
  threads: number;
  /** The build every worker serves (the embedded backend), or the one the first worker reported. */
  buildId(): string;
  /** Bytes of the arrays the workers share (0 with PostgreSQL). */
  sharedBytes(): number;
  /** Stops serving thread `id` as a crash would (its waiting requests are answered 503); it is started again on the build in service. */
  stopThread(id: number): Promise<void>;
  close(): Promise<void>;
}

interface Slot extends Upstream {
  worker: Worker | null;
  build: string | null;
  /** Starts in a row that stopped before serving, for the restart delay. */
  failures: number;
}

/** Restart delays grow with the starts that failed in a row, up to this. */
const MAX_RESTART_DELAY_MS = 10_000;

/** An index.bin from this size on is served by one thread per core unless --threads says otherwise. */
const THREADED_INDEX_BYTES = 64 * 2 ** 20;

/**
 * Threads to serve with when none is asked for: one per core for an index
 * folder whose build in service is large enough to keep one thread busy
 * (below, a thread's own memory costs more than it serves), else 1 (and
 * always 1 for a database, whose searches run in PostgreSQL).
 */
export async function defaultThreads(location: { index?: string; database?: string }): Promise<number> {
  if (location.database || !location.index) return 1;
  const bytes = (await readCurrentManifest(location.index))?.files?.['index.bin']?.bytes ?? 0;
  return bytes >= THREADED_INDEX_BYTES ? availableParallelism() : 1;
}

export async function startThreadedServer(options: ThreadedServerOptions): Promise<ThreadedServer> {
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const database = options.databaseUrl;
  const indexDir = database ? undefined : options.indexDir;
  if (!database && !indexDir) throw new Error('a server needs an index folder or a database URL');
  let current: BuildInService | null = null;
  let closing = false;
  let publicPort = options.port;
  const slots: Slot[] = Array.from({ length: options.threads }, (_, id) => ({ id, port: null, active: 0, worker: null, build: null, failures: 0 }));
  const listeners = new Set<(slot: Slot, message: FromWorker) => void>();

  /** `waits`: started before the build is read, which is sent to it once read (`serve`). */
  const startSlot = (slot: Slot, waits = false): Promise<void> =>
    new Promise((resolve, reject) => {
      // The build in service when it starts (a build swapped in later reaches it as a `swap`).
      const worker = startServingThread({
        workerId: slot.id,
        threads: options.threads,
        indexDir,
        waits,
        ...(current && !waits ? buildOf(current) : {}),
        database,
        replica: options.replica,
        front: { host, port: publicPort },
        baseUrl: options.baseUrl,
        limits: options.limits,
      } satisfies WorkerStart);
      slot.worker = worker;
      let settled = false;
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'ready') {
          slot.port = message.port;
          slot.build = message.build;
          slot.failures = 0;
          log('info', 'thread-ready', { worker: slot.id, build: message.build, sharedArrays: message.sharedArrays, sharedTables: message.sharedTables, heapMb: message.heapMb });
          settled = true;
          resolve();
        } else if (message.kind === 'start-failed') {
          settled = true;
          reject(new Error(message.error));
          void worker.terminate();
        } else if (message.kind === 'swapped') slot.build = message.build;
        // A damage of a build already replaced (reported late) needs nothing more.
        else if (message.kind === 'damaged' && message.build === current?.build) void recover(message.error);
        for (const listener of listeners) listener(slot, message);
      });
      worker.on('error', (error) => log('error', 'thread-error', { worker: slot.id, error: error.message.split('\n')[0] }));
      worker.on('exit', (code) => {
        slot.port = null;
        slot.worker = null;
        for (const listener of listeners) listener(slot, { kind: 'closed' });
        if (!settled) reject(new Error(`serving thread ${slot.id} stopped before serving (exit code ${code})`));
        if (closing) return;
        // Started again on the build in service; its connections were answered by the front (503 at worst).
        const delay = Math.min(MAX_RESTART_DELAY_MS, 100 * 2 ** slot.failures++);
        log('error', 'thread-stopped', { worker: slot.id, exitCode: code, restartInMs: delay });
        setTimeout(() => void (closing ? null : startSlot(slot).catch((error: Error) => log('error', 'thread-start-failed', { worker: slot.id, error: error.message }))), delay).unref();
      });
    });

  /** Waits until every running worker answered `kind` for `build` (a worker that stops meanwhile restarts on the build in service). */
  const acknowledged = (build: string, send: (slot: Slot) => void): Promise<string[]> =>
    new Promise((resolve) => {
      const waiting = new Set(slots.filter((s) => s.worker !== null));
      const failures: string[] = [];
      const listener = (slot: Slot, message: FromWorker) => {
        if (!waiting.has(slot)) return;
        if (message.kind === 'swap-failed' && message.build === build) failures.push(`thread ${slot.id}: ${message.error}`);
        else if (!(message.kind === 'swapped' && message.build === build) && message.kind !== 'closed') return;
        waiting.delete(slot);
        if (waiting.size === 0) done();
      };
      const done = () => {
        listeners.delete(listener);
        resolve(failures);
      };
      listeners.add(listener);
      for (const slot of waiting) send(slot);
      if (waiting.size === 0) done();
    });

  /** A worker found the build in service damaged, and no whole build was installed since. */
  let damaged = false;
  /** Sends `next` to every worker; resolves once all serve it. */
  const install = async (next: BuildInService, event: string): Promise<void> => {
    current = next;
    damaged = false;
    const failures = await acknowledged(next.build, (slot) => slot.worker!.postMessage({ kind: 'swap', ...buildOf(next) }));
    // The previous build's objects in this thread are the last holders of its buffers but for requests in flight.
    collectGarbage();
    if (failures.length > 0) log('error', 'index-swap-failed', { build: next.build, errors: failures });
    else log('info', event, { build: next.build, documents: next.manifest.documentCount, threads: slots.length });
  };

  let loading: Promise<void> | null = null;
  let again = false;
  const reload = (): Promise<void> => {
    if (!indexDir) return Promise.resolve();
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      try {
        do {
          again = false;
          const next = await readSharedBuild(indexDir);
          if (next.build !== current?.build) await install(await withTables(log, indexDir, next), 'index-swapped');
        } while (again);
      } catch (error) {
        log('error', 'index-reload-failed', { error: (error as Error).message });
      } finally {
        loading = null;
      }
    })();
    return loading;
  };

  let recovering = false;
  const recover = async (why: string, delayMs = 1000): Promise<void> => {
    damaged = true;
    if (recovering || !indexDir || closing) return;
    recovering = true;
    try {
      // The workers log the damage they found; this thread rebuilds, then serves the newest build that reads whole.
      if (options.rebuild) await options.rebuild().catch((error: Error) => log('error', 'index-rebuild-failed', { error: error.message.split('\n')[0] }));
      const next = await readServableSharedBuild(indexDir, (refused) => log('error', 'index-refused', { error: refused.message }));
      // The rebuild's new build may have been swapped in already (the folder is watched).
      if (damaged) await install(await withTables(log, indexDir, next), 'index-recovered');
    } catch (error) {
      log('error', 'index-recovery-failed', { error: (error as Error).message.split('\n')[0], retryInMs: delayMs });
      setTimeout(() => void recover(why, Math.min(delayMs * 2, 60_000)), delayMs).unref();
    } finally {
      recovering = false;
    }
  };

  // The first thread starts at once and loads its modules while this one reads the build.
  const firstStarted = indexDir ? startSlot(slots[0], true) : null;
  firstStarted?.catch(() => {});
  const front = createFront(slots, limits.maxConnections);
  try {
    // Served before its big files are hashed, those hashes checked in the background (below).
    if (indexDir) current = await withTables(log, indexDir, await readSharedBuild(indexDir, undefined, { hashes: 'later' }));
    // Listening first, so that the workers know the public port (for absolute URLs).
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(options.port, host, () => {
        front.off('error', reject);
        resolve();
      });
    });
    publicPort = (front.address() as AddressInfo).port;
    // One after the other: each load's transient heap (the catalog parsed) is collected before the next begins, so that starting
    // N threads does not take N loads' worth of memory at once (a second or two more per thread at 100 000 articles).
    if (firstStarted && current) {
      slots[0].worker?.postMessage({ kind: 'serve', ...buildOf(current), front: { host, port: publicPort } } satisfies ToWorker);
      await firstStarted;
    }
    for (const slot of slots) if (!firstStarted || slot !== slots[0]) await startSlot(slot);
  } catch (error) {
    closing = true;
    front.close();
    await Promise.all(slots.map((s) => s.worker?.terminate()));
    throw error instanceof IndexLoadError ? error : new Error((error as Error).message);
  }

  // A first build whose big files fail their hash is recovered as when a worker finds it damaged (builds swapped in later are checked whole first).
  const first = current;
  first?.filesChecked.catch((error: Error) => {
    if (closing || current !== first) return;
    log('error', 'index-damaged', { build: first.build, error: error.message });
    void recover(error.message);
  });

  let watcher: FSWatcher | null = null;
  if (indexDir && options.watchIndex !== false) {
    watcher = watch(indexDir, (_event, file) => {
      if (file === 'current.json') void reload();
    });
    watcher.unref();
  }

  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${publicPort}`,
    threads: slots.length,
    buildId: () => current?.build ?? slots.find((s) => s.build)?.build ?? '',
    sharedBytes: () => current?.sharedBytes ?? 0,
    stopThread: async (id) => {
      await slots[id]?.worker?.terminate();
    },
    close: async () => {
      closing = true;
      watcher?.close();
      const frontClosed = new Promise<void>((resolve) => front.close(() => resolve()));
      // Each worker finishes its requests in flight, then stops; the front closes with their connections.
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          if (!worker) return;
          await new Promise<void>((resolve) => {
            const listener = (s: Slot, message: FromWorker) => {
              if (s === slot && message.kind === 'closed') resolve();
            };
            listeners.add(listener);
            worker.postMessage({ kind: 'close' });
          });
          await worker.terminate();
        }),
      );
      await frontClosed;
    },
  };
}
