/**
 * Evaluation of quotation extraction on hand labels (a tool, not a test):
 *
 *   npm run eval:quotes -- --corpus ../shared/realnews-dev/corpus --labels eval/labels/realnews-dev.quotes.json [--details] [--all] [--json]
 *
 * A predicted quotation matches a labelled one of the same article when its
 * folded text starts with the label's folded text (the label holds the
 * first ~12 words) and it is of the same kind (direct, indirect); each side
 * is matched at most once, in text order.
 * Detection: precision = matched / predicted, recall = matched / labelled.
 * Attribution: a matched quotation whose speaker is right (the label's
 * speaker or one of its alternatives, folded; null for null) counts;
 * precision = right / predicted, recall = right / labelled. Labels noted
 * "hesitant" or "legal wording" are left out (a prediction matching one
 * counts neither way) unless --all. See eval/README.md.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus, type Article, type Quote } from '../src/ingest/index.js';
import { foldLabel } from './lib/fold.js';
import { markdownTable, percent, ratio } from './lib/table.js';

const USAGE = 'usage: npm run eval:quotes -- --corpus DIR --labels FILE [--details] [--all] [--json]';

interface LabelledQuote {
  kind: 'direct' | 'indirect';
  text: string;
  speaker: string | string[] | null;
  notes?: string;
}
interface LabelledArticle {
  id: string;
  publisher: string;
  quotes: LabelledQuote[];
}

function fail(message: string): never {
  console.error(`eval:quotes: ${message}`);
  process.exit(1);
}

function readLabels(file: string): LabelledArticle[] {
  if (!existsSync(file)) fail(`label file not found: ${file}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const articles = (data as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) fail(`${file}: no "articles" list`);
  for (const a of articles as LabelledArticle[]) {
    if (typeof a?.id !== 'string' || !Array.isArray(a.quotes)) fail(`${file}: an article without "id" or "quotes"`);
    for (const q of a.quotes) if ((q.kind !== 'direct' && q.kind !== 'indirect') || typeof q.text !== 'string') fail(`${file}: ${a.id}: a quote without kind or text`);
  }
  return articles as LabelledArticle[];
}

const isHesitant = (q: LabelledQuote) => /hesitant|legal wording/iu.test(q.notes ?? '');

function speakerRight(predicted: string | null, label: LabelledQuote['speaker']): boolean {
  if (label === null) return predicted === null;
  if (predicted === null) return false;
  const alternatives = Array.isArray(label) ? label : [label];
  return alternatives.some((a) => foldLabel(a) === foldLabel(predicted));
}

interface Counts {
  labelled: number;
  predicted: number;
  matched: number;
  right: number;
}
const emptyCounts = (): Counts => ({ labelled: 0, predicted: 0, matched: 0, right: 0 });
function add(into: Counts, c: Counts): void {
  into.labelled += c.labelled;
  into.predicted += c.predicted;
  into.matched += c.matched;
  into.right += c.right;
}

interface ArticleScore {
  counts: Record<'direct' | 'indirect', Counts>;
  missed: LabelledQuote[];
  spurious: Quote[];
  wrongSpeaker: { label: LabelledQuote; quote: Quote }[];
}

function scoreArticle(predicted: Quote[], labels: LabelledQuote[], all: boolean): ArticleScore {
  const counts = { direct: emptyCounts(), indirect: emptyCounts() };
  const folded = predicted.map((q) => foldLabel(q.text));
  const used = new Set<number>();
  const ignored = new Set<number>();
  const missed: LabelledQuote[] = [];
  const wrongSpeaker: ArticleScore['wrongSpeaker'] = [];
  for (const label of labels) {
    const hesitant = !all && isHesitant(label);
    const prefix = foldLabel(label.text);
    const k = predicted.findIndex((q, i) => !used.has(i) && !ignored.has(i) && q.kind === label.kind && folded[i].startsWith(prefix));
    if (hesitant) {
      if (k >= 0) ignored.add(k);
      continue;
    }
    const c = counts[label.kind];
    c.labelled++;
    if (k < 0) {
      missed.push(label);
      continue;
    }
    used.add(k);
    c.matched++;
    if (speakerRight(predicted[k].speaker, label.speaker)) c.right++;
    else wrongSpeaker.push({ label, quote: predicted[k] });
  }
  const spurious: Quote[] = [];
  predicted.forEach((q, i) => {
    if (ignored.has(i)) return;
    counts[q.kind].predicted++;
    if (!used.has(i)) spurious.push(q);
  });
  return { counts, missed, spurious, wrongSpeaker };
}

function rows(name: string, c: Counts): (string | number)[] {
  const p = ratio(c.matched, c.predicted);
  const r = ratio(c.matched, c.labelled);
  const ap = ratio(c.right, c.predicted);
  const ar = ratio(c.right, c.labelled);
  const f1 = (x: number | null, y: number | null) => (x === null || y === null || x + y === 0 ? null : (2 * x * y) / (x + y));
  return [name, c.labelled, c.predicted, c.matched, percent(p), percent(r), percent(f1(p, r)), c.right, percent(ap), percent(ar), percent(f1(ap, ar))];
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs({ options: { corpus: { type: 'string' }, labels: { type: 'string' }, details: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true }).values;
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  if (opts.help) return void console.log(USAGE);
  if (!opts.corpus || !opts.labels) fail(`--corpus and --labels are required (${USAGE})`);
  const corpus = path.resolve(opts.corpus);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) fail(`corpus folder not found: ${opts.corpus}`);
  const labels = readLabels(path.resolve(opts.labels));
  const wanted = new Set(labels.map((l) => l.id));
  const articles = new Map<string, Article>();
  for (const article of (await readCorpus(corpus)).articles) if (wanted.has(article.id)) articles.set(article.id, article);
  const missing = labels.filter((l) => !articles.has(l.id)).map((l) => l.id);
  if (missing.length > 0) console.error(`eval:quotes: ${missing.length} labelled id(s) not in the corpus, ignored: ${missing.slice(0, 5).join(', ')}`);

  const byPublisher = new Map<string, Record<'direct' | 'indirect' | 'all', Counts>>();
  const total = { direct: emptyCounts(), indirect: emptyCounts(), all: emptyCounts() };
  const details: string[] = [];
  for (const label of labels) {
    const article = articles.get(label.id);
    if (!article) continue;
    const score = scoreArticle(article.quotes, label.quotes, opts.all);
    const row = byPublisher.get(label.publisher) ?? { direct: emptyCounts(), indirect: emptyCounts(), all: emptyCounts() };
    for (const kind of ['direct', 'indirect'] as const) {
      add(row[kind], score.counts[kind]);
      add(row.all, score.counts[kind]);
      add(total[kind], score.counts[kind]);
      add(total.all, score.counts[kind]);
    }
    byPublisher.set(label.publisher, row);
    if (opts.details && (score.missed.length || score.spurious.length || score.wrongSpeaker.length)) {
      details.push(`\n## ${label.id}`);
      for (const m of score.missed) details.push(`- missed ${m.kind}: «${m.text}» (${JSON.stringify(m.speaker)})`);
      for (const s of score.spurious) details.push(`- spurious ${s.kind}: «${s.text.slice(0, 90)}» (${JSON.stringify(s.speaker)})`);
      for (const w of score.wrongSpeaker) details.push(`- wrong speaker: «${w.label.text}» labelled ${JSON.stringify(w.label.speaker)}, predicted ${JSON.stringify(w.quote.speaker)}`);
    }
  }
  if (opts.json) return void console.log(JSON.stringify({ total, byPublisher: Object.fromEntries(byPublisher) }, null, 2));
  const header = ['publisher', 'labelled', 'predicted', 'matched', 'precision', 'recall', 'F1', 'speaker right', 'attr. precision', 'attr. recall', 'attr. F1'];
  for (const kind of ['all', 'direct', 'indirect'] as const) {
    console.log(`\n### Quotations: ${kind === 'all' ? 'direct and indirect' : kind}${opts.all ? ' (hesitant labels included)' : ''}\n`);
    console.log(markdownTable(header, [...[...byPublisher].map(([name, c]) => rows(name, c[kind])), rows('**total**', total[kind])]));
  }
  if (details.length) console.log(details.join('\n'));
}

main().catch((error) => fail((error as Error).message));
