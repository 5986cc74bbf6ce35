import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFromText, type Article } from '../../src/ingest/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The real sample corpus of the project (never modified by tests). */
export const SAMPLE_CORPUS = path.resolve(here, '../../corpus');

/** Fixture corpus: HTML, Markdown, JSON Lines, legacy encodings, binary and empty files, nested folders. */
export const FIXTURE_CORPUS = path.join(here, 'fixtures/corpus');

export const SAMPLE_IDS = ['000_f3dc22192a66a48d', '001_2fae7799cb8809e3', '002_7c4669d5fc0d68a3', '003_3bc2539186bf695d', '004_5c2e808d7d0e501c'] as const;

export function sampleText(id: string): string {
  return readFileSync(path.join(SAMPLE_CORPUS, `${id}.txt`), 'utf8');
}

/** An article made from text written in the test, as a .txt file would give it. */
export function articleOf(text: string, id = 'test'): Article {
  return articleFromText({ id, path: `${id}.txt`, format: 'txt', text, fileHash: '0'.repeat(40) });
}
