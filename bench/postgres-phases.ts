/**
 * Where one PostgreSQL keystroke's time goes, phase by phase (the word
 * look-ups of the query plan, the search statement, the whole search), for
 * a few keystrokes, each the median (and the fastest) of N runs:
 *
 *     npx tsx bench/postgres-phases.ts --database URL [--speaker NAME] [--runs N] [--no-answers] q1 q2 ...
 *
 * --no-answers: without the build's precomputed answers (src/search/postgres/prefix-answers.ts).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseQuery } from '../src/search/parse-query.js';
import { PostgresBackend } from '../src/search/postgres/index.js';
import { compileTsQuery } from '../src/search/postgres/tsquery.js';
import { request } from './peers/depeches.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { database: { type: 'string' }, speaker: { type: 'string' }, runs: { type: 'string', default: '3' }, 'no-answers': { type: 'boolean', default: false } } });
if (!values.database || positionals.length === 0) throw new Error('usage: tsx bench/postgres-phases.ts --database URL [--speaker NAME] [--runs N] QUERY...');
const backend = await PostgresBackend.connect(values.database, { max: 2, prefixAnswers: !values['no-answers'] });
/** Median and fastest of the runs, as "median (fastest)" in ms. */
const timed = async (run: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let k = 0; k < Number(values.runs); k++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)].toFixed(1)} (${times[0].toFixed(1)})`;
};
try {
  for (const q of positionals) {
    const words = await timed(() => compileTsQuery(backend.pool, parseQuery(q)));
    let total = 0;
    const search = await timed(async () => {
      total = (await backend.search(request(q, values.speaker))).total;
    });
    console.log(`${JSON.stringify(q)}: words ${words} ms, search ${search} ms (total ${total})`);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await backend.close();
}
