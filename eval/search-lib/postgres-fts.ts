/**
 * PostgreSQL's own French full-text search as a baseline, not depeches's
 * PostgreSQL backend: one table of title and text, a GIN index on
 * to_tsvector('french', title || ' ' || text), queries read by
 * websearch_to_tsquery('french', q) (every word required, as typed: no
 * accent folding, no typo forgiveness) and ranked by ts_rank_cd, on a
 * throw-away cluster (tests/helpers/postgres-cluster.ts).
 */
import pg from 'pg';
import type { Article } from '../../src/ingest/types.js';
import { postgresBinDir, startPostgresCluster } from '../../tests/helpers/postgres-cluster.js';
import type { RankingSystem } from './systems.js';

/** The system, or why it cannot run here (no PostgreSQL binaries, cluster not starting). */
export async function postgresFtsSystem(articles: readonly Article[]): Promise<RankingSystem | { skipped: string }> {
  try {
    postgresBinDir();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const client = new pg.Client({ connectionString: await cluster.createDatabase() });
  try {
    await client.connect();
    await client.query('CREATE TABLE article (id text PRIMARY KEY, title text NOT NULL, body text NOT NULL, tsv tsvector)');
    for (let start = 0; start < articles.length; start += 200) {
      const batch = articles.slice(start, start + 200);
      const values = batch.map((_, k) => `($${3 * k + 1}, $${3 * k + 2}, $${3 * k + 3})`).join(', ');
      await client.query(`INSERT INTO article (id, title, body) VALUES ${values} ON CONFLICT (id) DO NOTHING`, batch.flatMap((a) => [a.id, a.title, a.text]));
    }
    await client.query(`UPDATE article SET tsv = to_tsvector('french', title || ' ' || body)`);
    await client.query('CREATE INDEX article_tsv ON article USING gin (tsv)');
  } catch (error) {
    await client.end().catch(() => {});
    await cluster.stop();
    throw error;
  }
  const running = cluster;
  return {
    name: 'PostgreSQL FTS (french)',
    async search(q, depth) {
      const result = await client.query<{ id: string }>(
        `SELECT id FROM article, websearch_to_tsquery('french', $1) AS query WHERE tsv @@ query ORDER BY ts_rank_cd(tsv, query) DESC, id LIMIT $2`,
        [q, depth],
      );
      return result.rows.map((r) => r.id);
    },
    async close() {
      await client.end().catch(() => {});
      await running.stop();
    },
  };
}
