/**
 * The bounded read of huge texts (TEXT_WINDOW): a text longer than the window
 * is read as a prefix of itself, cut between characters and escapes whatever
 * it holds (accents, emoji, newlines, quotes, backslashes, control
 * characters); a shorter one is read whole. Seeded trials on the real writer
 * and loader; replay with HOSTILE_SEED=<seed>.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/types.js';
import { buildIndex, indexCorpus, loadIndex, saveIndex, TEXT_WINDOW, textCut } from '../../src/index/index.js';
import { seededRandom, SMALL_ARTICLES, testSeed, writeCorpus } from './rest-helpers.js';

const PIECES = ['le conseil ', 'élu ', 'ça ', '«\u00a0Non\u00a0» ', '\n\n', '"', '\\', '\u0001', '😀 ', '\t', 'Œuvre ', '\u2028'];

let work: string;
let template: Article;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-window-'));
  const corpus = await writeCorpus(SMALL_ARTICLES.slice(0, 1), await mkdtemp(path.join(work, 'corpus-')));
  await indexCorpus(corpus, path.join(work, 'seed-index'), { threads: 0 });
  template = { ...(await loadIndex(path.join(work, 'seed-index'))).documents[0] };
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function randomText(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe('texts read in a bounded window', () => {
  it('give a prefix of a long text and a short text whole, whatever characters they hold', async () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const texts = Array.from({ length: 12 }, (_, k) => randomText(random, k % 3 === 0 ? 1000 + Math.floor(random() * 5000) : TEXT_WINDOW / 2 + Math.floor(random() * TEXT_WINDOW)));
    const articles: Article[] = texts.map((text, k) => ({ ...template, id: `w${k}`, path: `w${k}.jsonl`, text }));
    const index = buildIndex(articles, null);
    const dir = path.join(work, `index-${seed}`);
    await saveIndex(index, dir);
    const loaded = await loadIndex(dir);
    for (let k = 0; k < texts.length; k++) {
      const read = loaded.documents[loaded.byId.get(`w${k}`)!].text;
      const encoded = Buffer.byteLength(JSON.stringify(texts[k]));
      const why = `seed ${seed} (HOSTILE_SEED=${seed}), text ${k} of ${texts[k].length} characters`;
      if (encoded <= TEXT_WINDOW) {
        expect(read, why).toBe(texts[k]);
        expect(textCut(loaded.documents[loaded.byId.get(`w${k}`)!]), why).toBeNull();
      } else {
        expect(texts[k].startsWith(read), why).toBe(true);
        // At most an escape (6 bytes) and a character (4 bytes) short of the window.
        expect(Buffer.byteLength(JSON.stringify(read)) + 12, why).toBeGreaterThan(TEXT_WINDOW);
        expect(textCut(loaded.documents[loaded.byId.get(`w${k}`)!]), why).toEqual({ shownBytes: TEXT_WINDOW, totalBytes: encoded });
      }
    }
  }, 60_000);
});
