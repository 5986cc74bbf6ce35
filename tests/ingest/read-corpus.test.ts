import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError, readCorpus, type Article, type CorpusReadResult } from '../../src/ingest/index.js';
import { FIXTURE_CORPUS, SAMPLE_CORPUS } from './helpers.js';

let corpus: CorpusReadResult;
const article = (id: string): Article => {
  const found = corpus.articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id} among ${corpus.articles.map((a) => a.id).join(', ')}`);
  return found;
};
const MUST_NOT_APPEAR = /MUST_NOT_APPEAR/;

beforeAll(async () => {
  corpus = await readCorpus(FIXTURE_CORPUS);
});

describe('readCorpus on the fixture corpus', () => {
  it('looks at every visible file, recursively, and skips hidden ones', () => {
    expect(corpus.filesSeen).toBe(18);
    const paths = [...corpus.articles.map((a) => a.path), ...corpus.skipped.map((s) => s.path)];
    expect(paths.some((p) => p.includes('.hidden') || p.includes('.cache'))).toBe(false);
    expect(article('nested/2022/octobre/depeche').path).toBe('nested/2022/octobre/depeche.txt');
  });

  it('lists each bad file or line with its reason and keeps going', () => {
    expect(corpus.skipped).toEqual([
      { path: 'broken/LISEZMOI', reason: 'unsupported extension (none)' },
      { path: 'broken/blank.md', reason: 'empty file' },
      { path: 'broken/empty.txt', reason: 'empty file' },
      { path: 'broken/image.txt', reason: 'binary file' },
      { path: 'broken/rapport.pdf', reason: 'unsupported extension .pdf' },
      { path: 'feeds/depeches.jsonl', reason: 'line 3: invalid JSON' },
      { path: 'feeds/depeches.jsonl', reason: 'line 4: missing "text"' },
      { path: 'feeds/depeches.jsonl', reason: 'line 6: not a JSON object' },
      { path: 'dup/meme-nom.txt', reason: 'duplicate id dup/meme-nom (already used by dup/meme-nom.md): indexed as dup/meme-nom~2' },
    ]);
    expect(corpus.articles).toHaveLength(15); // 13 readable files, one of them JSON Lines with 3 good lines
  });

  it('HTML: the article, not the page', () => {
    const page = article('html/sommet-astana');
    expect(page.format).toBe('html');
    expect(page.title).toBe("Astana accueille le sommet de l'OCS");
    expect(page.date).toBe('2023-03-02'); // article:published_time is absent: JSON-LD datePublished, not the <time> nor the text
    expect(page.url).toBe('https://courrier-steppes.example/2023/03/astana-sommet-ocs');
    expect(page.source).toBe('Le Courrier des steppes');
    expect(page.text).not.toMatch(MUST_NOT_APPEAR);
    expect(page.text).not.toContain('Partager');
    expect(page.text).not.toContain('Aïgerim'); // the byline sits in the article's <header>
    expect(page.text.split('\n\n')[0]).toMatch(/^Le ministre kazakh des Affaires étrangères Moukhtar Tileuberdi/);
    expect(page.speakers).toEqual(['Moukhtar Tileuberdi']);
    expect(page.organisations).toEqual(expect.arrayContaining(['OCS', 'ONU', 'BAII']));
  });

  it('HTML: article:published_time first, JSON-LD publisher as source, comments removed', () => {
    const page = article('html/breve');
    expect(page.date).toBe('2024-01-15');
    expect(page.source).toBe('Actu Normandie');
    expect(page.title).toBe('Brève : le port du Havre rouvre');
    expect(page.text).toBe('Le port du Havre a rouvert lundi après deux jours de tempête, a annoncé la capitainerie.');
  });

  it('HTML without <article> or <h1>: main text of the body, <title> without its site tail, <time datetime>', () => {
    const page = article('html/page-sans-article');
    expect(page.title).toBe('Les agriculteurs bretons manifestent à Rennes');
    expect(page.date).toBe('2022-11-14');
    expect(page.text).not.toMatch(MUST_NOT_APPEAR);
    expect(page.text).not.toContain('Publié le');
    expect(page.speakers).toEqual(['Maëlle Le Goff']);
  });

  it('Markdown: front matter wins, Markdown syntax is gone', () => {
    const md = article('md/entretien-geneve');
    expect(md.format).toBe('md');
    expect(md.title).toBe('Entretien à Genève sur la sécurité alimentaire');
    expect(md.date).toBe('2022-05-09');
    expect(md.source).toBe('Agence Alpine de Presse');
    expect(md.url).toBe('https://aap.example/geneve-securite-alimentaire');
    expect(md.organisations).toEqual(['ONU', 'Programme alimentaire mondial']);
    expect(md.speakers).toEqual(['Ingrid Solberg']);
    expect(md.text).not.toMatch(/[*#>`]|\]\(|https?:/);
    expect(md.text).toContain('La directrice exécutive adjointe Ingrid Solberg a rencontré à Genève les représentants de plusieurs agences.');
    expect(md.text).toContain('premier point : les stocks de céréales ;');
  });

  it('Markdown without front matter: the first heading is the headline', () => {
    const md = article('md/sans-entete');
    expect(md.title).toBe('Les vendanges commencent tôt en Alsace');
    expect(md.date).toBe('2023-08-22');
    expect(md.speakers).toEqual(['Jean-Pierre Hartmann']);
  });

  it('JSON Lines: one article a line, given fields win, ids from the line or from the line number', () => {
    const first = article('dep-001');
    expect(first.format).toBe('jsonl');
    expect(first.path).toBe('feeds/depeches.jsonl');
    expect(first.title).toBe('Accord commercial signé à Nairobi');
    expect(first.date).toBe('2023-06-12');
    expect(first.source).toBe('Agence Test');
    expect(first.speakers).toEqual(['Moses Kuria']);

    const second = article('feeds/depeches:2');
    expect(second.date).toBe('2023-04-03');
    expect(second.organisations).toEqual(['FMI']);
    expect(second.fileHash).toBe(first.fileHash);

    expect(article('7').organisations).toEqual(['UA']);
  });

  it('legacy encodings give the same clean text', () => {
    expect(article('legacy/utf-16le').text).toBe(article('legacy/utf-16be').text);
    expect(article('legacy/utf-8-bom').text).toBe(article('legacy/utf-16le').text);
    const latin = article('legacy/windows-1252');
    expect(latin.title).toBe('Hausse des prix de l’énergie en Wallonie');
    expect(latin.speakers).toEqual(['Élodie Verhaegen']);
    expect(latin.date).toBe('2023-02-02');
  });
});

