import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readEvalCases } from '../helpers/sample-index.js';
import path from 'node:path';
import { readCorpus, type Article, type CorpusReadResult } from '../../src/ingest/index.js';
import { SAMPLE_CORPUS, SAMPLE_IDS } from './helpers.js';

/** What users expect of the sample corpus: the "metadata" of the evaluation cases (tests/fixtures/eval-cases.json). */
const evalMetadata = readEvalCases().metadata;

let corpus: CorpusReadResult;
const byId = (id: string): Article => {
  const article = corpus.articles.find((a) => a.id === id);
  if (!article) throw new Error(`no article ${id}`);
  return article;
};

beforeAll(async () => {
  corpus = await readCorpus(SAMPLE_CORPUS);
});

describe('the sample corpus', () => {
  it('reads the five files, skips none, ids are file names without extension', () => {
    expect(corpus.filesSeen).toBe(5);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.articles.map((a) => a.id)).toEqual([...SAMPLE_IDS]);
    for (const article of corpus.articles) {
      expect(article.format).toBe('txt');
      expect(article.path).toBe(`${article.id}.txt`);
      expect(article.fileHash).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('matches the shared evaluation metadata', () => {
    for (const [id, expected] of Object.entries(evalMetadata)) {
      const article = byId(id);
      expect(article.date, id).toBe(expected.date);
      expect([...article.speakers].sort(), id).toEqual([...expected.speakers].sort());
      for (const organisation of expected.organisations_include) expect(article.organisations, id).toContain(organisation);
    }
  });

  it('000: no headline, so the first sentence shortened; dated by "Le 10 janvier 2022"', () => {
    const article = byId('000_f3dc22192a66a48d');
    expect(article.title).toBe('Le 10 janvier 2022, le conseiller d’État et ministre des Affaires étrangères Wang Yi a tenu une conversation…');
    expect(article.title.length).toBeLessThanOrEqual(121);
    expect(article.date).toBe('2022-01-10');
    expect(article.speakers).toEqual(['Wang Yi', 'Sergueï Lavrov']);
    expect(article.organisations).toEqual(expect.arrayContaining(['OTSC', 'ONU', 'OCS']));
    expect(article.organisations).not.toContain('Organisation du traité de sécurité collective');
    expect(article.source).toBeNull();
    expect(article.url).toBeNull();
  });

  it('001: headline after the chrome, dateline date and source, only Wang Yi speaks', () => {
    const article = byId('001_2fae7799cb8809e3');
    expect(article.title).toBe(
      "Les ministres des AE chinois et russe s'entretiennent au téléphone sur les relations bilatérales et la situation au Kazakhstan",
    );
    // the dateline "Xinhua | 11.01.2022 08h27" is the publication date; the call was on Monday the 10th
    expect(article.date).toBe('2022-01-11');
    expect(article.source).toBe('Xinhua');
    expect(article.speakers).toEqual(['Wang Yi']);
    expect(article.speakers).not.toContain('Shuang Sheng');
    expect(article.organisations).toEqual(expect.arrayContaining(['OTSC', 'ONU']));
    expect(article.organisations).not.toContain('AE');
  });

  it('002: "Serguei" is written Sergueï; OCS, ONU, BRICS', () => {
    const article = byId('002_7c4669d5fc0d68a3');
    expect(article.title).toMatch(/^Le 15 juillet 2021, heure locale, le Conseiller d'État .*…$/);
    expect(article.date).toBe('2021-07-15');
    expect(article.speakers).toEqual(['Wang Yi', 'Sergueï Lavrov']);
    expect(article.organisations).toEqual(expect.arrayContaining(['OCS', 'ONU', 'BRICS']));
    expect(article.organisations).not.toContain('COVID');
  });

  it('003: headline, ISO dateline, Union économique eurasiatique', () => {
    const article = byId('003_3bc2539186bf695d');
    expect(article.title).toBe('Wang Yi s\'entretient par téléphone avec le Ministre russe des Affaires étrangères Sergueï Lavrov');
    expect(article.date).toBe('2021-02-04');
    expect(article.speakers).toEqual(['Wang Yi', 'Sergueï Lavrov']);
    expect(article.organisations).toEqual(expect.arrayContaining(['Union économique eurasiatique', 'Forum économique mondial']));
  });

  it('004: headline under the furniture line, year implied for "le 27 octobre", three speakers', () => {
    const article = byId('004_5c2e808d7d0e501c');
    expect(article.title).toBe('La Chine veut « approfondir » ses relations avec la Russie');
    expect(article.date).toBe('2022-10-27');
    expect(article.speakers).toEqual(['Wang Yi', 'Sergueï Lavrov', 'Xi Jinping']);
    expect(article.organisations).toEqual(expect.arrayContaining(['PCC', 'OTAN', 'ONU']));
    expect(article.organisations).not.toContain('XX');
    // Xinhua is only quoted ("selon l'agence de presse, Xinhua"), not the publisher
    expect(article.source).toBeNull();
  });

  it('leaves no chrome in the text', () => {
    const chrome = [
      'Dernière mise à jour',
      "Page d'accueil",
      'Partagez cet article',
      'Votre pseudo',
      'Conseils de la rédaction',
      'Rédacteurs',
      'Shuang',
      'lundi, septembre 2',
      'Retrouvez l’ensemble des articles',
      'Lire aussi',
      'Laisser un commentaire',
      'Votre adresse e-mail',
      'champs obligatoires',
      '•',
      '\u00a0',
    ];
    for (const article of corpus.articles) {
      for (const piece of chrome) expect(article.text, `${article.id}: ${piece}`).not.toContain(piece);
      expect(article.text).not.toMatch(/\n{3,}/);
    }
    expect(byId('004_5c2e808d7d0e501c').text).toContain('Ces propos sont les premiers');
    expect(byId('001_2fae7799cb8809e3').text).toContain('a conclu M. Wang.');
  });

  it('keeps paragraphs separated by a blank line', () => {
    const paragraphs = byId('000_f3dc22192a66a48d').text.split('\n\n');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^Le 10 janvier 2022/);
  });

  it('reads the file bytes for the hash', async () => {
    const { createHash } = await import('node:crypto');
    const bytes = readFileSync(path.join(SAMPLE_CORPUS, '003_3bc2539186bf695d.txt'));
    expect(byId('003_3bc2539186bf695d').fileHash).toBe(createHash('sha1').update(bytes).digest('hex'));
  });
});
