/**
 * What computing one keystroke costs, in CPU time, robust to a loaded
 * machine: each query (and each with the most quoted speaker as filter) is
 * searched in batches, with the clause cache and the kept responses of
 * short beginnings off (every search computes every clause), and the least
 * CPU time of the batches is kept. Other processes holding the cores
 * lengthen a batch, never shorten it: the least of several is near what the
 * keystroke costs alone, where typing.ts's percentiles follow the load.
 * For A/B comparisons of the search stage (`npx tsx bench/keystroke-cpu.ts
 * --index DIR [--batches B] [--reps R] QUERY...`, before and after,
 * alternating); without queries, the usual slow keystrokes of a session.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadIndex } from '../src/index/index.js';
import { KEYSTROKE_OPTIONS, search, Searcher, warmSearch } from '../src/search/index.js';
import { mostQuotedSpeaker } from './latency.js';
import { request } from './peers/depeches.js';

/** Keystrokes that made the slowest of typing.ts's session at 100 000 articles: beginnings of common words, alone or after others. */
const SLOW_KEYSTROKES = ['Con', 'Cons', 'rel', 'relations b', 'coopération stratégiq', "Jeux olympiques d'hi", 'situation au Kazakhs', 'stabilité régional'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: 'string' }, batches: { type: 'string', default: '7' }, reps: { type: 'string', default: '3' } },
});
if (!values.index) {
  console.error('usage: npx tsx bench/keystroke-cpu.ts --index DIR [--batches B] [--reps R] [QUERY...]');
  process.exit(2);
}

const index = await loadIndex(values.index);
// No clause kept (a ring of one pair keeps nothing) and no response kept: each search computes all of it.
const searcher = new Searcher(index, { ...KEYSTROKE_OPTIONS, clauseCacheMinPairs: 1, clauseCacheMaxPairs: 1, shortPrefixResponses: 0 });
warmSearch(searcher);
const speaker = mostQuotedSpeaker(index.documents);
const batches = Number(values.batches);
const reps = Number(values.reps);

/** The least CPU time (user + system, ms) of one search over the batches. */
function leastCpu(run: () => unknown): number {
  let least = Infinity;
  for (let b = 0; b < batches; b++) {
    const started = process.cpuUsage();
    for (let r = 0; r < reps; r++) run();
    const used = process.cpuUsage(started);
    least = Math.min(least, (used.user + used.system) / 1000 / reps);
  }
  return least;
}

let unfiltered = 0;
let filtered = 0;
console.log(`${index.documents.length} articles, load average ${loadavg()[0].toFixed(2)}; least CPU ms of ${batches} batches of ${reps}`);
for (const q of positionals.length > 0 ? positionals : SLOW_KEYSTROKES) {
  const plain = leastCpu(() => search(searcher, request(q)));
  const speakerOnly = leastCpu(() => search(searcher, request(q, speaker)));
  unfiltered += plain;
  filtered += speakerOnly;
  console.log(`  ${JSON.stringify(q).padEnd(28)} ${plain.toFixed(2).padStart(7)}  [${speaker}] ${speakerOnly.toFixed(2).padStart(7)}`);
}
console.log(`sum unfiltered ${unfiltered.toFixed(1)} ms, filtered ${filtered.toFixed(1)} ms`);
