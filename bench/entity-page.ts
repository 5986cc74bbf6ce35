/**
 * Cost of same-story grouping and of person and organisation pages at
 * archive scale: `npx tsx bench/entity-page.ts --corpus DIR --index DIR
 * [--docs N] [--rounds R]`. Generates the corpus when the folder is missing
 * (bench/generate-corpus.ts, N articles), builds its index when none is
 * there (reporting indexing time and the build's size, and the share of
 * index.bin that stories take), then serves it with the real server and
 * times GET /intervenant/… and /organisation/… over HTTP for the most
 * cited names (the heaviest pages), names of the middle and names of the
 * tail, and the most quoted people (their pages list the latest
 * quotations), R rounds each after a warm-up; and the profile alone, in
 * process.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexCorpus, loadIndex, readCurrentManifest } from '../src/index/index.js';
import { entityProfile, entitySlug, facetKey, prepareSearch, Searcher, type EntityKind } from '../src/search/index.js';
import { EmbeddedReader } from '../src/search/backends/index.js';
import { startServer } from '../src/web/server.js';
import { generateCorpus } from './generate-corpus.js';

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: 'bench/corpora/100000-seed42' }, index: { type: 'string' }, docs: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '20' } },
});
const corpus = path.resolve(values.corpus!);
const indexDir = path.resolve(values.index ?? `${corpus}-index`);
const rounds = Number(values.rounds);

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

if (!existsSync(corpus)) {
  console.log(`generating ${values.docs} articles in ${corpus}`);
  await generateCorpus({ docs: Number(values.docs), out: corpus, seed: 42 });
}
if (!(await readCurrentManifest(indexDir))) {
  const report = await indexCorpus(corpus, indexDir);
  console.log(`indexed ${report.documentsIndexed} articles: read ${report.seconds.read.toFixed(1)} s, build ${report.seconds.build.toFixed(1)} s (analysis, signatures and stories included), save ${report.seconds.save.toFixed(1)} s`);
}
const manifest = (await readCurrentManifest(indexDir))!;
const buildDir = path.join(indexDir, 'builds', manifest.buildId);
const index = await loadIndex(indexDir);
const searcher = new Searcher(index);
const stories = new Set(index.storyOf).size;
console.log(
  `build ${manifest.buildId}: ${index.documents.length} articles, ${stories} stories; ${(await folderBytes(buildDir) / 1e6).toFixed(1)} MB on disk, of which stories ${((index.storyOf.byteLength) / 1e6).toFixed(2)} MB`,
);

const t0 = performance.now();
prepareSearch(searcher);
console.log(`prepareSearch (facet table and the pages' inverted columns) ${(performance.now() - t0).toFixed(0)} ms`);

/** Most cited, middle and tail names of a facet, as [name, articles]. */
function sampleNames(kind: EntityKind, each: number): [string, number][] {
  const column = searcher.facets.facets[kind];
  const counts = column.totals;
  const ranked = column.names.map((name, id) => [name, counts[id]] as [string, number]).sort((a, b) => b[1] - a[1]);
  const middle = Math.floor(ranked.length / 2);
  return [...ranked.slice(0, each), ...ranked.slice(middle, middle + each), ...ranked.slice(-each)];
}

/** The most quoted people, as [name, articles], by their number of quotations. */
function mostQuoted(each: number): [string, number][] {
  const { names, quoteSpeaker } = searcher.quoteSpeakers;
  const counts = new Uint32Array(names.length);
  for (const id of quoteSpeaker) if (id >= 0) counts[id]++;
  const column = searcher.facets.facets.speakers;
  const articles = new Uint32Array(column.names.length);
  for (const id of column.ids) articles[id]++;
  return names
    .map((name, id) => [name, counts[id]] as [string, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, each)
    .map(([name]) => [name, articles[column.idByKey.get(facetKey(name)) ?? -1] ?? 0]);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const server = await startServer({ reader: EmbeddedReader.of(index), port: 0, watchIndex: false });
try {
  for (const kind of ['speakers', 'organisations'] as const) {
    const base = kind === 'speakers' ? 'intervenant' : 'organisation';
    const sampled = sampleNames(kind, 3);
    if (kind === 'speakers') for (const quoted of mostQuoted(3)) if (!sampled.some(([name]) => name === quoted[0])) sampled.push(quoted);
    for (const [name, articles] of sampled) {
      const href = `${server.url}/${base}/${encodeURIComponent(entitySlug(name))}`;
      for (let w = 0; w < 3; w++) await (await fetch(href)).text();
      const http: number[] = [];
      const profile: number[] = [];
      const quotations = entityProfile(searcher, kind, entitySlug(name))?.quotations ?? 0;
      for (let r = 0; r < rounds; r++) {
        const a = performance.now();
        const res = await fetch(href);
        await res.text();
        http.push(performance.now() - a);
        if (res.status !== 200) throw new Error(`${href}: ${res.status}`);
        const b = performance.now();
        entityProfile(searcher, kind, entitySlug(name));
        profile.push(performance.now() - b);
      }
      http.sort((x, y) => x - y);
      profile.sort((x, y) => x - y);
      console.log(
        `${base.padEnd(12)} ${name.slice(0, 32).padEnd(32)} ${String(articles).padStart(6)} articles ${String(quotations).padStart(6)} quotations  HTTP median ${percentile(http, 0.5).toFixed(1)} ms, p95 ${percentile(http, 0.95).toFixed(1)} ms, max ${http[http.length - 1].toFixed(1)} ms; profile median ${percentile(profile, 0.5).toFixed(2)} ms`,
      );
    }
  }
} finally {
  await server.close();
}
