/**
 * Issue 17, while serving: documents.jsonl cut short or changed under a
 * running server. Before, every search answered 500 while /healthz said ok,
 * forever. Now the read error marks the index damaged: /healthz and searches
 * answer 503 (with Retry-After), and the server recovers on its own: it
 * rebuilds from the corpus when it can, else serves the previous build.
 */
import { mkdtemp, open, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server over a real index of a small corpus; with `rebuildGate`, it rebuilds from the corpus once the gate opens. */
async function setUp(options: { rebuildGate?: Promise<void>; builds: number }): Promise<{ server: RunningServer; corpus: string; dir: string }> {
  const corpus = await writeCorpus(SMALL_ARTICLES);
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-damage-'));
  for (let k = 0; k < options.builds; k++) await indexCorpus(corpus, dir, { threads: 0 });
  const gate = options.rebuildGate;
  const rebuild = gate ? () => gate.then(() => indexCorpus(corpus, dir, { threads: 0 })).then(() => undefined) : undefined;
  const server = await startServer({ indexDir: dir, port: 0, rebuild });
  cleanups.push(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(corpus, { recursive: true, force: true });
  });
  return { server, corpus, dir };
}

async function documentsFile(dir: string, build: string): Promise<string> {
  expect(await readdir(path.join(dir, 'builds'))).toContain(build);
  return path.join(dir, 'builds', build, 'documents.jsonl');
}

/** Polls `url` until it answers `status`, or fails after `tries` (generous: a loaded machine). */
async function waitForStatus(url: string, status: number, tries = 300): Promise<Response> {
  let last: Response | null = null;
  for (let k = 0; k < tries; k++) {
    last = await fetch(url);
    if (last.status === status) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} still answers ${last?.status} instead of ${status}`);
}

describe('documents.jsonl damaged while served', () => {
  it('cut short: 503 (never 500) and an unhealthy /healthz, then a rebuild from the corpus serves again', async () => {
    let open!: () => void;
    const { server, dir } = await setUp({ rebuildGate: new Promise<void>((resolve) => (open = resolve)), builds: 1 });
    const damagedBuild = server.buildId();
    const search = `${server.url}/api/search?q=traminots`;
    expect((await fetch(search)).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await truncate(await documentsFile(dir, damagedBuild), 10);

    const failed = await fetch(`${server.url}/api/search?q=lavande`);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    // Until the rebuild is done, the damaged build is served no more: unhealthy, and every request a 503.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'damaged' });
    expect((await fetch(`${server.url}/doc/a1`)).status).toBe(503);
    open();

    const recovered = await waitForStatus(`${server.url}/healthz`, 200);
    expect(((await recovered.json()) as { build: string }).build).not.toBe(damagedBuild);
    const again = await fetch(`${server.url}/api/search?q=lavande`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { hits: { id: string; snippet: string }[] }).hits[0]).toMatchObject({ id: 'a3' });
  }, 90_000);

  it('changed in place (same size): detected on read, then the previous build is served when there is no corpus', async () => {
    const { server, dir } = await setUp({ builds: 2 });
    const damagedBuild = server.buildId();
    const file = await documentsFile(dir, damagedBuild);
    const { size } = await stat(file);
    const handle = await open(file, 'r+');
    // Every text byte of the file changed, same size: a page of any article reads changed bytes.
    const bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
    for (let k = 0; k < size; k++) if (bytes[k] >= 0x61 && bytes[k] <= 0x7a) bytes[k] = bytes[k] === 0x7a ? 0x61 : bytes[k] + 1;
    await handle.write(bytes, 0, size, 0);
    await handle.close();

    const page = await fetch(`${server.url}/doc/a1`);
    expect(page.status).toBe(503);
    expect(await page.text()).not.toMatch(/Valmorin|Wbmnpsjo/);
    expect((await fetch(`${server.url}/healthz`)).status === 503 || server.damage() === null).toBe(true);

    const recovered = await waitForStatus(`${server.url}/healthz`, 200);
    const served = ((await recovered.json()) as { build: string }).build;
    expect(served).not.toBe(damagedBuild);
    const doc = await fetch(`${server.url}/api/doc/a1`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { text: string }).text).toContain('Valmorin');
  }, 90_000);

  it('cut short with no request reading it: /healthz itself notices (a size check at most once a second)', async () => {
    let open!: () => void;
    const { server, dir } = await setUp({ rebuildGate: new Promise<void>((resolve) => (open = resolve)), builds: 1 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await truncate(await documentsFile(dir, server.buildId()), 0);
    const unhealthy = await waitForStatus(`${server.url}/healthz`, 503, 50);
    expect(await unhealthy.json()).toEqual({ status: 'damaged' });
    open();
    await waitForStatus(`${server.url}/healthz`, 200);
    expect((await fetch(`${server.url}/api/search?q=lavande`)).status).toBe(200);
  }, 90_000);
});
