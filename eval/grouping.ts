/**
 * Same-story grouping on real text: `npm run eval:grouping -- --corpus DIR
 * [--pairs FILE] [--options JSON]` groups the articles of a corpus as the
 * indexer does and compares the groups with a list of known same-story
 * pairs (lines "id ~ id 0.94", as ../shared/realnews-dev/README.md lists
 * them): the share of pairs grouped, the groups formed, and every grouped
 * pair not in the list (with its shingle Jaccard and both headlines), to be
 * read by hand. A tool, not a test: it reads outside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from '../src/analysis/index.js';
import { sameStoryGroups, SAME_STORY_DEFAULTS, storySignature } from '../src/index/same-story.js';
import { readCorpus } from '../src/ingest/index.js';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
function required(file: string, what: string): string {
  if (existsSync(file)) return file;
  console.error(`eval:grouping: no ${what} at ${file}`);
  process.exit(1);
}
const corpus = required(argument('--corpus', '../shared/realnews-dev/corpus'), 'corpus (give --corpus DIR)');
const pairsFile = required(argument('--pairs', path.join(corpus, '..', 'README.md')), 'list of pairs (give --pairs FILE)');
const options = { ...SAME_STORY_DEFAULTS, ...(JSON.parse(argument('--options', '{}')) as object) };

const pairs = [...readFileSync(pairsFile, 'utf8').matchAll(/([a-z-]+:\d+) ~ ([a-z-]+:\d+) (0\.\d+)/g)].map((m) => [m[1], m[2], Number(m[3])] as const);
const { articles } = await readCorpus(corpus);
const indexOf = new Map(articles.map((a, n) => [a.id, n]));
const terms = articles.map((a) => tokenize(a.text).map((t) => t.term));
const t0 = performance.now();
const signatures = terms.map((t) => storySignature(t, options));
const t1 = performance.now();
const groups = sameStoryGroups(signatures, articles.map((a) => a.url), options);
const t2 = performance.now();

const shingles = (t: string[]) => {
  const set = new Set<string>();
  for (let i = 0; i + options.shingle <= t.length; i++) set.add(t.slice(i, i + options.shingle).join(' '));
  return set;
};
const jaccard = (a: number, b: number) => {
  const [x, y] = [shingles(terms[a]), shingles(terms[b])];
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return (shared / (x.size + y.size - shared || 1)).toFixed(2);
};

let grouped = 0;
const missed: string[] = [];
for (const [a, b, listedJaccard] of pairs) {
  const [na, nb] = [indexOf.get(a), indexOf.get(b)];
  if (na === undefined || nb === undefined) missed.push(`${a} ~ ${b}: not in the corpus`);
  else if (groups[na] === groups[nb]) grouped++;
  else missed.push(`${a} ~ ${b}: listed ${listedJaccard}, ours ${jaccard(na, nb)}`);
}
const listed = new Set(pairs.map(([a, b]) => [a, b].sort().join(' ~ ')));
const members = new Map<number, number[]>();
groups.forEach((g, n) => members.set(g, [...(members.get(g) ?? []), n]));
const multi = [...members.values()].filter((m) => m.length > 1);
const unlisted: string[] = [];
for (const m of multi)
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++) {
      const key = [articles[m[i]].id, articles[m[j]].id].sort().join(' ~ ');
      if (!listed.has(key)) unlisted.push(`${key}: ours ${jaccard(m[i], m[j])} | ${articles[m[i]].title.slice(0, 60)} | ${articles[m[j]].title.slice(0, 60)}`);
    }

console.log(`options ${JSON.stringify(options)}`);
console.log(`listed pairs grouped: ${grouped}/${pairs.length} (${((100 * grouped) / pairs.length).toFixed(1)} %)`);
console.log(`groups of two or more: ${multi.length}, holding ${multi.reduce((s, m) => s + m.length, 0)} of ${articles.length} articles; grouped pairs not listed: ${unlisted.length}`);
console.log(`signatures ${(t1 - t0).toFixed(0)} ms (${(((t1 - t0) / articles.length) * 1000).toFixed(0)} µs an article), grouping ${(t2 - t1).toFixed(0)} ms`);
if (missed.length) console.log(`\nlisted pairs not grouped:\n  ${missed.join('\n  ')}`);
if (unlisted.length) console.log(`\ngrouped pairs not listed (read them):\n  ${unlisted.join('\n  ')}`);
