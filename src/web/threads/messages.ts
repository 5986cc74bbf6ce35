/** What the serving threads and their front thread tell each other (threaded-server.ts, serving-worker.ts). */
import type { SharedBuild } from '../../index/index.js';
import type { SearchTables } from '../../search/index.js';
import type { ConnectionLimits } from '../limits.js';

/** A worker's start: what it serves, and how the front is reached. */
export interface WorkerStart {
  workerId: number;
  /** Serving threads in all (they share the caches' memory budget). */
  threads: number;
  /** The embedded backend: the index folder and the build in service, its arrays shared ... */
  indexDir?: string;
  shared?: SharedBuild;
  /** The tables of `shared` the front thread made once for every worker (searcher.ts `SearchTables`). */
  tables?: SearchTables;
  /** ... or PostgreSQL: each worker opens its own pool (and follows new builds itself). */
  database?: string;
  replica?: string;
  front: { host: string; port: number };
  baseUrl?: string;
  limits?: Partial<ConnectionLimits>;
  /** Started while the front thread still reads the build, so that its modules load meanwhile: `shared` and `front` come in a `serve` message. */
  waits?: boolean;
}

export type ToWorker =
  /** To a thread that `waits`: the build to serve first, and the front's address (answer `ready`). */
  | { kind: 'serve'; shared: SharedBuild; tables?: SearchTables; front: { host: string; port: number } }
  /** Serve this build from now on (answer `swapped`). */
  | { kind: 'swap'; shared: SharedBuild; tables?: SearchTables }
  /** Finish the requests in flight and stop (answer `closed`). */
  | { kind: 'close' };

export type FromWorker =
  /** `sharedTables`: its search tables are those the front thread made (searcher.ts `SearchTables`). `heapMb`: this thread's own JavaScript heap when it starts serving (its build loaded, not yet warmed). */
  | { kind: 'ready'; port: number; build: string; sharedArrays: boolean; sharedTables: boolean; heapMb: number }
  | { kind: 'start-failed'; error: string }
  | { kind: 'swapped'; build: string }
  | { kind: 'swap-failed'; build: string; error: string }
  /** The build in service is damaged (a read failed): the front thread recovers and sends a build. */
  | { kind: 'damaged'; build: string; error: string }
  | { kind: 'closed' };
