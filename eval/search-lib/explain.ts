/**
 * Why depeches ranks what it ranks, for the labelled queries where its P@5
 * is below 1 (or the queries given with --q): its top `--top` (5) hits with
 * the ranking rules' parts (partial fill, exactness steps, BM25 with
 * proximity), each clause's BM25 in the article, whether the title holds
 * each clause, the article's length and date, and its grade; then where
 * the relevant articles it did not show rank (and why, with the same parts).
 *
 *   npx tsx eval/search-lib/explain.ts --corpus <folder> --queries eval/labels/realnews-dev.queries.json [--q "query"]... [--top 5]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { facetFilters } from '../../src/analysis/index.js';
import { indexCorpus, loadIndex } from '../../src/index/index.js';
import { search, Searcher } from '../../src/search/index.js';
import { clauseTerms as termsOfClause, evaluateQuery } from '../../src/search/evaluate.js';
import { bm25Part, RANK_STEP } from '../../src/search/exactness.js';
import { parseQuery } from '../../src/search/parse-query.js';
import { readQueryLabels } from './labels.js';
import { precisionAt } from './metrics.js';

const DEPTH = 200;

function explainQuery(index: Searcher, q: string, judgements: Record<string, number>, top: number): string[] {
  const lines: string[] = [];
  const parsed = parseQuery(q);
  const found = evaluateQuery(index, parsed);
  const byDoc = new Map<number, number>();
  if (found.matches) for (let k = 0; k < found.matches.docs.length; k++) byDoc.set(found.matches.docs[k], found.matches.scores[k]);
  const clauseTerms = parsed.clauses.map((clause) => termsOfClause(index, clause));
  const partialDocs = found.partial?.docs ?? new Set<number>();
  const view = index.postings;
  const clauseScores = clauseTerms.map((terms) => {
    const m = view.score(terms.map((term) => ({ term, weight: 1 })));
    return new Map(Array.from(m.docs, (n, k) => [n, m.scores[k]]));
  });
  const ranking = search(index, { q, filters: facetFilters(), from: null, to: null, page: 1, perPage: DEPTH, sort: 'relevance' }).hits.map((h) => h.id);
  const describe = (id: string, place: string) => {
    const n = index.byId.get(id);
    if (n === undefined) return `${place} ${id} not in the index`;
    const doc = index.documents[n];
    const score = byDoc.get(n);
    const title = doc.title.toLowerCase();
    const parts = clauseTerms.map((terms, c) => {
      const inTitle = terms.some((t) => title.includes(t.slice(0, Math.max(3, t.length - 1))));
      return `${terms.slice(0, 3).join('/')}${terms.length > 3 ? '…' : ''}=${(clauseScores[c].get(n) ?? 0).toFixed(1)}${inTitle ? 'T' : ''}`;
    });
    const steps = score === undefined ? '-' : Math.floor(score / RANK_STEP);
    return `${place} ${id}=${judgements[id] ?? '?'} ${score === undefined ? 'NOT MATCHED' : `steps ${steps}${partialDocs.has(n) ? ' partial' : ''} bm25 ${bm25Part(score).toFixed(1)}`} | ${parts.join(' ')} | len ${doc.text.length} ${doc.date ?? ''} | ${doc.title.slice(0, 70)}`;
  };
  lines.push(`\n## ${q}  P@5 ${precisionAt(ranking, judgements, 5).toFixed(1)}  (${ranking.length} hits${found.partial ? `, partial ${found.partial.matched}/${found.partial.of}` : ''}${found.relaxed ? `, relaxed ${found.relaxed.matched}/${found.relaxed.of}` : ''}) terms: ${clauseTerms.map((t) => t.slice(0, 4).join('/')).join(' + ')}`);
  ranking.slice(0, top).forEach((id, k) => lines.push(describe(id, `  ${k + 1}.`)));
  const missed = Object.entries(judgements).filter(([id, g]) => g > 0 && !ranking.slice(0, top).includes(id));
  for (const [id] of missed.sort((a, b) => b[1] - a[1]).slice(0, 6)) {
    const at = ranking.indexOf(id);
    lines.push(describe(id, `   missed ${at < 0 ? `>${DEPTH}` : `@${at + 1}`}`));
  }
  return lines;
}

async function main() {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, queries: { type: 'string' }, q: { type: 'string', multiple: true }, top: { type: 'string' } } });
  if (!values.corpus || !values.queries) throw new Error('usage: explain.ts --corpus <folder> --queries <labels> [--q query]... [--top 5]');
  const labels = await readQueryLabels(values.queries);
  const top = Number(values.top ?? 5);
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-explain-'));
  try {
    await indexCorpus(values.corpus, dir);
    const index = new Searcher(await loadIndex(dir));
    for (const query of labels.queries) {
      if (values.q ? !values.q.includes(query.q) : precisionAt(search(index, { q: query.q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 5, sort: 'relevance' }).hits.map((h) => h.id), query.judgements, 5) >= 1) continue;
      console.log(explainQuery(index, query.q, { ...query.judgements }, top).join('\n'));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`explain: ${(error as Error).message}`);
  process.exit(1);
});
