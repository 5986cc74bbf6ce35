/**
 * depeches on PostgreSQL, through the same BackendReader as the server
 * (facet counts and snippets included), each build in a fresh database of a
 * throw-away cluster started for the benchmark. Never DATABASE_URL: that is
 * where a reader keeps an archive's index, and a build replaces it. Its index
 * lives in the database: `indexBytes` is the disk size of its tables and
 * indexes, and there is nothing to serialize.
 */
import type { Article } from '../../src/ingest/types.js';
import { createPool, writeArticlesToPostgres } from '../../src/index/postgres/index.js';
import { PostgresBackend } from '../../src/search/postgres/index.js';
import { startPostgresCluster, type PostgresCluster } from '../../tests/helpers/postgres-cluster.js';
import { request } from './depeches.js';
import type { Peer, PeerQuery } from './types.js';

let cluster: Promise<PostgresCluster> | null = null;
let open = 0;

async function freshDatabase(): Promise<string> {
  cluster ??= startPostgresCluster();
  return (await cluster).createDatabase();
}

export interface PostgresPeer extends Peer {
  /** Disk size of the depeches tables and their indexes, in bytes. */
  indexBytes(): Promise<number>;
  close(): Promise<void>;
}

export function postgres(): PostgresPeer {
  let backend: PostgresBackend | null = null;
  return {
    name: 'depeches-postgres',
    extras: 'ranked hits + facet counts + snippets (PostgreSQL FTS)',
    loadsIndex: false,
    async build(articles: Article[]) {
      const url = await freshDatabase();
      open++;
      const pool = createPool(url, { max: 2 });
      try {
        await writeArticlesToPostgres(pool, articles, null);
      } finally {
        await pool.end();
      }
      backend = await PostgresBackend.connect(url);
    },
    async search({ q, speaker }: PeerQuery) {
      return (await backend!.search(request(q, speaker))).hits.map((h) => h.id);
    },
    async serialize() {
      return '';
    },
    async load() {},
    async indexBytes() {
      const result = await backend!.pool.query<{ bytes: string }>(
        "SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'depeches' AND c.relkind = 'r'",
      );
      return Number(result.rows[0].bytes);
    },
    async close() {
      await backend?.close();
      backend = null;
      if (--open === 0 && cluster) {
        const running = cluster;
        cluster = null;
        await (await running).stop();
      }
    },
  };
}
