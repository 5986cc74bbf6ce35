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

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    index: { type: 'string' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
  },
});

const QUERIES = ['relations bilatérales', 'coopération stratégique', 'Asie centrale', 'situation au Kazakhstan', 'Jeux olympiques', 'stabilité régionale'];

/** Every prefix of every query, as a person typing produces them. */
function typingPrefixes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1)).filter((p) => !p.endsWith(' ')));
}

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
  // Ids and facet values to request come from the server itself, so the index is loaded once.
  const sample = (await (await fetch(`${server.url}/api/search?per_page=100`)).json()) as {
    total: number;
    hits: { id: string }[];
    facets: { speaker: { value: string }[]; organisation: { value: string }[] };
  };
  const ids = sample.hits.map((h) => h.id);
  const speakers = sample.facets.speaker.slice(0, 20).map((f) => f.value);
  const organisations = sample.facets.organisation.slice(0, 20).map((f) => f.value);

  const prefixes = typingPrefixes();
  let k = 0;
  const pick = <T>(list: T[]) => list[k % list.length];
  /** The mix: 60 % live typing (htmx fragment or API), 20 % faceted, 10 % full page, 10 % document. */
  const nextPath = (): string => {
    k++;
    const q = encodeURIComponent(pick(prefixes));
    switch (k % 10) {
      case 0:
        return `/doc/${encodeURIComponent(pick(ids))}?q=${q}`;
      case 1:
        return `/search?q=${q}`;
      case 2:
        return `/api/search?q=${q}&speaker=${encodeURIComponent(pick(speakers) ?? '')}`;
      case 3:
        return `/api/search?q=${q}&org=${encodeURIComponent(pick(organisations) ?? '')}&from=2021-01-01`;
      default:
        return `/api/search?q=${q}`;
    }
  };

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
