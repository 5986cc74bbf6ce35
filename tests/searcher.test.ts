/**
 * One Searcher per build: a hot swap serves the new build with tables made
 * from it (completions, facet table, entity columns, clause cache), and
 * nothing of the build it replaced stays reachable.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { search, Searcher, warmSearch } from '../src/search/index.js';
import { startServer, type RunningServer } from '../src/web/server.js';
import { request, SAMPLE_CORPUS } from './helpers/sample-index.js';

/** An invented word and a speaker of the samples, in the article a second build adds. */
const ADDED = "Le 3 mars 2023, Sergueï Lavrov a déclaré à Moscou que les accords zorbaliques restaient en vigueur. « Nous poursuivrons le dialogue », a-t-il ajouté.";

let work: string;
let corpus: string;
let indexDir: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-searcher-'));
  corpus = path.join(work, 'corpus');
  indexDir = path.join(work, 'index');
  await cp(SAMPLE_CORPUS, corpus, { recursive: true });
  await indexCorpus(corpus, indexDir);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every object reachable from `root` through properties, Map and Set entries and array items (typed arrays' numbers skipped). */
function reachable(root: object): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value as object)) continue;
    seen.add(value as object);
    if (ArrayBuffer.isView(value)) continue;
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    else if (value instanceof Set) for (const v of value) stack.push(v);
    else if (Array.isArray(value)) stack.push(...value);
    if (typeof value === 'object') for (const key of Object.getOwnPropertyNames(value)) stack.push(Object.getOwnPropertyDescriptor(value, key)?.value);
  }
  return seen;
}

describe('a Searcher per build', () => {
  let server: RunningServer;
  afterAll(() => server?.close());

  it('serves a swapped-in build with its own completions, facets, entity pages and cached clauses', { timeout: 90_000 }, async () => {
    server = await startServer({ indexDir, port: 0 });
    const api = async (query: string) => (await fetch(`${server.url}/api/${query}`)).json();
    // Fill the first build's caches with what the second build changes.
    expect((await api('search?q=zorb')).total).toBe(0);
    expect((await api('search?q=zorbaliques')).total).toBe(0);
    expect((await api('suggest?q=zorb')).words).toEqual([]);
    const lavrov = (await server.backend.entity!('speakers', 'serguei-lavrov'))!.articles;
    const facetCount = async () => ((await api('search?q=')).facets.speaker as { value: string; count: number }[]).find((v) => v.value === 'Sergueï Lavrov')!.count;
    const before = await facetCount();
    const first = server.buildId();

    await writeFile(path.join(corpus, 'zorba.txt'), ADDED);
    const report = await indexCorpus(corpus, indexDir);
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && server.buildId() === first; ) await new Promise((r) => setTimeout(r, 50));
    expect(server.buildId()).toBe(report.buildId);

    expect((await api('search?q=zorbaliques')).hits.map((h: { id: string }) => h.id)).toEqual(['zorba']);
    expect((await api('search?q=zorb')).hits.map((h: { id: string }) => h.id)).toEqual(['zorba']);
    expect((await api('suggest?q=zorb')).words).toEqual(['zorbaliques']);
    expect((await server.backend.entity!('speakers', 'serguei-lavrov'))!.articles).toBe(lavrov + 1);
    expect(await facetCount()).toBe(before + 1);
  });

  it('keeps nothing of the build it replaced reachable from the new one, and lets it be collected', async () => {
    // Made and used in a function of its own, so that no variable of this test holds it.
    const used = async () => {
      const old = new Searcher(await loadIndex(indexDir));
      warmSearch(old);
      search(old, request({ q: 'Lavrov coopération' }));
      const parts = [old, old.index, old.documents, old.facets, old.stories, old.postings, old.clauses, old.scratch, old.texts, old.entityColumn('speakers')];
      return parts.map((part) => new WeakRef(part));
    };
    const oldParts = await used();
    const next = new Searcher(await loadIndex(indexDir));
    warmSearch(next);
    search(next, request({ q: 'Lavrov coopération' }));
    const fromNext = reachable(next);
    expect(fromNext.has(next.documents[0])).toBe(true);
    for (const part of oldParts) expect(fromNext.has(part.deref()!)).toBe(false);

    // Nor from anywhere else (module code that searched it): once dropped, a full collection frees it.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    for (let round = 0; round < 10 && oldParts[0].deref(); round++) {
      await new Promise((r) => setTimeout(r, 10));
      collect();
    }
    expect(oldParts.map((part) => part.deref())).toEqual(oldParts.map(() => undefined));
    expect(search(next, request({ q: 'Lavrov' })).total).toBeGreaterThan(0);
  });
});
