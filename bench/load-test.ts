/**
 * Load test of the real server on loopback (`npm run loadtest -- [--corpus DIR]
 * [--connections 32] [--seconds 10]`): a mix of live-typing queries (every
 * prefix of real queries), facet filters, full pages and document pages,
 * sent by autocannon. Prints requests/s, latency percentiles and errors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { indexCorpus } from '../src/index/index.js';
import { startServer } from '../src/web/server.js';
import { loadMix, sampleOf } from './load-mix.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
  },
});

async function main(): Promise<void> {
  let indexDir = values.index;
  let temporary: string | null = null;
  if (!indexDir) {
    temporary = await mkdtemp(path.join(tmpdir(), 'depeches-load-'));
    indexDir = temporary;
    console.log(`indexing ${values.corpus}…`);
    await indexCorpus(values.corpus!, indexDir);
  }
  const loadStarted = performance.now();
  const server = await startServer({ indexDir, port: 0, watchIndex: false });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rssAfterLoad = process.memoryUsage().rss;
  const sample = await sampleOf(server.url);
  const nextPath = loadMix(sample);

  const result = await autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  await server.close();
  if (temporary) await rm(temporary, { recursive: true, force: true });

  console.log(`\nload test: ${sample.total} documents, ${values.connections} connections, ${values.seconds} s`);
  console.log(`index load ${loadSeconds.toFixed(1)} s, RSS after load ${Math.round(rssAfterLoad / 2 ** 20)} MB`);
  console.log('| requests/s | p50 latency | p99 latency | max | requests | errors | timeouts | non-2xx |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${Math.round(result.requests.average)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.latency.max} ms | ${result.requests.total} | ${result.errors} | ${result.timeouts} | ${result.non2xx} |`,
  );
  if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`load test: ${(error as Error).message}`);
  process.exit(1);
});
