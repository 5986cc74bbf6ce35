/**
 * Issue 17, slow clients: about 20 000 half-sent requests took the server
 * down for ~18 s, as nothing capped connections and slow sockets were
 * cleared only every 30 s whatever the 10 s header timeout. Now open
 * connections are capped (maxConnections) and the header timeout is
 * enforced every second. Counted, not timed: which sockets the server
 * closed, and whether a normal request then succeeds.
 */
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type ConnectionLimits } from '../../src/web/server.js';
import { SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';

let corpus: string;
let dir: string;

beforeAll(async () => {
  corpus = await writeCorpus(SMALL_ARTICLES);
  dir = await mkdtemp(path.join(tmpdir(), 'depeches-connections-'));
  await indexCorpus(corpus, dir, { threads: 0 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(corpus, { recursive: true, force: true });
});

/** Opens `count` sockets to `url`, each sending half a request header. Resolves once all are connected or closed. */
async function halfOpen(url: string, count: number): Promise<{ sockets: Socket[]; closed: () => number }> {
  const { hostname, port } = new URL(url);
  let closed = 0;
  const sockets: Socket[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect({ host: hostname, port: Number(port) });
          sockets.push(socket);
          socket.on('error', () => undefined);
          // Read what the server sends (a 408, its end), so that its closing is seen here.
          socket.resume();
          socket.on('close', () => {
            closed++;
            resolve();
          });
          socket.on('connect', () => {
            socket.write('GET /search?q=valmorin HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow');
            resolve();
          });
        }),
    ),
  );
  return { sockets, closed: () => closed };
}

async function waitUntil(condition: () => boolean, tries = 300): Promise<boolean> {
  for (let k = 0; k < tries && !condition(); k++) await new Promise((r) => setTimeout(r, 100));
  return condition();
}

async function serve(limits: Partial<ConnectionLimits>) {
  return startServer({ indexDir: dir, port: 0, watchIndex: false, limits });
}

describe('a burst of half-open connections', () => {
  it('is cleared at the header timeout, after which a normal request succeeds', async () => {
    const headersTimeoutMs = 2000;
    const server = await serve({ headersTimeoutMs, maxConnections: 3000 });
    try {
      const burst = await halfOpen(server.url, 2000);
      // Under the cap: a normal request is served while the burst is held.
      expect((await fetch(`${server.url}/api/search?q=lavande`)).status).toBe(200);
      // Every slow socket closed by the server within a few header timeouts (Node's default check runs every 30 s).
      const cleared = await waitUntil(() => burst.closed() === 2000, (headersTimeoutMs * 6) / 100);
      expect(cleared, `${burst.closed()} of 2000 slow sockets closed after ${headersTimeoutMs * 6} ms`).toBe(true);
      const after = await fetch(`${server.url}/healthz`);
      expect(after.status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('beyond maxConnections is refused at once, and the server serves again once they leave', async () => {
    const maxConnections = 300;
    // A header timeout far away: every socket closed now is closed by the cap.
    const server = await serve({ headersTimeoutMs: 120_000, requestTimeoutMs: 120_000, maxConnections });
    try {
      const burst = await halfOpen(server.url, 2 * maxConnections);
      const capped = await waitUntil(() => burst.closed() >= maxConnections);
      expect(capped, `${burst.closed()} of ${2 * maxConnections} sockets refused with a cap of ${maxConnections}`).toBe(true);
      expect(burst.closed()).toBeLessThanOrEqual(maxConnections + 5);
      for (const socket of burst.sockets) socket.destroy();
      let status = 0;
      for (let k = 0; k < 50 && status !== 200; k++) {
        status = await fetch(`${server.url}/healthz`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);
});
