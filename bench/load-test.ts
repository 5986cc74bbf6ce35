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
import { indexCorpus, loadIndex } from '../src/index/index.js';
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
  const index = await loadIndex(indexDir);
  const ids = index.documents.slice(0, 200).map((d) => d.id);
  const speakers = [...new Set(index.documents.flatMap((d) => d.speakers))].slice(0, 20);
  const organisations = [...new Set(index.documents.flatMap((d) => d.organisations))].slice(0, 20);
  const server = await startServer({ indexDir, port: 0, watchIndex: false });

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

  console.log(`\nload test: ${index.documents.length} documents, ${values.connections} connections, ${values.seconds} s`);
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
