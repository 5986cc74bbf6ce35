import { describe, expect, it } from 'vitest';
import { articleFromText, extractDate } from '../../src/ingest/index.js';
import { dateFromUrl } from '../../src/ingest/dates/url-date.js';
import { normaliseGivenDate } from '../../src/ingest/dates/extract-date.js';

/** Dates of real-news records: url, furniture, embedded posts, lead; "real" fixtures quote the dev corpus. */

function article(text: string, given: { url?: string; date?: string; title?: string; source?: string } = {}) {
  return articleFromText({ id: 'x:1', path: 'x.jsonl', format: 'jsonl', text, fileHash: '0', given });
}

describe('the date a url states', () => {
  it.each([
    ['https://www.journaldemontreal.com/2018/11/17/gilets-jaunes-emmanuel-macron-face-a-une-nouvelle-fronde', '2018-11-17'],
    ['https://www.lapresse.ca/actualites/national/201901/11/01-5210789-le-mouvement-des-gilets-jaunes.php', '2019-01-11'],
    ['https://www.example.fr/monde/20181207-un-titre', '2018-12-07'],
    ['https://www.example.fr/monde/un-titre-2018-12-07', '2018-12-07'],
    ['https://journal.example/2019/02/29/impossible', null],
    ['https://www.ledevoir.com/monde/europe/545008/france-attaques-les-reporters', null],
    ['https://www.tdg.ch/high-tech/enquete-faux-comptes-gilets-jaunes/story/18639060', null],
  ])('%s -> %s', (url, expected) => {
    const date = dateFromUrl(url);
    expect(date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`).toBe(expected);
  });

  it('wins over the dates of the text', () => {
    expect(article('Le 3 décembre 2018, le ministre a parlé.', { url: 'https://news.example/2018/12/07/titre' }).date).toBe('2018-12-07');
  });
});

describe('a date field in any common form', () => {
  it.each([
    ['2019-01-08', '2019-01-08'],
    ['2019-01-08T23:30:00-05:00', '2019-01-08'],
    ['8-1-2019', '2019-01-08'],
    ['08/01/2019', '2019-01-08'],
    ['8 janvier 2019', '2019-01-08'],
    ['mardi 8 janvier 2019 à 10h', '2019-01-08'],
    ['20190108', '2019-01-08'],
    ['pas une date', null],
    ['31/02/2019', null],
  ])('%s -> %s', (value, expected) => {
    expect(normaliseGivenDate(value)).toBe(expected);
  });

  it('is read from the record and wins over the url', () => {
    expect(article('Le texte.', { date: '08/01/2019', url: 'https://news.example/2018/12/07/titre' }).date).toBe('2019-01-08');
  });
});

describe('dates stated by the text itself', () => {
  it('reads "Créé: 21.12.2018, 09h59" furniture (real)', () => {
    expect(extractDate("Mardi, l'Institut national des statistiques avait abaissé sa prévision. (ats/nxp) Créé: 21.12.2018, 09h59")).toBe('2018-12-21');
  });

  it('takes the day of the embedded posts when the weekday the text names agrees (real)', () => {
    const text =
      'Les autorités ont lancé des vérifications, a-t-on appris samedi. A lire dans @thetimes, des centaines de faux profils... https://t.co/7zWPhvWAO7— Caroline Fourest (@CarolineFourest) 8 décembre 2018 A lire dans @thetimes, des centaines de faux profils... https://t.co/7zWPhvWAO7 Le quotidien assure que des comptes sont russes.';
    expect(extractDate(text)).toBe('2018-12-08');
    // 8 December 2018 was a Saturday, not a Monday
    expect(extractDate(text.replace('samedi', 'lundi'))).toBeNull();
  });

  it('reads a date of the lead, not of the body', () => {
    expect(extractDate('Le 4 avril 2024, la ministre a inauguré le pont de Brévannes.')).toBe('2024-04-04');
    expect(extractDate(`La ministre a inauguré le pont. ${'Le chantier a duré longtemps. '.repeat(20)}Il avait commencé le 3 mai 2021.`)).toBeNull();
  });

  it('never takes an earlier event named in the lead for its day (real)', () => {
    expect(extractDate("Un juge a décidé mardi de placer l'ancien collaborateur en détention, dans l'enquête sur les violences du 1er mai 2018 à Paris.")).toBeNull();
    expect(extractDate('Les blocages continuent depuis le 17 novembre 2018 sur les routes.')).toBeNull();
    expect(extractDate('Le 17 novembre 2018, des milliers de manifestants ont bloqué les routes.')).toBe('2018-11-17');
    expect(extractDate('Le grand raout est prévu du 21 au 25 janvier 2019 dans la station.')).toBeNull();
  });

  it('never dates an article before the posts it embeds', () => {
    const text = 'Le 13 novembre 2015, des terroristes ont frappé Paris, a rappelé le président. Un message #A pic.twitter.com/abcdefghij— Un Média (@media) May 4, 2018 Un message #A pic.twitter.com/abcdefghij';
    expect(extractDate(text)).toBeNull();
  });

  it('never takes a future horizon for the date', () => {
    expect(extractDate("Le gouvernement veut fermer les centrales d'ici le 1er janvier 2021, a-t-il annoncé.")).toBeNull();
  });

  it('never implies a year that puts a day after the posts of the article', () => {
    // "17 novembre" read with posts of January 2019 is 17 November 2018, not 2019
    const text =
      'Le mouvement est né le 17 novembre, rappelle le collectif. Un message #A pic.twitter.com/abcdefghij— Un Collectif (@collectif) January 12, 2019 Un message #A pic.twitter.com/abcdefghij';
    expect(extractDate(text)).toBe('2018-11-17');
  });

  it('gives no date when the years of the text disagree or the day is relative', () => {
    expect(extractDate('Le 17 novembre, les manifestants ont bloqué la route.\n\nEn janvier 2019 et en mars 2018, le gouvernement a reculé.')).toBeNull();
    expect(extractDate('Lorsque, le 12 mai dernier, elle s’est présentée dans la rue, la stupéfaction fut complète. Mai 1968 est loin.')).toBeNull();
  });
});

describe('sources', () => {
  it('takes the publisher given, else the signing agency; a photo credit is never a source', async () => {
    const { extractSource } = await import('../../src/ingest/index.js');
    expect(article('Le texte. (ats/nxp)', { source: 'Le Courrier du Léman' }).source).toBe('Le Courrier du Léman');
    expect(extractSource("Mardi, l'Institut avait abaissé sa prévision. (ats/nxp)")).toBe('ATS');
    expect(extractSource('Photo:  Joel Saget Agence France-Presse\n\n\nParis — Le gouvernement a présenté un projet de loi.')).toBeNull();
    expect(extractSource('Le cortège a défilé.\n\nCrédit : Reuters')).toBeNull();
    expect(extractSource('Le cortège a défilé.\n\n© AFP')).toBeNull();
    expect(extractSource('Le cortège a défilé.\n\n(Photo AFP)')).toBeNull();
  });
});
