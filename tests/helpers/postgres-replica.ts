/**
 * A PostgreSQL primary and a streaming hot standby of it, two throw-away
 * clusters on loopback (tests/helpers/postgres-cluster.ts): the sample
 * corpus is indexed on the primary, and readers are served by the standby
 * once it has replayed the build.
 */
import { createPool, indexCorpusToPostgres, primaryWalPosition, waitForReplay } from '../../src/index/postgres/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { SAMPLE_CORPUS } from './sample-index.js';

export interface ReplicatedDatabase {
  primary: PostgresCluster;
  standby: PostgresCluster;
  /** The database on the primary (written) and the same database on the standby (read). */
  primaryUrl: string;
  standbyUrl: string;
  /** Waits until the standby has replayed everything the primary committed so far. */
  replayed(): Promise<void>;
  stop(): Promise<void>;
}

/** A primary with `corpus` indexed in a fresh database, and a standby that has replayed it. */
export async function startReplicatedDatabase(corpus = SAMPLE_CORPUS): Promise<ReplicatedDatabase> {
  const primary = await startPostgresCluster();
  let standby: PostgresCluster | null = null;
  try {
    const primaryUrl = await primary.createDatabase('archive');
    standby = await startPostgresCluster({ standbyOf: primary });
    const standbyUrl = standby.databaseUrl('archive');
    const writer = createPool(primaryUrl, { max: 2 });
    try {
      await indexCorpusToPostgres(corpus, writer);
    } finally {
      await writer.end();
    }
    const replayed = async () => {
      const [p, s] = [createPool(primary.url, { max: 1 }), createPool(standby!.url, { max: 1 })];
      try {
        await waitForReplay(s, await primaryWalPosition(p));
      } finally {
        await Promise.all([p.end(), s.end()]);
      }
    };
    await replayed();
    const both = { primary, standby };
    return {
      ...both, primaryUrl, standbyUrl, replayed,
      stop: async () => {
        await both.standby.stop();
        await both.primary.stop();
      },
    };
  } catch (error) {
    await standby?.stop();
    await primary.stop();
    throw error;
  }
}

/** A real server on a free port reading the sample index from a standby (written on its primary). */
export async function startReplicaServer(corpus = SAMPLE_CORPUS): Promise<{ server: RunningServer; url: string; database: ReplicatedDatabase; stop: () => Promise<void> }> {
  const database = await startReplicatedDatabase(corpus);
  try {
    const server = await startServer({ databaseUrl: database.standbyUrl, port: 0, watchIndex: false });
    return {
      server, url: server.url, database,
      stop: async () => {
        await server.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
