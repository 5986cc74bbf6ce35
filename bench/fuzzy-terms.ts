/**
 * Typo look-ups on a saved index (`npx tsx bench/fuzzy-terms.ts --index DIR
 * [--probes N]`): the sorted-term walk (src/search/fuzzy-terms.ts) against
 * MiniSearch's radix tree (SearchableMap.fuzzyGet) over the same terms, on
 * words near real terms at distances 1 and 2: counts any answer that differs
 * (terms, distances or order), the time of each, and the tree's heap.
 */
import { parseArgs } from 'node:util';
import SearchableMap from 'minisearch/SearchableMap';
import { loadIndex } from '../src/index/index.js';
import { termsWithin } from '../src/search/fuzzy-terms.js';
import { collectGarbage } from '../src/web/threads/collect-garbage.js';

const { values } = parseArgs({ options: { index: { type: 'string' }, probes: { type: 'string', default: '3000' } } });
if (!values.index) throw new Error('--index DIR is required');
const terms = (await loadIndex(values.index)).compact.terms;
collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const building = performance.now();
const tree = new SearchableMap<number>();
for (let id = 0; id < terms.length; id++) tree.set(terms[id], id);
const buildMs = performance.now() - building;
collectGarbage();
const treeMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

const words: string[] = [];
const step = Math.max(1, Math.floor(terms.length / Number(values.probes)));
for (let id = 0; id < terms.length; id += step) {
  const term = terms[id];
  const middle = term.length >> 1;
  words.push(term.slice(0, middle) + 'e' + term.slice(middle + 1), term.slice(0, middle) + term.slice(middle + 1), term + 's');
}
let differ = 0;
let answers = 0;
const time = { tree: 0, walk: 0 };
for (const distance of [1, 2]) {
  for (const word of words) {
    let start = performance.now();
    const expected = [...tree.fuzzyGet(word, distance)].map(([term, [, d]]) => [term, d]);
    time.tree += performance.now() - start;
    start = performance.now();
    const got = termsWithin(terms, word, distance);
    time.walk += performance.now() - start;
    answers += got.length;
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      differ++;
      if (differ <= 5) console.log(`differs: ${word} within ${distance}`);
    }
  }
}
console.log(`${terms.length} terms; radix tree built in ${buildMs.toFixed(0)} ms, ${treeMb.toFixed(1)} MB of heap`);
console.log(`${words.length * 2} look-ups (${answers} terms answered): ${differ} differ`);
console.log(`per look-up: radix tree ${((time.tree / words.length / 2) * 1000).toFixed(0)} µs, sorted-term walk ${((time.walk / words.length / 2) * 1000).toFixed(0)} µs`);
if (differ > 0) process.exitCode = 1;
