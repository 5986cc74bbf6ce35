/**
 * Where one PostgreSQL keystroke's time goes, phase by phase (the word
 * look-ups of the query plan, the search statement, the whole search), for
 * a few keystrokes, each the fastest of N runs:
 *
 *     npx tsx bench/postgres-phases.ts --database URL [--speaker NAME] [--runs N] q1 q2 ...
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseQuery } from '../src/search/parse-query.js';
import { PostgresBackend } from '../src/search/postgres/index.js';
import { compileTsQuery } from '../src/search/postgres/tsquery.js';
import { request } from './peers/depeches.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, speaker: { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (!values.database || positionals.length === 0) throw new Error('usage: tsx bench/postgres-phases.ts --database URL [--speaker NAME] [--runs N] QUERY...');
const backend = await PostgresBackend.connect(values.database, { max: 2 });
const fastest = async (run: () => Promise<unknown>) => {
  let best = Infinity;
  for (let k = 0; k < Number(values.runs); k++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
};
try {
  for (const q of positionals) {
    const words = await fastest(() => compileTsQuery(backend.pool, parseQuery(q)));
    let total = 0;
    const search = await fastest(async () => {
      total = (await backend.search(request(q, values.speaker))).total;
    });
    console.log(`${JSON.stringify(q)}: words ${words.toFixed(1)} ms, search ${search.toFixed(1)} ms (total ${total})`);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await backend.close();
}
