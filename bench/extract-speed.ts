/**
 * CPU time of articleFromText per article over corpus files (not a test):
 *   npx tsx bench/extract-speed.ts --root /work/wt-base --corpus bench/corpora/10000-seed42 [--files 2000] [--rounds 3]
 * `--root` is the checkout whose src/ingest is timed (default: this one), so
 * that versions can be compared in interleaved runs. The texts are read and
 * decoded first; one warm-up round, then the median CPU ms per article
 * (user + system of this process, which runs nothing else) of the rounds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const root = path.resolve(option('root', path.join(import.meta.dirname, '..')));
const corpus = option('corpus', path.join(import.meta.dirname, 'corpora/10000-seed42'));
const maxFiles = Number(option('files', '2000'));
const rounds = Number(option('rounds', '3'));
const ingest = await import(pathToFileURL(path.join(root, 'src/ingest/index.ts')).href);

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else if (rel.endsWith('.txt')) out.push(rel);
  }
  return out;
}

const texts = listFiles(corpus).slice(0, maxFiles).map((rel) => ({ rel, text: readFileSync(path.join(corpus, rel), 'utf8') }));
const run = () => {
  for (const { rel, text } of texts) ingest.articleFromText({ id: rel, path: rel, format: 'txt', text, fileHash: '0' });
};
run(); // warm-up: lexicons, compiled code
const perArticle: number[] = [];
for (let r = 0; r < rounds; r++) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  perArticle.push((used.user + used.system) / 1000 / texts.length);
}
perArticle.sort((a, b) => a - b);
console.log(`${path.basename(root)} ${texts.length} articles: ${perArticle[Math.floor(rounds / 2)].toFixed(3)} CPU ms/article (rounds ${perArticle.map((v) => v.toFixed(3)).join(' ')})`);
