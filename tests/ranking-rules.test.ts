import { describe, expect, it } from 'vitest';
import { search } from '../src/search/index.js';
import { leadOf } from '../src/search/exactness.js';
import { RANKING } from '../src/search/ranking-options.js';
import { request, searcherOfFiles } from './helpers/sample-index.js';

/**
 * The title-and-lead rule and the coverage of the partial fill, on real
 * files through the real indexer. Wire-style sentences, places and names
 * invented (Varennelle, Vardelune, Kerbastien).
 */
const FILLER = 'Le texte poursuit sur des sujets divers comme le climat, le commerce, la culture et le sport.';
const LONG = `${FILLER} ${FILLER} ${FILLER} ${FILLER}`;
const ARTICLES: Record<string, string> = {
  // The topic in the lead, once.
  'lead.txt': `Le bilan s'alourdit\n\nLes inondations de Varennelle ont fait trois morts, selon la préfecture. ${LONG}`,
  // The words repeated far down a column of the same length: a higher BM25, a passing topic.
  'chronique.txt': `Chronique de la semaine\n\n${LONG} Inondations ici, inondations là : on parle des inondations jusqu'à Varennelle, de Varennelle aux inondations.`,
  // Partial fill: "Vardelune" is rare, "vote" and "Parlement" common (the unrelated articles make them less so).
  'tous.txt': `Vardelune : le vote du Parlement\n\nLe Parlement de Vardelune a tenu un vote. ${FILLER}`,
  'sans-vote.txt': `Séance du jour\n\nÀ Vardelune, le Parlement siège ; Vardelune attend.`,
  // Parlement in the title and vote twice: a higher BM25 than "sans-vote", on the two common words.
  'sans-nom.txt': `Au Parlement\n\nLe Parlement tient un vote, puis un vote encore. ${FILLER} La séance a duré toute la matinée, puis les élus sont rentrés chez eux. Le président de séance a remercié les huissiers et les secrétaires du palais.`,
  'parlement-1.txt': `Séance au Parlement\n\nLe Parlement de Kerbastien a siégé. ${LONG}`,
  'parlement-2.txt': `Séance au Parlement\n\nLe Parlement d'Orbeval a siégé. ${LONG}`,
  'parlement-3.txt': `Séance au Parlement\n\nLe Parlement de Sainte-Orbe a siégé. ${LONG}`,
  ...Object.fromEntries(
    ['Orages sur la côte', 'Récolte du raisin', 'Fête du village', 'Match nul au stade', 'Grève des bus', 'Nouveau musée', 'Marché de Noël', 'Pont fermé'].map((t, k) => [
      `divers-${k}.txt`,
      `${t}\n\n${t} : après un vote, les habitants en parlent depuis ${k + 2} jours, dit le maire.`,
    ]),
  ),
};

describe('ranking rules: title and lead, coverage', () => {
  const built = searcherOfFiles(ARTICLES);
  // Every version: the invented articles share filler sentences, which would make them one story.
  const hits = (q: string) => search(built.searcher, request({ q, versions: 'all' })).hits;

  it('ranks the article holding the words typed in its lead above one repeating them further down', () => {
    // BM25 alone prefers the repetitions (the test fails with RANKING.titleOrLeadBonus at 0).
    expect(hits('inondations Varennelle ').map((h) => h.id)).toEqual(['lead', 'chronique']);
  });

  it('cuts the lead at the end of a word', () => {
    const text = `${'mot '.repeat(RANKING.leadCharacters / 4)}interminable suite`;
    expect(leadOf(text).endsWith('interminable')).toBe(true);
    expect(leadOf('court')).toBe('court');
  });

  it('fills with the articles missing the commonest word first (coverage), whatever their BM25', () => {
    const ranked = hits('Vardelune vote Parlement ');
    expect(ranked[0].id).toBe('tous');
    expect(ranked[0].partial).toBeUndefined();
    // "sans-vote" lacks a common word, "sans-nom" the rare one: BM25 alone ranks "sans-nom" first (on the two others), coverage does not.
    expect(ranked[1].id).toBe('sans-vote');
    expect(ranked[2].id).toBe('sans-nom');
    expect(ranked.slice(1).every((h) => h.partial)).toBe(true);
    // Each says the word it lacks, as typed.
    expect(ranked.slice(1).map((h) => h.lacks)).toEqual(['vote', 'Vardelune']);
  });

  it('fills a two-word query with the articles holding the rarer word, not those holding only the commoner', () => {
    const ranked = hits('Vardelune vote ');
    expect(ranked.map((h) => [h.id, h.partial ?? false])).toEqual([
      ['tous', false],
      ['sans-vote', true],
    ]);
  });
});
