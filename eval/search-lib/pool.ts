/**
 * The labelling aid that built the judgement pools of
 * eval/labels/realnews-dev.queries.json: for each query of a plan file
 * ([{ "q": "...", "intent": "...", "grep": ["regex", ...] }], or a labels
 * file's `queries`), the union of depeches's, bare MiniSearch's and
 * PostgreSQL French FTS's top `--depth` (20) and the articles whose text
 * matches a grep pattern (accents and case folded), each printed with its
 * opening and the passages around the query's words, for a person to read
 * and grade. `--unjudged` prints only the pooled articles the `--already`
 * labels do not grade (to complete a pool when the engines change).
 *
 *   npx tsx eval/search-lib/pool.ts --corpus <folder> --plan plan.json [--already eval/labels/realnews-dev.queries.json] [--depth 10] [--unjudged] [--no-postgres]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCorpus } from '../../src/ingest/index.js';
import { postgresFtsSystem } from './postgres-fts.js';
import { depechesSystem, miniSearchSystem, type RankingSystem } from './systems.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function main() {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, plan: { type: 'string' }, already: { type: 'string' }, chars: { type: 'string' }, depth: { type: 'string' }, unjudged: { type: 'boolean' }, 'no-postgres': { type: 'boolean' } } });
  if (!values.corpus || !existsSync(values.corpus)) throw new Error(`corpus folder not found: ${values.corpus ?? '(give --corpus)'}`);
  if (!values.plan || !existsSync(values.plan)) throw new Error(`plan file not found: ${values.plan ?? '(give --plan)'}`);
  const read = JSON.parse(readFileSync(values.plan, 'utf8'));
  const plan = (Array.isArray(read) ? read : read.queries) as { q: string; intent?: string; grep?: string[] }[];
  const DEPTH = Number(values.depth ?? 20);
  const already = new Map<string, Record<string, number>>();
  if (values.already && existsSync(values.already)) for (const x of JSON.parse(readFileSync(values.already, 'utf8')).queries) already.set(x.q, x.judgements);
  const chars = Number(values.chars ?? 160);
  const articles = (await readCorpus(values.corpus)).articles;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const depeches = await depechesSystem(values.corpus);
  const mini = miniSearchSystem(articles);
  let postgres: RankingSystem | null = null;
  if (!values['no-postgres']) {
    const started = await postgresFtsSystem(articles);
    if ('skipped' in started) console.warn(`PostgreSQL skipped: ${started.skipped}`);
    else postgres = started;
  }
  for (const { q, intent, grep = [] } of plan) {
    const fromDepeches = await depeches.search(q, DEPTH);
    const fromMini = await mini.search(q, DEPTH);
    const fromPostgres = postgres ? await postgres.search(q, DEPTH) : [];
    const patterns = grep.map((g) => new RegExp(fold(g), 'u'));
    const fromGrep = articles.filter((a) => patterns.some((p) => p.test(fold(a.title + ' ' + a.text)))).map((a) => a.id);
    const pool = [...new Set([...fromDepeches, ...fromMini, ...fromPostgres, ...fromGrep])].filter((id) => !values.unjudged || already.get(q)?.[id] === undefined);
    const stems = q.split(/\s+/).map((w) => fold(w).replace(/^[a-z]['’]/, '').slice(0, 5)).filter((w) => w.length >= 4);
    console.log(`\n######## ${q}  (pool ${pool.length}: depeches ${fromDepeches.length}, minisearch ${fromMini.length}, postgres ${fromPostgres.length}, grep ${fromGrep.length})${intent ? `\n   NEED: ${intent}` : ''}`);
    for (const id of pool) {
      const a = byId.get(id);
      if (!a) continue;
      const tags = [fromDepeches.includes(id) ? `D${fromDepeches.indexOf(id) + 1}` : '', fromMini.includes(id) ? `M${fromMini.indexOf(id) + 1}` : '', fromPostgres.includes(id) ? `P${fromPostgres.indexOf(id) + 1}` : '', fromGrep.includes(id) ? 'G' : ''].filter(Boolean).join(',');
      const text = a.text.replace(/\s+/g, ' ');
      const folded = fold(text);
      const passages: string[] = [];
      const seen = new Set<number>();
      for (const stem of stems) {
        let at = folded.indexOf(stem);
        let count = 0;
        while (at >= 0 && count < 2) {
          const start = Math.max(0, at - chars / 2);
          if (![...seen].some((s) => Math.abs(s - start) < chars)) {
            passages.push(text.slice(start, start + chars));
            seen.add(start);
          }
          count++;
          at = folded.indexOf(stem, at + 200);
        }
      }
      const hits = stems.map((s) => `${s}:${folded.split(s).length - 1}`).join(' ');
      const prior = already.get(q)?.[id];
      console.log(`\n== ${id} [${tags}] ${prior !== undefined ? `(graded ${prior}) ` : ''}len=${text.length} ${hits} url=${(a.url ?? '').replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`);
      console.log(`   T: ${a.title.slice(0, 140)}`);
      console.log(`   B: ${text.slice(0, 200)}`);
      for (const p of passages.slice(0, 3)) console.log(`   … ${p}`);
    }
  }
  await depeches.close();
  await postgres?.close();
}

main().catch((error) => {
  console.error(`pool: ${(error as Error).message}`);
  process.exit(1);
});
