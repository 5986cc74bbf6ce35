/**
 * Child process of the benchmark that holds one engine's loaded index as a
 * server would, and prints its memory as JSON on stdout:
 *   depeches: `--engine depeches --index DIR`: the real server, one request served, then it
 *   prints its URL and memory and serves until SIGTERM;
 *   a peer:   `--engine NAME --index FILE --articles FILE` (articles JSON Lines + serialized index, one search run).
 * Run with --expose-gc so the figure is taken after a full collection.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Article } from '../src/ingest/types.js';
import { startServer } from '../src/web/server.js';
import { PEERS } from './peers/index.js';

const { values } = parseArgs({ options: { engine: { type: 'string' }, index: { type: 'string' }, articles: { type: 'string' } } });

/** The articles as a peer's server needs them once its index is built: ids and metadata, not the texts (depeches keeps its texts on disk too). */
async function readArticles(file: string): Promise<Article[]> {
  const list: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line) list.push({ ...(JSON.parse(line) as Article), text: '' });
  return list;
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
}

const baseline = memory();
if (values.engine === 'depeches') {
  const server = await startServer({ indexDir: values.index!, port: 0, watchIndex: false });
  const response = await fetch(`${server.url}/api/search?q=relations`);
  await response.arrayBuffer();
  // Stays up for the HTTP measurements until the parent ends it.
  console.log(JSON.stringify({ baseline, url: server.url, ...memory() }));
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  await new Promise(() => {});
} else {
  const peer = PEERS[values.engine!]();
  const articles = await readArticles(values.articles!);
  await peer.load(await readFile(values.index!, 'utf8'), articles);
  await peer.search({ q: 'relations' });
  console.log(JSON.stringify({ baseline, ...memory() }));
}
if (values.engine !== 'depeches') process.exit(0);
