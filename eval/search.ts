/**
 * Search evaluation on labelled real text (issue 18).
 *
 *   npm run eval:search -- --corpus ../shared/realnews-dev/corpus --queries eval/labels/realnews-dev.queries.json [--details]
 *
 * Indexes the corpus folder with depeches's real indexer (into a temporary
 * folder), builds bare MiniSearch (titles and texts, prefix + fuzzy 0.2, title
 * boost 2, as bench/peers/minisearch-bare.ts) and PostgreSQL's French
 * full-text search (to_tsvector('french', title || ' ' || text),
 * websearch_to_tsquery('french', q), ranked by ts_rank_cd, on a throw-away
 * cluster; skipped with a message when initdb is missing), runs every
 * labelled query on each and prints, averaged over the queries (and per query
 * with --details):
 * - P@5, P@10: share of the top 5 / 10 graded >= 1 (partly relevant or
 *   about the topic); P@5 (2), P@10 (2): graded 2 only;
 * - MRR: reciprocal rank of the first article graded 2;
 * - nDCG@10: gains = grades, ideal order from all the query's judgements.
 * An article nobody judged counts 0. The labels (eval/labels/realnews-dev.queries.json)
 * were made by pooling depeches's and MiniSearch's top 20 with grep hits,
 * each pooled article read and graded 0/1/2 (see the file's "about"); they
 * are thus biased towards what these two engines and the grep patterns find.
 * This is a tool, not part of `npm test`; tests/eval-search-metrics.test.ts
 * tests the metrics.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCorpus } from '../src/ingest/index.js';
import { readQueryLabels, unknownIds } from './search-lib/labels.js';
import { meanScores, SCORE_NAMES, scoreRanking, type QueryScores } from './search-lib/metrics.js';
import { postgresFtsSystem } from './search-lib/postgres-fts.js';
import { knownItemBodyQueries, knownItemQueries, knownItemRank } from './search-lib/known-item.js';
import { depechesSystem, miniSearchSystem, type RankingSystem } from './search-lib/systems.js';

const USAGE = 'usage: npm run eval:search -- --corpus <corpus folder> --queries <labels .queries.json> [--details] [--no-postgres]';
const DEPTH = 10;

function parse() {
  let values;
  try {
    ({ values } = parseArgs({ options: { corpus: { type: 'string' }, queries: { type: 'string' }, details: { type: 'boolean' }, 'no-postgres': { type: 'boolean' } } }));
  } catch (error) {
    throw new Error(`${(error as Error).message} (${USAGE})`);
  }
  if (!values.corpus || !values.queries) throw new Error(USAGE);
  if (!existsSync(values.corpus) || !statSync(values.corpus).isDirectory()) throw new Error(`corpus folder not found: ${values.corpus}`);
  if (!existsSync(values.queries)) throw new Error(`queries file not found: ${values.queries}`);
  return { corpus: values.corpus, queries: values.queries, details: values.details ?? false, postgres: !values['no-postgres'] };
}

const KEYS = Object.keys(SCORE_NAMES) as (keyof QueryScores)[];
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const fmt = (x: number) => x.toFixed(3);
const padLeft = (s: string, n: number) => ' '.repeat(Math.max(0, n - s.length)) + s;

function table(rows: { name: string; scores: QueryScores }[]): string {
  const width = Math.max(8, ...rows.map((r) => r.name.length));
  const cell = (k: keyof QueryScores) => Math.max(5, SCORE_NAMES[k].length);
  const head = `| ${pad('system', width)} | ${KEYS.map((k) => padLeft(SCORE_NAMES[k], cell(k))).join(' | ')} |`;
  const rule = `|${'-'.repeat(width + 2)}|${KEYS.map((k) => '-'.repeat(cell(k) + 1) + ':').join('|')}|`;
  const body = rows.map((r) => `| ${pad(r.name, width)} | ${KEYS.map((k) => padLeft(fmt(r.scores[k]), cell(k))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

async function main() {
  const options = parse();
  const labels = await readQueryLabels(options.queries);
  const articles = (await readCorpus(options.corpus)).articles;
  const unknown = unknownIds(labels, new Set(articles.map((a) => a.id)));
  if (unknown.length > 0) console.warn(`warning: ${unknown.length} judged ids are not in the corpus (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''})`);
  const systems: RankingSystem[] = [];
  try {
    systems.push(await depechesSystem(options.corpus));
    systems.push(miniSearchSystem(articles));
    if (options.postgres) {
      const pg = await postgresFtsSystem(articles);
      if ('skipped' in pg) console.warn(`PostgreSQL skipped: ${pg.skipped}`);
      else systems.push(pg);
    }
    const perSystem = new Map<string, QueryScores[]>(systems.map((s) => [s.name, []]));
    // Ids in a system's top 10 that nobody judged: they count 0, so a system the pools did not draw from is scored low bound.
    const unjudged = new Map<string, number>(systems.map((s) => [s.name, 0]));
    // Queries on which a system returned fewer than 10 articles (an all-words engine does when few articles hold every word).
    const short = new Map<string, number>(systems.map((s) => [s.name, 0]));
    for (const query of labels.queries) {
      if (options.details) console.log(`\n${query.q}  (${Object.values(query.judgements).filter((g) => g === 2).length} about, ${Object.values(query.judgements).filter((g) => g === 1).length} partly)`);
      const rows = [];
      for (const system of systems) {
        const ranking = await system.search(query.q, DEPTH);
        const scores = scoreRanking(ranking, query.judgements);
        perSystem.get(system.name)!.push(scores);
        unjudged.set(system.name, unjudged.get(system.name)! + ranking.filter((id) => !(id in query.judgements)).length);
        if (ranking.length < DEPTH) short.set(system.name, short.get(system.name)! + 1);
        rows.push({ name: system.name, scores });
        if (options.details) console.log(`  ${pad(system.name, 24)} ${KEYS.map((k) => `${SCORE_NAMES[k]} ${fmt(scores[k])}`).join('  ')}  top 5: ${ranking.slice(0, 5).map((id) => `${id}=${query.judgements[id] ?? 0}`).join(' ')}`);
      }
    }
    const judged = labels.queries.reduce((n, q) => n + Object.keys(q.judgements).length, 0);
    console.log(`\n${labels.queries.length} queries, ${judged} judgements, ${articles.length} articles; means over the queries:\n`);
    console.log(table(systems.map((s) => ({ name: s.name, scores: meanScores(perSystem.get(s.name)!) }))));
    // The ceiling: a query with fewer relevant articles than places cannot fill them (Carlos Ghosn has one);
    // a system showing each story once counts the relevant stories (a dispatch printed by two papers is one hit).
    const relevantCount = (q: (typeof labels.queries)[number], minGrade: number, system?: RankingSystem) => {
      const ids = Object.entries(q.judgements).filter(([, g]) => g >= minGrade).map(([id]) => id);
      return system?.storyOf ? new Set(ids.map((id) => system.storyOf!(id))).size : ids.length;
    };
    const ceiling = (k: number, minGrade: number, system?: RankingSystem) => labels.queries.reduce((sum, q) => sum + Math.min(k, relevantCount(q, minGrade, system)) / k, 0) / labels.queries.length;
    const ceilingLine = (system?: RankingSystem) => `P@5 ${fmt(ceiling(5, 1, system))}, P@10 ${fmt(ceiling(10, 1, system))}, P@5 (2) ${fmt(ceiling(5, 2, system))}, P@10 (2) ${fmt(ceiling(10, 2, system))}`;
    console.log(`\nceiling on these labels (a query with fewer relevant articles than places cannot fill them): ${ceilingLine()}`);
    for (const system of systems) if (system.storyOf) console.log(`ceiling of ${system.name}, which shows each story once (relevant stories, not articles): ${ceilingLine(system)}`);
    console.log(`\nunjudged ids in the top ${DEPTH} (counted as not relevant): ${systems.map((s) => `${s.name} ${unjudged.get(s.name)}`).join(', ')}`);
    console.log(`queries answered with fewer than ${DEPTH} articles: ${systems.map((s) => `${s.name} ${short.get(s.name)}`).join(', ')}`);
    // Known item: each article's three rarest title words, then three rare words of a sentence of its body (eval/search-lib/known-item.ts).
    const sets = [
      { name: "each article's three rarest title words, one in two without accents", queries: knownItemQueries(articles) },
      { name: 'three rare words of a sentence in the middle of the body, not in the title, one in two without accents', queries: knownItemBodyQueries(articles) },
    ];
    for (const set of sets) {
      const rows: string[] = [];
      for (const system of systems) {
        let sum = 0;
        let found = 0;
        for (const query of set.queries) {
          // A system showing each story once has found the target when it shows its story (the reader sees it under "Aussi publié par").
          const ranking = await system.search(query.q, DEPTH);
          const targets = system.storyOf ? new Set([...query.targets].map((id) => system.storyOf!(id))) : query.targets;
          const rank = knownItemRank(system.storyOf ? ranking.map((id) => system.storyOf!(id)) : ranking, targets);
          sum += rank;
          if (rank > 0) found++;
        }
        rows.push(`| ${pad(system.name, 23)} | ${padLeft(fmt(sum / set.queries.length), 6)} | ${padLeft(fmt(found / set.queries.length), 5)} |`);
      }
      console.log(`\nKnown item, ${set.queries.length} queries (${set.name}):\n`);
      console.log([`| ${pad('system', 23)} | MRR@10 |  R@10 |`, `|${'-'.repeat(25)}|-------:|------:|`, ...rows].join('\n'));
    }
  } finally {
    for (const system of systems) await system.close();
  }
}

main().catch((error) => {
  console.error(`eval:search: ${(error as Error).message}`);
  process.exit(1);
});
