import { describe, expect, it } from 'vitest';
import { search } from '../src/search/index.js';
import { exactForms, exactPattern } from '../src/search/exactness.js';
import { request, searcherOfFiles } from './helpers/sample-index.js';

/**
 * Exactness and the partial fill, on real files through the real indexer.
 * The sentences are in the style of the real dev archive (a police officer
 * drawing a weapon on the Champs-Élysées; a protester leaving custody), the
 * names invented.
 */
const FILLER = 'Le texte poursuit sur des sujets divers comme le climat, le commerce, la culture et le sport.';
const ARTICLES: Record<string, string> = {
  // "sorti", "sortie", "sortir" share the stem of "sort": many of them (a higher BM25) but not the form typed.
  'garde-a-vue.txt': `Le manifestant Kerbastien est sorti de garde à vue\n\nSorti libre mardi, à sa sortie du commissariat, face aux policiers, il a dit vouloir sortir manifester sur les Champs-Élysées, sans arme. ${FILLER}`,
  'arme.txt': `Un policier sort son arme sur les Champs-Élysées\n\nPendant la manifestation, un policier sort son arme face aux casseurs. ${FILLER} ${FILLER}`,
  // "coopératives" (stem "cooper", as "coopération") in the title (boost 2.5) against "coopération" once in a long text.
  'cooperent.txt': `Les coopératives des deux villes\n\nLes maires de Vardelune et de Sainte-Orbe se sont rencontrés. ${FILLER}`,
  'cooperation.txt': `Une rencontre des maires\n\nLa coopération entre Vardelune et Sainte-Orbe. ${FILLER} ${FILLER} ${FILLER}`,
  // Partial fill: one article has the three words, another two of them.
  'trois.txt': `Brexit : vote au Parlement\n\nLe Parlement britannique a tenu un vote sur le Brexit. ${FILLER}`,
  'deux.txt': `Le Brexit devant les députés\n\nLe Parlement britannique débat encore du Brexit. ${FILLER}`,
};

describe('exactness and the partial fill', () => {
  const built = searcherOfFiles(ARTICLES);
  const ids = (q: string) => search(built.searcher, request({ q })).hits.map((h) => h.id);

  it('ranks the article holding the form typed above one holding other forms of the stem', () => {
    // Both hold every stem; only one has "sort" as typed.
    expect(ids('policier sort Champs-Élysées ')).toEqual(['arme', 'garde-a-vue']);
    expect(ids('coopération ')).toEqual(['cooperation', 'cooperent']);
    // Still being typed (no space yet), a word already whole counts as typed; a beginning orders nothing.
    expect(ids('coopération')).toEqual(['cooperation', 'cooperent']);
    expect(ids('coopérat').sort()).toEqual(['cooperation', 'cooperent']);
    // The other way round: the reader typed "coopératives".
    expect(ids('coopératives ')).toEqual(['cooperent', 'cooperation']);
    // Accents and number are not a form of their own.
    expect(ids('cooperation ')[0]).toBe('cooperation');
    expect(ids('policiers sort ')[0]).toBe('arme');
  });

  it('keeps exactness out of the shown score and orders scores within a rank', () => {
    const hits = search(built.searcher, request({ q: 'coopération ' })).hits;
    for (const hit of hits) expect(hit.score).toBeLessThan(1000);
  });

  it('knows the forms of a typed word: folded, elision cut, number', () => {
    expect(exactForms("l'Armée")).toEqual(['armee', 'armees', 'armeex']);
    expect(exactForms('policiers')).toContain('policier');
    expect(exactForms('x')).toBeNull();
    // The test reads text as written, lowercased: accents and ligatures of the text are ignored, other words are not held.
    const test = exactPattern(exactForms('armee')!);
    expect(test.test("l'armée a tiré".toLowerCase())).toBe(true);
    expect(test.test('ARMÉES'.toLowerCase())).toBe(true);
    expect(test.test('il a sorti son arme')).toBe(false);
    expect(exactPattern(exactForms('oeuvre')!).test('une œuvre')).toBe(true);
  });

  it('fills a page of few full matches with the articles missing one word, after them and marked', () => {
    const response = search(built.searcher, request({ q: 'Brexit vote Parlement ' }));
    expect(response.hits.map((h) => h.id)).toEqual(['trois', 'deux']);
    expect(response.hits.map((h) => h.partial ?? false)).toEqual([false, true]);
    // Counted apart: `total` is the full matches; each partial hit names the word it lacks.
    expect(response.partial).toEqual({ matched: 2, of: 3, count: 1, lacking: ['vote'] });
    expect(response.total).toBe(1);
    expect(response.hits[1].lacks).toBe('vote');
    expect(response.relaxed).toBeNull();
    // Two words: the fill holds only the articles with the rarer word, and nobody else has "vote"
    // ("deux" holds only the commoner "Parlement"; tests/ranking-rules.test.ts has a two-word fill).
    expect(search(built.searcher, request({ q: 'vote Parlement ' })).hits.map((h) => h.id)).toEqual(['trois']);
  });
});
