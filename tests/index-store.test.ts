import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexLoadError, loadIndex, rebuildReason, saveIndex, buildIndex, readCurrentManifest } from '../src/index/index.js';
import { readCorpus, type Article } from '../src/ingest/index.js';
import { Searcher } from '../src/search/index.js';
import { buildSampleIndex, SAMPLE_CORPUS } from './helpers/sample-index.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await buildSampleIndex()));
afterAll(() => cleanup());

describe('saved index', () => {
  it('loads back the same documents and answers the same searches', async () => {
    const index = await loadIndex(dir);
    expect(index.documents.map((d) => d.id).sort()).toEqual((await readdir(SAMPLE_CORPUS)).map((f) => f.replace(/\.txt$/, '')).sort());
    const found = new Searcher(index).postings.score([{ term: 'tachkent', weight: 1 }]);
    expect([...found.docs].map((n) => index.documents[n].id)).toEqual(['002_7c4669d5fc0d68a3']);
  });

  it('gives back the articles as read, texts included, though texts stay on disk until asked for', async () => {
    const index = await loadIndex(dir);
    const { articles } = await readCorpus(SAMPLE_CORPUS);
    const plain = (list: Article[]) => list.map((a) => JSON.parse(JSON.stringify(a)) as Article).sort((a, b) => a.id.localeCompare(b.id));
    expect(plain(index.documents)).toEqual(plain(articles));
    const first = index.documents[0];
    expect({ ...first }.text).toBe(first.text);
    expect(first.text.length).toBeGreaterThan(500);
  });

  it('refuses a build whose index.bin or catalog is cut short', async () => {
    for (const file of ['index.bin', 'catalog.json']) {
      const { dir: copy, cleanup: drop } = await buildSampleIndex();
      const manifest = await readCurrentManifest(copy);
      const target = path.join(copy, 'builds', manifest!.buildId, file);
      const bytes = await readFile(target);
      await writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(loadIndex(copy)).rejects.toMatchObject({ kind: 'damaged' });
      await drop();
    }
  });

  it('switches builds atomically and keeps the previous one when a new build is half written', async () => {
    const before = await readCurrentManifest(dir);
    // A killed indexer leaves a staging folder behind; the build in service is untouched.
    await writeFile(path.join(dir, 'builds', '.staging-killed'), 'partial');
    expect((await loadIndex(dir)).manifest.buildId).toBe(before!.buildId);
    const index = await loadIndex(dir);
    const next = buildIndex(index.documents, SAMPLE_CORPUS);
    await saveIndex(next, dir);
    expect((await readCurrentManifest(dir))!.buildId).toBe(next.manifest.buildId);
    expect(await readdir(path.join(dir, 'builds'))).not.toContain('.staging-killed');
  });

  it('detects a missing, damaged or foreign-version index', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'depeches-empty-'));
    await expect(loadIndex(empty)).rejects.toMatchObject({ kind: 'missing' });
    expect(await rebuildReason(empty, SAMPLE_CORPUS)).toBe('no index yet');
    const { dir: copy, cleanup: drop } = await buildSampleIndex();
    const manifest = await readCurrentManifest(copy);
    const manifestFile = path.join(copy, 'builds', manifest!.buildId, 'manifest.json');
    await writeFile(manifestFile, JSON.stringify({ ...manifest, analyzerVersion: -1 }));
    await expect(loadIndex(copy)).rejects.toMatchObject({ kind: 'stale' });
    await writeFile(manifestFile, JSON.stringify(manifest));
    const documents = path.join(copy, 'builds', manifest!.buildId, 'documents.jsonl');
    await writeFile(documents, (await readFile(documents, 'utf8')).slice(0, 100));
    const error = await loadIndex(copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).kind).toBe('damaged');
    await drop();
    await rm(empty, { recursive: true });
  });

  it('is fresh right after a build and stale for another corpus', async () => {
    expect(await rebuildReason(dir, SAMPLE_CORPUS)).toBeNull();
    expect(await rebuildReason(dir, tmpdir())).toMatch(/built from/);
  });
});
