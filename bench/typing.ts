/**
 * The live-typing session alone, in-process, on a saved index: a quick loop
 * for working on the search stage (`npm run bench:typing -- --index DIR
 * [--queries K] [--slowest N]`). Prints p50/p95/p99 with and without a
 * speaker filter and the slowest prefixes; run it under `node --cpu-prof
 * --import tsx bench/typing.ts ...` to see where the time goes.
 */
import { parseArgs } from 'node:util';
import { loadIndex } from '../src/index/index.js';
import { search, Searcher, warmSearch } from '../src/search/index.js';
import { percentiles, sessionQueries, typingSession, mostQuotedSpeaker } from './latency.js';
import { request } from './peers/depeches.js';

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    queries: { type: 'string', default: '16' },
    slowest: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    half: { type: 'string' },
  },
});
if (!values.index) {
  console.error('usage: npm run bench:typing -- --index DIR [--queries K] [--slowest N] [--rounds R] [--half filtered|unfiltered]');
  process.exit(2);
}

const started = performance.now();
const searcher = new Searcher(await loadIndex(values.index));
const index = searcher.index;
console.log(`${index.documents.length} articles loaded in ${((performance.now() - started) / 1000).toFixed(2)} s`);
const preparing = performance.now();
warmSearch(searcher);
console.log(`search prepared in ${((performance.now() - preparing) / 1000).toFixed(2)} s`);

const topSpeaker = mostQuotedSpeaker(index.documents);
// --half filtered|unfiltered: one half of the session alone (to profile it).
const session = typingSession(sessionQueries(index.documents, Number(values.queries)), topSpeaker).filter((query) => !values.half || (values.half === 'filtered') === Boolean(query.speaker));

// CPU time too (user + system of the process, GC threads included): on a shared, loaded machine a
// keystroke's wall time also counts the time other processes held the core, its CPU time does not.
const timings: { q: string; speaker?: string; ms: number; cpu: number; total: number }[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const { q, speaker } of session) {
    const t = performance.now();
    const c = process.cpuUsage();
    const response = search(searcher, request(q, speaker));
    const used = process.cpuUsage(c);
    timings.push({ q, speaker, ms: performance.now() - t, cpu: (used.user + used.system) / 1000, total: response.total });
  }
}
const show = (label: string, list: typeof timings) => {
  if (list.length === 0) return;
  const p = percentiles(list.map((t) => t.ms));
  const c = percentiles(list.map((t) => t.cpu));
  console.log(`${label.padEnd(12)} n=${p.n}  p50 ${p.p50.toFixed(2)}  p95 ${p.p95.toFixed(2)}  p99 ${p.p99.toFixed(2)}  max ${p.max.toFixed(2)} ms  | CPU p50 ${c.p50.toFixed(2)}  p95 ${c.p95.toFixed(2)} ms`);
};
show('all', timings);
show('unfiltered', timings.filter((t) => !t.speaker));
show('filtered', timings.filter((t) => t.speaker));
console.log('slowest (by CPU time):');
for (const t of [...timings].sort((a, b) => b.cpu - a.cpu).slice(0, Number(values.slowest))) {
  console.log(`  ${t.ms.toFixed(1).padStart(7)} ms (CPU ${t.cpu.toFixed(1)})  ${JSON.stringify(t.q)}${t.speaker ? ` [${t.speaker}]` : ''} → ${t.total}`);
}
