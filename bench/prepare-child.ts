/**
 * First child of the benchmark (`--corpus DIR --index DIR --queries K
 * --relevance R --out FILE`): indexes the corpus folder with depeches, end
 * to end from files (depeches' docs/s columns), then derives from its
 * articles the inputs every engine is given (typing session, known-item and
 * remembered-words queries, sample-corpus queries) and writes them as one
 * JSON file (BenchInputs). Run in its own process so that the indexer's
 * peak (12 GB at 1M articles) is freed before any engine is measured.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { indexCorpus } from '../src/index/index.js';
import { readCurrentDocuments } from '../src/index/store.js';
import { readCorpus } from '../src/ingest/index.js';
import { SAMPLE_CORPUS } from './generate-corpus.js';
import { mostQuotedSpeaker, sessionQueries, typingSession } from './latency.js';
import type { BenchInputs } from './measurements.js';
import { knownItemQueries, rememberedWordsQueries } from './relevance.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    index: { type: 'string' },
    queries: { type: 'string', default: '16' },
    relevance: { type: 'string', default: '100' },
    out: { type: 'string' },
  },
});
if (!values.corpus || !values.index || !values.out) {
  console.error('usage: prepare-child.ts --corpus DIR --index DIR --queries K --relevance R --out FILE');
  process.exit(2);
}
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

log('depeches: indexing the corpus from files');
const report = await indexCorpus(values.corpus, values.index);
log(`depeches: read ${report.seconds.read.toFixed(1)} s, build ${report.seconds.build.toFixed(1)} s, save ${report.seconds.save.toFixed(1)} s`);
const articles = await readCurrentDocuments(values.index);
if (!articles) throw new Error(`no readable index in ${values.index}`);
const sample = (await readCorpus(SAMPLE_CORPUS)).articles;
const queries = sessionQueries(articles, Number(values.queries));
const topSpeaker = mostQuotedSpeaker(articles);
const inputs: BenchInputs = {
  articles: articles.length,
  skipped: report.skipped.length,
  report: report.seconds,
  queries,
  topSpeaker,
  session: typingSession(queries, topSpeaker),
  knownItems: knownItemQueries(articles, Number(values.relevance)),
  rememberedItems: rememberedWordsQueries(articles, Number(values.relevance)),
  sampleItems: knownItemQueries(sample, sample.length),
};
await writeFile(values.out, JSON.stringify(inputs));
log(`${inputs.articles} articles (${inputs.skipped} skipped), ${queries.length} queries → ${inputs.session.length} typed prefixes, filter speaker "${topSpeaker}", ${inputs.knownItems.length} + ${inputs.rememberedItems.length} known-item queries`);
process.exit(0); // worker threads or pools must not keep the child alive
