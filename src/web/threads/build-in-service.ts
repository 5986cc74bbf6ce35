import { loadIndex, type LoadedSharedBuild, type SharedBuild } from '../../index/index.js';
import { buildSearchTables, type SearchTables } from '../../search/index.js';
import { collectGarbage } from './collect-garbage.js';

/*
 * A build as the front thread serves it to its workers: read once for
 * sharing (src/index/shared-build.ts) and with the search tables every
 * worker would make alike (searcher.ts `SearchTables`: facet table,
 * quotations' speakers, entity columns), made here once per build in
 * SharedArrayBuffers (at 100 000 articles, 25 MB of each worker's memory
 * before, 1 MB after).
 */
export interface BuildInService extends LoadedSharedBuild {
  /** Absent when making them failed: each worker then makes its own. */
  tables?: SearchTables;
}

/** What a worker is sent of a build read for sharing: its shared arrays, not the promise of its checks. */
const sharedOf = ({ build, sections, quotes, catalog }: LoadedSharedBuild): SharedBuild => ({ build, sections, quotes, catalog });

/** What a worker is sent of a build: its shared arrays and its tables. */
export const buildOf = (next: BuildInService): { shared: SharedBuild; tables?: SearchTables } => ({ shared: sharedOf(next), tables: next.tables });

type Log = (level: 'info' | 'error', event: string, fields: Record<string, unknown>) => void;

/** `next` with its tables made (over an index of it loaded here, dropped once they are): without them when that fails. */
export async function withTables(log: Log, indexDir: string, next: LoadedSharedBuild): Promise<BuildInService> {
  try {
    const tables = buildSearchTables(await loadIndex(indexDir, sharedOf(next)));
    // The transient heap (the index's objects, the tables' scratch) not left committed in this thread.
    collectGarbage();
    return Object.assign(next, { tables });
  } catch (error) {
    log('error', 'index-tables-failed', { build: next.build, error: (error as Error).message.split('\n')[0] });
    return next;
  }
}
