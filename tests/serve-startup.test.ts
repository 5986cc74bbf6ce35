/**
 * How `serve` starts on a saved build (src/cli.ts): it answers from the
 * build first and looks for corpus changes after, then swaps a rebuild in;
 * the big files of a build shared by threads are hashed while it is served
 * (index.bin's sections checked by their CRC-32 as read), and a build that
 * fails either check is still rebuilt.
 */
import { cp, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurrentManifest } from '../src/index/index.js';
import { SAMPLE_CORPUS } from './helpers/sample-index.js';
import { runCli, serveCli } from './helpers/serving-process.js';

let work: string;
beforeAll(async () => (work = await mkdtemp(path.join(tmpdir(), 'depeches-startup-'))));
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the samples and its index, built by the CLI. */
async function indexedCopy(name: string): Promise<{ corpus: string; indexDir: string; build: string }> {
  const corpus = path.join(work, `${name}-corpus`);
  const indexDir = path.join(work, `${name}-index`);
  await cp(SAMPLE_CORPUS, corpus, { recursive: true });
  expect((await runCli('index', '--corpus', corpus, '--out', indexDir)).code).toBe(0);
  return { corpus, indexDir, build: (await readCurrentManifest(indexDir))!.buildId };
}

const total = async (url: string, q: string) => ((await (await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`)).json()) as { total: number }).total;
const servedBuild = async (url: string) => ((await (await fetch(`${url}/healthz`)).json()) as { build: string }).build;

describe('serve on a saved build', () => {
  for (const threads of ['1', '2']) {
    it(`with --threads ${threads}, answers from it, then finds the corpus changed and swaps the rebuild in`, async () => {
      const { corpus, indexDir, build } = await indexedCopy(`changed-${threads}`);
      await writeFile(path.join(corpus, 'ajout.txt'), 'Un ajout\n\nLe 4 avril 2024, Ysaline Korbevan a déclaré que la digue tiendrait.');
      const server = await serveCli(['--threads', threads, '--index', indexDir, '--corpus', corpus, '--port', '0']);
      try {
        // The added article comes with the rebuild, swapped in while serving (a swap, not a build before listening).
        await expect.poll(() => total(server.url, 'Korbevan'), { timeout: 90_000, interval: 300 }).toBe(1);
        // With threads, the workers swap one after the other: each answers from its build until it has.
        await expect.poll(() => servedBuild(server.url), { timeout: 60_000, interval: 300 }).not.toBe(build);
        expect(server.output()).toMatch(/building the index of .* \(corpus changed since the last build\)/);
        await expect.poll(() => server.output(), { timeout: 60_000, interval: 300 }).toMatch(/"event":"index-swapped"/);
        expect(await total(server.url, 'ministre')).toBeGreaterThan(0);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }, 180_000);
  }

  it('with threads, refuses a build whose index.bin has a flipped byte (its section fails its CRC-32) and rebuilds it first', async () => {
    const { corpus, indexDir, build } = await indexedCopy('flipped-index');
    const file = path.join(indexDir, 'builds', build, 'index.bin');
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    const byte = Buffer.alloc(1);
    // Past the header, in the sections.
    const at = size - 16;
    await handle.read(byte, 0, 1, at);
    await handle.write(Buffer.from([byte[0] ^ 0x10]), 0, 1, at);
    await handle.close();
    const server = await serveCli(['--threads', '2', '--index', indexDir, '--corpus', corpus, '--port', '0']);
    try {
      expect(server.output()).toMatch(/rebuilding the index of .* \(index build \S+ is damaged \(.*index\.bin.*\)\)/);
      expect(await servedBuild(server.url)).not.toBe(build);
      expect(await total(server.url, 'ministre')).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);

  it('with threads, serves a build whose documents.jsonl fails its hash until the rebuild replaces it', async () => {
    const { corpus, indexDir, build } = await indexedCopy('flipped');
    // One byte of the first line's title changed, the size kept: no text read checks it (each text has a CRC-32 of its own,
    // the metadata is served from the catalog), only the whole file's hash sees it.
    const handle = await open(path.join(indexDir, 'builds', build, 'documents.jsonl'), 'r+');
    const byte = Buffer.alloc(1);
    const at = (await handle.read(Buffer.alloc(64), 0, 64, 0)).buffer.toString('latin1').indexOf('"title":"') + 10;
    await handle.read(byte, 0, 1, at);
    await handle.write(Buffer.from([byte[0] ^ 0x01]), 0, 1, at);
    await handle.close();
    const server = await serveCli(['--threads', '2', '--index', indexDir, '--corpus', corpus, '--port', '0']);
    try {
      await expect.poll(() => servedBuild(server.url), { timeout: 90_000, interval: 300 }).not.toBe(build);
      expect(server.output()).toMatch(/"event":"index-damaged".*documents\.jsonl fails its checksum/);
      // Swapped in as the folder changes, or installed by the recovery, whichever comes first.
      await expect.poll(() => server.output(), { timeout: 30_000, interval: 200 }).toMatch(/"event":"index-(swapped|recovered)"/);
      expect(await total(server.url, 'ministre')).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);
});
