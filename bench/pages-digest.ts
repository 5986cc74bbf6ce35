/**
 * A digest of the answers of the live-typing session and of misspelt
 * queries, to compare two trees' results (`npx tsx
 * /path/to/bench/pages-digest.ts --index DIR` run from each tree: it loads
 * the search stage of the tree it runs in). Prints one SHA-256 over every
 * answer (total, hits with their scores, facets, understood query), and one
 * for the typo queries alone.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { index: { type: 'string' } } });
if (!values.index) throw new Error('--index DIR is required');
const tree = (file: string) => import(pathToFileURL(path.resolve(process.cwd(), file)).href);
const { loadIndex } = await tree('src/index/index.ts');
const { search, Searcher, warmSearch } = await tree('src/search/index.ts');
const { sessionQueries, typingSession, mostQuotedSpeaker } = await tree('bench/latency.ts');
const { request } = await tree('bench/peers/depeches.ts');

const searcher = new Searcher(await loadIndex(values.index));
warmSearch(searcher);
const documents = searcher.index.documents;
const session: { q: string; speaker?: string }[] = typingSession(sessionQueries(documents, 16), mostQuotedSpeaker(documents));
// Words of the archive's titles with a letter changed, dropped or doubled: answered by typo look-ups.
const typos: string[] = [];
for (let n = 0; n < documents.length && typos.length < 300; n += 331) {
  for (const word of String(documents[n].title).split(/\s+/).filter((w: string) => w.length >= 6).slice(0, 2)) {
    const k = word.length >> 1;
    typos.push(word.slice(0, k) + 'z' + word.slice(k + 1), word.slice(0, k) + word.slice(k + 1), word.slice(0, k) + word[k] + word.slice(k));
  }
}
const digest = (queries: { q: string; speaker?: string }[]) => {
  const hash = createHash('sha256');
  // took_ms is a timing, not a result.
  for (const { q, speaker } of queries) hash.update(JSON.stringify({ ...search(searcher, request(q, speaker)), took_ms: 0 }));
  return hash.digest('hex').slice(0, 16);
};
console.log(`session (${session.length} queries): ${digest(session)}`);
console.log(`typos (${typos.length} queries): ${digest(typos.map((q) => ({ q })))}`);
