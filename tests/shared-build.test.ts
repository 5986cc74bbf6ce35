/**
 * A build read once for several threads (src/index/shared-build.ts): its
 * arrays, the catalog and its quotations in SharedArrayBuffers, loaded by a
 * thread into the same articles, quotations and search results as a build
 * loaded alone, and refused in one line when a file changed.
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, IndexLoadError, loadIndex, quoteOutlines, readCurrentManifest, readSharedBuild } from '../src/index/index.js';
import { buildSearchTables, entityProfile, entitySlug, search, Searcher } from '../src/search/index.js';
import { SAMPLE_CORPUS, request } from './helpers/sample-index.js';

let work: string;
let indexDir: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-shared-'));
  const corpus = path.join(work, 'corpus');
  await cp(SAMPLE_CORPUS, corpus, { recursive: true });
  await cp(path.resolve('tests/fixtures/quotes-corpus'), path.join(corpus, 'quotes'), { recursive: true });
  indexDir = path.join(work, 'index');
  await indexCorpus(corpus, indexDir);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a shared build', () => {
  it('holds its arrays and quotations in shared memory, and loads into what a build loaded alone gives', async () => {
    const shared = await readSharedBuild(indexDir);
    const numeric = [...shared.sections.values()].filter((s) => typeof s !== 'string');
    expect(numeric.length).toBeGreaterThan(5);
    for (const section of numeric) expect((section as Int32Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const column of [shared.quotes.first, shared.quotes.start, shared.quotes.speaker, shared.quotes.direct, shared.quotes.positions]) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The catalog too, packed once for every thread (packed-catalog.ts).
    for (const column of [shared.catalog.strings.title.bytes, shared.catalog.strings.id.offsets, shared.catalog.lists.speakers.ids, shared.catalog.idSlots]) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.quotes.start.length).toBeGreaterThan(0);

    const alone = await loadIndex(indexDir);
    const fromShared = await loadIndex(indexDir, shared);
    expect(fromShared.compact.postings.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(JSON.stringify(fromShared.documents)).toBe(JSON.stringify(alone.documents));
    const quoted = alone.documents.filter((d) => d.quotes.length > 0);
    expect(quoted.length).toBeGreaterThan(0);
    for (let n = 0; n < alone.documents.length; n++) expect(quoteOutlines(fromShared.documents[n])).toEqual(quoteOutlines(alone.documents[n]));
    for (const q of ['ministre', 'pont', '"le port"']) {
      const a = search(new Searcher(alone), request({ q }));
      const b = search(new Searcher(fromShared, undefined, 2), request({ q }));
      expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
      expect(b.total).toBe(a.total);
    }
  });

  it("hands its search tables, made once in shared memory, to other threads' Searchers, which answer as Searchers making their own", async () => {
    const shared = await readSharedBuild(indexDir);
    const tables = buildSearchTables(await loadIndex(indexDir, shared));
    // As a worker receives them (postMessage clones them: the shared buffers are shared, not copied).
    const received = structuredClone(tables);
    const alone = new Searcher(await loadIndex(indexDir));
    const withTables = new Searcher(await loadIndex(indexDir, shared), undefined, 2, received);
    expect(withTables.facets.dayOf).toBe(received.facets.dayOf);
    for (const array of [received.facets.dayOf, received.facets.newestFirst, received.facets.facets.speakers.ids, received.quoteSpeakers.sequenceStart, received.inverted.organisations.ids]) {
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    const speaker = alone.facets.facets.speakers.names[0];
    const organisation = alone.facets.facets.organisations.names[0];
    expect(speaker && organisation).toBeTruthy();
    const strip = ({ took_ms: _took, ...rest }: { took_ms?: number }) => rest;
    for (const r of [request({ q: 'ministre' }), request({ q: 'pont', sort: 'date' }), request({ q: '', speakers: [speaker] }), request({ q: `cite:${speaker.split(' ')[0]}` })]) {
      expect(strip(search(withTables, r))).toEqual(strip(search(alone, r)));
    }
    for (const [kind, name] of [['speakers', speaker], ['organisations', organisation]] as const) {
      const profile = entityProfile(alone, kind, entitySlug(name));
      expect(profile?.articles).toBeGreaterThan(0);
      expect(entityProfile(withTables, kind, entitySlug(name))).toEqual(profile);
    }
    // Tables of another build are not taken: the Searcher makes its own.
    const other = new Searcher(await loadIndex(indexDir, shared), undefined, 2, { ...received, build: 'another' });
    expect(other.facets.dayOf).not.toBe(received.facets.dayOf);
    expect(other.facets.dayOf).toEqual(received.facets.dayOf);
  });

  it('is refused in one line when a file of the build changed', async () => {
    const { buildId } = (await readCurrentManifest(indexDir))!;
    await appendFile(path.join(indexDir, 'builds', buildId, 'catalog.json'), ' ');
    const error = await readSharedBuild(indexDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexLoadError);
    expect((error as IndexLoadError).kind).toBe('damaged');
    expect((error as Error).message).toMatch(/^index build \S+ is damaged \(catalog\.json fails its checksum\)$/);
  });
});
