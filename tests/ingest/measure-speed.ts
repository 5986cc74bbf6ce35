/**
 * Quick timing of the ingest extraction on the sample corpus (not a test):
 *   npx tsx tests/ingest/measure-speed.ts
 * Prints the mean time per article and per 4 kB, per extractor, and
 * chrono-node's French parser on the same texts for comparison.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import {
  articleFromText,
  cleanDocument,
  extractDate,
  extractOrganisations,
  extractSource,
  extractSpeakers,
  extractTitle,
} from '../../src/ingest/index.js';

const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(corpusDir, f), 'utf8'));
const meanChars = texts.reduce((n, t) => n + t.length, 0) / texts.length;

/** Median of seven timed runs: the machine is shared, single runs vary by ±30 %. */
function time(label: string, run: (text: string) => unknown, rounds = 200): void {
  for (let i = 0; i < 50; i++) for (const t of texts) run(t); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const t of texts) run(t);
    runs.push((performance.now() - start) / (rounds * texts.length));
  }
  const perArticle = runs.sort((a, b) => a - b)[3];
  const per4k = perArticle * (4096 / meanChars);
  console.log(`${label.padEnd(28)} ${perArticle.toFixed(3)} ms/article  ${per4k.toFixed(3)} ms per 4 kB`);
}

console.log(`${texts.length} articles, ${Math.round(meanChars)} characters on average`);
time('articleFromText (all)', (text) => articleFromText({ id: 'x', path: 'x.txt', format: 'txt', text, fileHash: '0' }));
time('cleanDocument', (text) => cleanDocument(text));
time('extractDate', (text) => extractDate(text));
time('extractSpeakers', (text) => extractSpeakers(text));
time('extractOrganisations', (text) => extractOrganisations(text));
time('extractTitle', (text) => extractTitle(text));
time('extractSource', (text) => extractSource(text));
time('chrono.fr.parse (reference)', (text) => chrono.fr.parse(text, new Date(2022, 0, 1)), 50);
