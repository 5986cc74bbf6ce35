/**
 * Dumps what articleFromText makes of a corpus, one JSON line per article, so
 * that two versions of the ingest code can be diffed (not a test):
 *   npx tsx bench/extract-dump.ts --root /work/main --corpus DIR [--corpus DIR2] [--limit N] > out.jsonl
 * `--root` is the checkout whose src/ingest is used (default: this one).
 * Each file is read as the indexer reads it (readCorpusFileSync, with the
 * metadata a JSON Lines record gives); each JSON Lines record is also
 * extracted bare (its text alone), so that every extractor runs on real text.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function option(name: string): string[] {
  const values: string[] = [];
  for (let i = 2; i < process.argv.length; i++) if (process.argv[i] === `--${name}`) values.push(process.argv[i + 1]);
  return values;
}

const root = path.resolve(option('root')[0] ?? path.join(import.meta.dirname, '..'));
const limit = Number(option('limit')[0] ?? Infinity);
const ingest = await import(pathToFileURL(path.join(root, 'src/ingest/index.ts')).href);
const { readJsonLines } = await import(pathToFileURL(path.join(root, 'src/ingest/readers/jsonl.ts')).href);

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

function fields(a: Record<string, unknown>): Record<string, unknown> {
  return { id: a.id, path: a.path, title: a.title, date: a.date, source: a.source, url: a.url, speakers: a.speakers, organisations: a.organisations, quotes: a.quotes, text: a.text };
}

let count = 0;
for (const corpus of option('corpus')) {
  for (const rel of listFiles(corpus)) {
    if (count >= limit) break;
    const outcome = ingest.readCorpusFileSync(corpus, rel);
    for (const article of outcome.articles) process.stdout.write(`${JSON.stringify({ kind: 'read', ...fields(article) })}\n`);
    for (const skipped of outcome.skipped) process.stdout.write(`${JSON.stringify({ kind: 'skipped', ...skipped })}\n`);
    if (rel.endsWith('.jsonl')) {
      const { readFileSync } = await import('node:fs');
      for (const document of readJsonLines(readFileSync(path.join(corpus, rel), 'utf8'), rel).documents) {
        const bare = ingest.articleFromText({ id: document.id, path: rel, format: 'txt', text: document.text, fileHash: '0' });
        process.stdout.write(`${JSON.stringify({ kind: 'bare', ...fields(bare) })}\n`);
      }
    }
    count++;
  }
}
