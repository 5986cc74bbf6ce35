import { describe, expect, it } from 'vitest';
import { articleFromText, extractDate } from '../../src/ingest/index.js';

function dateWhenGiven(text: string, date: string): string | null {
  return articleFromText({ id: 'x', path: 'x.md', format: 'md', text, fileHash: '0', given: { date } }).date;
}

describe('extractDate: the forms French news copy uses', () => {
  it.each([
    ['Le 10 janvier 2022, le ministre a parlé.', '2022-01-10'],
    ['Xinhua | 11.01.2022 08h27\n\nLe ministre a parlé lundi.', '2022-01-11'],
    ['2021-02-04 22:35\n\nLe ministre a parlé.', '2021-02-04'],
    ['Le 15 juillet 2021, heure locale, le ministre a rencontré son homologue.', '2021-07-15'],
    ['Publié le 02/03/2023 à 10h12\n\nLe texte.', '2023-03-02'],
    ['La réunion s’est tenue le 02/03/2023 à Paris.', '2023-03-02'],
    ['Le sommet s’est ouvert le 1er mars 2023 à Astana.', '2023-03-01'],
    ['Signé le 4 févr. 2021 à Moscou.', '2021-02-04'],
    ['Signé le 12 sept. 2019 et le 3 déc. 2019.', '2019-09-12'],
    ['Signé le 7 janv 2020.', '2020-01-07'],
    ['Annoncé le 11-01-22 au matin.', '2022-01-11'],
    ['mardi 3 mars 2020 : la bourse chute.', '2020-03-03'],
    ['Le 3 Avril 2023, le Fonds a relevé ses prévisions.', '2023-04-03'],
  ])('%s -> %s', (text, expected) => {
    expect(extractDate(text)).toBe(expected);
  });

  it('implies the year of a day and month from the other dates of the text', () => {
    const text = 'Le ministre a eu le 27 octobre un entretien téléphonique.\n\nToutefois, en septembre 2022, le président avait réaffirmé son soutien.';
    expect(extractDate(text)).toBe('2022-10-27');
    expect(extractDate('Le ministre a parlé le 27 octobre.\n\nLe traité signé le 16 juillet 2001 reste en vigueur.')).toBe('2001-10-27');
  });

  it('prefers the dateline at the top over dates in the body', () => {
    expect(extractDate('Un titre\n2021-02-04 22:35\n\nLe 3 février 2021, les deux parties ont parlé.')).toBe('2021-02-04');
  });

  it('never dates from furniture like "lundi, septembre 2" when the text states a better date', () => {
    expect(extractDate('lundi, septembre 2\n\nUn titre\n\nLe ministre a parlé le 27 octobre, un mois après septembre 2022.')).toBe('2022-10-27');
  });

  it('uses year-less furniture only when its weekday agrees with the implied year', () => {
    // 2 September 2024 was a Monday; 2 September 2022 a Friday
    expect(extractDate('lundi, septembre 2\n\nUn titre\n\nLes élections de juin 2024 ont changé la donne.')).toBe('2024-09-02');
    expect(extractDate('lundi, septembre 2\n\nUn titre\n\nLes élections de juin 2022 ont changé la donne.')).toBeNull();
  });

  it('reads no date from durations, weekdays, relative words or bare times', () => {
    expect(extractDate('La première rencontre depuis près de deux ans, lundi, le mois dernier, à 08h53, la semaine dernière.')).toBeNull();
    expect(extractDate('Il a 2022 raisons de croire, et 3 ou 4 mars.')).toBeNull();
    expect(extractDate('Appelez le 01.23.45.67.89 ou la version 1.2.3.')).toBeNull();
  });

  it('rejects impossible calendar dates', () => {
    expect(extractDate('Le 31 février 2022 et le 32/01/2022.')).toBeNull();
    expect(extractDate('Le 29 février 2024 fut un jour de plus.')).toBe('2024-02-29');
  });

  it('article metadata: a given date wins, in ISO or French form, without time-zone shift; an unreadable one does not', () => {
    const text = 'Le 10 janvier 2022, le ministre a parlé.';
    expect(dateWhenGiven(text, '2023-05-01T23:30:00-05:00')).toBe('2023-05-01');
    expect(dateWhenGiven(text, '1er mai 2023')).toBe('2023-05-01');
    expect(dateWhenGiven(text, 'pas une date')).toBe('2022-01-10');
  });
});
