import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../src/index/index.js';
import { startServer, type RunningServer } from '../src/web/server.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';

let work: string;
let indexDir: string;
let corpus: string;
let server: RunningServer;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-server-'));
  corpus = path.join(work, 'corpus');
  indexDir = path.join(work, 'index');
  await cp(SAMPLE_CORPUS, corpus, { recursive: true });
  await indexCorpus(corpus, indexDir);
  server = await startServer({ indexDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe('HTTP surface', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const response = await fetch(`${server.url}/api/search?q=Lavrov`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('is healthy once an index is loaded', async () => {
    const body = await (await fetch(`${server.url}/healthz`)).json();
    expect(body).toMatchObject({ status: 'ok', documents: 5 });
  });

  it('answers 400 to invalid UTF-8 in the URL and never a stack trace', async () => {
    for (const url of ['/api/search?q=%E9t%E9', '/api/doc/%C3%28', '/search?q=%FF']) {
      const response = await fetch(server.url + url);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/at .+\(.+:\d+:\d+\)|node_modules|\/work\//);
    }
  });
});

describe('reindex while serving', () => {
  it('swaps in a new build without failing a request', { timeout: 60_000 }, async () => {
    const before = server.buildId();
    await writeFile(path.join(corpus, 'nouvelle.txt'), 'Le 2 mars 2023, le ministre Josep Borrell a déclaré à Bruxelles que le dialogue continuait.');
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        const response = await fetch(`${server.url}/api/search?q=ministre`);
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    })();
    const report = await indexCorpus(corpus, indexDir);
    expect(report.filesReused).toBe(5);
    // The server polls for new builds: give a busy machine room.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && server.buildId() === before; ) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await load;
    expect(server.buildId()).toBe(report.buildId);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const body = await (await fetch(`${server.url}/api/search?q=Bruxelles`)).json();
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(['nouvelle']);
  });
});
