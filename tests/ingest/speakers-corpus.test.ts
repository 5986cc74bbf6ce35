import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/index.js';
import { unifySpeakerSpellings } from '../../src/ingest/people/canonical-names.js';

/** One value per person across a corpus: surnames alone and one-letter spelling differences. */
describe('speakers across the corpus', () => {
  it('gives a surname alone the one full name of the corpus that carries it', () => {
    expect(unifySpeakerSpellings([['Castaner'], ['Christophe Castaner', 'Ysaline Berthod'], ['Di Maio'], ['Luigi Di Maio']])).toEqual([
      ['Christophe Castaner'],
      ['Christophe Castaner', 'Ysaline Berthod'],
      ['Luigi Di Maio'],
      ['Luigi Di Maio'],
    ]);
    // two people carry the surname: it stays as it is
    expect(unifySpeakerSpellings([['Martin'], ['Hugo Martin'], ['Léa Martin']])).toEqual([['Martin'], ['Hugo Martin'], ['Léa Martin']]);
  });

  it('merges full names one letter apart when the first names agree, to the more frequent spelling', () => {
    expect(unifySpeakerSpellings([['Priscillia Ludosky'], ['Priscillia Ludosky'], ['Priscillia Ludovsky'], ['Marc Ludovsky']])).toEqual([
      ['Priscillia Ludosky'],
      ['Priscillia Ludosky'],
      ['Priscillia Ludosky'],
      ['Marc Ludovsky'],
    ]);
    // short surnames are left apart: one letter is too much of them
    expect(unifySpeakerSpellings([['Anna Li'], ['Anna Lu']])).toEqual([['Anna Li'], ['Anna Lu']]);
  });

  it('gives the same names when run again on its own output (a rebuild reuses stored articles)', () => {
    // "Moussa Mouve" is a typo of the more frequent "Moussa Mouva": "Rachid Mouve" is the one Mouve
    const lists = [['Mouve'], ['Moussa Mouve'], ['Moussa Mouva'], ['Moussa Mouva'], ['Rachid Mouve'], ['Douse', 'Omar Dousa'], ['Omar Douse'], ['Omar Dousa'], ['Mathieu Douse']];
    const once = unifySpeakerSpellings(lists);
    expect(once[0]).toEqual(['Rachid Mouve']);
    expect(once[1]).toEqual(['Moussa Mouva']);
    expect(once[5]).toEqual(['Mathieu Douse', 'Omar Dousa']);
    expect(unifySpeakerSpellings(once)).toEqual(once);
    // two people really named Martin: ambiguous on both runs
    const martins = unifySpeakerSpellings([['Martin'], ['Hugo Martin'], ['Léa Martin'], ['Léa Martins']]);
    expect(martins[0]).toEqual(['Martin']);
    expect(unifySpeakerSpellings(martins)).toEqual(martins);
  });

  it('does so in readCorpus, whatever the order of the files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'depeches-speakers-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), '« Nous tiendrons », a déclaré M. Vassilakis.');
      writeFileSync(path.join(dir, 'b.txt'), 'Théodora Vassilakis a affirmé que la grève continuerait.');
      writeFileSync(path.join(dir, 'c.txt'), 'Théodora Vasilakis a dit que la date restait à fixer. Théodora Vassilakis a ajouté que non.');
      const result = await readCorpus(dir);
      expect(result.articles.map((a) => a.speakers)).toEqual([['Théodora Vassilakis'], ['Théodora Vassilakis'], ['Théodora Vassilakis']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
