import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus, loadIndex, quoteOutlines } from '../src/index/index.js';
import { readSections } from '../src/index/binary-file.js';
import { readCorpus } from '../src/ingest/index.js';
import { search, Searcher } from '../src/search/index.js';
import { request } from './helpers/sample-index.js';

/**
 * A build stores quotations by their place in the text (src/index/stored-quotes.ts):
 * loaded, they are the quotations extracted, words included; catalog.json
 * holds no copy of words the text gives back, but keeps those it does not
 * (a quote continued after its attribution).
 */
const TEXTS: Record<string, string> = {
  'a-port.txt': `Le port de Brest rouvrira au printemps

Brest, 12 mars 2024

« La guerre froide entre les armateurs est finie », a déclaré mardi Aurélien Vasseur, président du port.

« Nous attendons des garanties », a répondu Ludmila Kovrigina, « pas des promesses de campagne électorale ».`,
  'b-pont.txt': `Le pont de Morlaix fermé pour travaux

Morlaix, 14 mars 2024

« Le pont restera fermé tout l'hiver », a annoncé Ludmila Kovrigina. « Les   habitants
devront passer par la rocade nord », a-t-elle ajouté.`,
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-stored-quotes-'));
  await mkdir(path.join(work, 'corpus'));
  for (const [name, text] of Object.entries(TEXTS)) await writeFile(path.join(work, 'corpus', name), text);
  await indexCorpus(path.join(work, 'corpus'), path.join(work, 'index'), { threads: 0 });
}, 60_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('quotations stored by their place', () => {
  it('loads the quotations extracted, words, speakers and places, and their outlines without the text', async () => {
    const extracted = (await readCorpus(path.join(work, 'corpus'))).articles;
    const index = await loadIndex(path.join(work, 'index'));
    const quotes = extracted.flatMap((a) => a.quotes);
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    expect(quotes.some((q) => q.text.includes(' […] '))).toBe(true);
    for (const article of extracted) {
      const loaded = index.documents[index.byId.get(article.id)!];
      expect(loaded.quotes).toEqual(article.quotes);
      expect(quoteOutlines(loaded).map((o) => [o.speaker, o.kind, o.start])).toEqual(article.quotes.map((q) => [q.speaker, q.kind, q.start]));
    }
  });

  it('keeps in index.bin only the words the text does not give back', async () => {
    const current = JSON.parse(await readFile(path.join(work, 'index', 'current.json'), 'utf8')) as { build: string };
    const build = path.join(work, 'index', 'builds', current.build);
    const words = (await readSections(path.join(build, 'index.bin'))).get('quotationWords');
    const kept = [words, await readFile(path.join(build, 'catalog.json'), 'utf8')].join('\n');
    expect(kept).not.toContain('La guerre froide entre les armateurs');
    expect(kept).not.toContain('Le pont restera fermé');
    // "« … », a répondu X, « … »": one quotation of two parts, its words kept
    expect((JSON.parse(words as string) as string[]).some((w) => w.includes('Nous attendons des garanties […] pas des promesses'))).toBe(true);
    const lines = await readFile(path.join(work, 'index', 'builds', current.build, 'documents.jsonl'), 'utf8');
    expect(lines).not.toContain('"text":"La guerre froide');
  });

  it('finds a citation: phrase inside one quotation, never across two that follow each other', async () => {
    const searcher = new Searcher(await loadIndex(path.join(work, 'index')));
    const total = (q: string) => search(searcher, request({ q })).total;
    expect(total('citation:"restera fermé" ')).toBe(1);
    expect(total('citation:"devront passer" ')).toBe(1);
    // "… tout l'hiver » … « Les habitants …": the words follow each other in the quotes field only
    expect(total('citation:"hiver les habitants" ')).toBe(0);
  });

  it('gives incremental runs the quotations whole: a rerun keeps them', async () => {
    await indexCorpus(path.join(work, 'corpus'), path.join(work, 'index'), { threads: 0 });
    const index = await loadIndex(path.join(work, 'index'));
    const extracted = (await readCorpus(path.join(work, 'corpus'))).articles;
    for (const article of extracted) expect(index.documents[index.byId.get(article.id)!].quotes).toEqual(article.quotes);
  });
});
