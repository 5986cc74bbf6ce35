import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, loadIndex } from '../src/index/index.js';
import { readCorpus } from '../src/ingest/index.js';

/**
 * Quotations travel from the reading threads to the saved build in their
 * spill files (src/index/text-spill.ts), never through the merging
 * thread: the real indexer over worker threads must save the quotations the
 * extraction gives, words and places, and their speakers spelled as
 * across the corpus (the spill holds each article's own spelling).
 */
const TEXTS: Record<string, string> = {
  'a-digue.txt': `La digue de Quimperlé sera relevée

Quimperlé, 3 avril 2024

« Nous ne laisserons pas la ville sous l'eau une troisième fois », a déclaré jeudi Théodora Vandenbrouck, adjointe au maire.

Selon Théodora Vandenbrouck, les travaux commenceront en juin.`,
  'b-digue.txt': `Les riverains de la digue attendent les travaux

Quimperlé, 5 avril 2024

« Les travaux commenceront en juin et dureront deux ans », a précisé Theodora Vandenbrouck. « Personne ne sera relogé », a-t-elle ajouté.`,
  'c-port.txt': `Le port de Concarneau agrandi

Concarneau, 6 avril 2024

« Le quai nord accueillera les thoniers dès l'automne », a annoncé Théodora Vandenbrouck, « et les plaisanciers au printemps ».`,
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-quotes-workers-'));
  await mkdir(path.join(work, 'corpus'));
  for (const [name, text] of Object.entries(TEXTS)) await writeFile(path.join(work, 'corpus', name), text);
}, 60_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('quotations over worker threads', () => {
  it('saves the quotations extracted, speakers spelled as the corpus spells them, the same as in one thread', async () => {
    await indexCorpus(path.join(work, 'corpus'), path.join(work, 'workers'), { threads: 2 });
    await indexCorpus(path.join(work, 'corpus'), path.join(work, 'single'), { threads: 0 });
    const extracted = (await readCorpus(path.join(work, 'corpus'))).articles;
    const overWorkers = await loadIndex(path.join(work, 'workers'));
    const inOneThread = await loadIndex(path.join(work, 'single'));
    const quotes = extracted.flatMap((a) => a.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    // one person, two spellings in the files: one spelling in every quotation, that of the articles' speakers
    const speakers = new Set(quotes.map((q) => q.speaker));
    expect(speakers.size).toBe(1);
    for (const article of extracted) {
      const fromWorkers = overWorkers.documents[overWorkers.byId.get(article.id)!];
      expect(fromWorkers.quotes).toEqual(article.quotes);
      expect(fromWorkers.speakers).toEqual(article.speakers);
      expect(inOneThread.documents[inOneThread.byId.get(article.id)!].quotes).toEqual(fromWorkers.quotes);
      for (const q of fromWorkers.quotes) expect(fromWorkers.text.slice(q.start, q.end).replace(/\s+/gu, ' ')).toContain(q.text.split(' […] ')[0]);
    }
  }, 60_000);
});
