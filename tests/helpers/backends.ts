/**
 * The two search backends, for tests that must hold on both: the embedded
 * index (built into a temporary folder) and PostgreSQL (a throw-away cluster,
 * a fresh database, the same corpus indexed into it), each written and read
 * only through the backend factory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openBackend, type BackendReader } from '../../src/search/backends/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { SAMPLE_CORPUS } from './sample-index.js';

export type BackendKind = 'embedded' | 'postgres';
export const BACKENDS: BackendKind[] = ['embedded', 'postgres'];

export interface BackendFixture {
  backend: BackendReader;
  /** Where the index lives: a folder or a database URL. */
  location: { indexDir: string } | { databaseUrl: string };
  stop(): Promise<void>;
}

/** The cluster of this test file, started once and shared by its fixtures. */
let cluster: Promise<PostgresCluster> | null = null;
let users = 0;

export async function sharedCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgresCluster();
  return cluster;
}

export type IndexLocation = { indexDir: string } | { databaseUrl: string };

/** The index of `corpus` built for a backend: a temporary folder, or a fresh database of this file's cluster. */
export async function prepareIndex(kind: BackendKind, corpus = SAMPLE_CORPUS): Promise<{ location: IndexLocation; release: () => Promise<void> }> {
  if (kind === 'embedded') {
    const dir = await mkdtemp(path.join(tmpdir(), 'depeches-index-'));
    await openBackend({ index: dir }).writer.build(corpus);
    return { location: { indexDir: dir }, release: () => rm(dir, { recursive: true, force: true }) };
  }
  users++;
  const release = async () => {
    if (--users === 0 && cluster) {
      const running = cluster;
      cluster = null;
      await (await running).stop();
    }
  };
  try {
    const databaseUrl = await (await sharedCluster()).createDatabase();
    const { writer } = openBackend({ database: databaseUrl });
    try {
      await writer.build(corpus);
    } finally {
      await writer.close();
    }
    return { location: { databaseUrl }, release };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The factory's location of an index. */
export function locationOf(location: IndexLocation): { index?: string; database?: string } {
  return 'indexDir' in location ? { index: location.indexDir } : { database: location.databaseUrl };
}

/** A backend over the index of `corpus`. */
export async function startBackend(kind: BackendKind, corpus = SAMPLE_CORPUS): Promise<BackendFixture> {
  const { location, release } = await prepareIndex(kind, corpus);
  const backend = await openBackend(locationOf(location)).open();
  return {
    backend,
    location,
    stop: async () => {
      await backend.close();
      await release();
    },
  };
}

/** A real server on a free port over the index of `corpus`, as `npm start` serves it. */
export async function startBackendServer(kind: BackendKind, corpus = SAMPLE_CORPUS): Promise<{ server: RunningServer; url: string; stop: () => Promise<void> }> {
  const { location, release } = await prepareIndex(kind, corpus);
  const server = await startServer({ ...location, port: 0, watchIndex: false });
  return {
    server,
    url: server.url,
    stop: async () => {
      await server.close();
      await release();
    },
  };
}