describe('readCorpus', () => {
  it('throws CorpusError for a missing folder or a file', async () => {
    await expect(readCorpus(path.join(FIXTURE_CORPUS, 'no-such-folder'))).rejects.toBeInstanceOf(CorpusError);
    await expect(readCorpus(path.join(SAMPLE_CORPUS, '000_f3dc22192a66a48d.txt'))).rejects.toThrow(/not a folder/);
  });

  it('reports progress for every file', async () => {
    const calls: [number, number][] = [];
    await readCorpus(SAMPLE_CORPUS, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
  });

  describe('with a previous run', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'depeches-ingest-'));
      cpSync(SAMPLE_CORPUS, dir, { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reuses articles of unchanged files and reads changed ones again', async () => {
      const first = await readCorpus(dir);
      const previous = new Map<string, Article[]>();
      for (const a of first.articles) previous.set(a.path, [...(previous.get(a.path) ?? []), a]);

      writeFileSync(path.join(dir, '003_3bc2539186bf695d.txt'), 'Un titre neuf\n\nLe 5 mai 2024, M. Dupont a déclaré que tout changeait.');
      const second = await readCorpus(dir, { previous });
      const unchanged = second.articles.find((a) => a.id === '000_f3dc22192a66a48d');
      const changed = second.articles.find((a) => a.id === '003_3bc2539186bf695d')!;
      expect(unchanged).toBe(previous.get('000_f3dc22192a66a48d.txt')![0]);
      expect(changed).not.toBe(previous.get('003_3bc2539186bf695d.txt')![0]);
      expect(changed.title).toBe('Un titre neuf');
      expect(changed.date).toBe('2024-05-05');
    });
  });

  it('gives one spelling per person across the corpus', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'depeches-names-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), 'Le ministre Andreï Roudenko a déclaré que le dialogue continuait.');
      writeFileSync(path.join(dir, 'b.txt'), 'Andrei Roudenko a affirmé que la visite aurait lieu.');
      writeFileSync(path.join(dir, 'c.txt'), 'Andrei Rudenko a dit que la date restait à fixer.');
      const result = await readCorpus(dir);
      // Rudenko is one letter from Roudenko with the same first name: the more frequent spelling wins
      expect(result.articles.map((a) => a.speakers)).toEqual([['Andreï Roudenko'], ['Andreï Roudenko'], ['Andreï Roudenko']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
