import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, type Searcher } from '../src/search/index.js';
import { buildSampleIndex, request, searcherOfFiles } from './helpers/sample-index.js';

/**
 * Ranking and matching rules of live search, on real files indexed by the
 * real indexer: completions of the word being typed, words the stemmer does
 * not know, stop words being typed, and proximity.
 */
const FILLER = 'Le texte poursuit sur des sujets divers comme le climat, le commerce, la culture et le sport.';
const ARTICLES: Record<string, string> = {
  // "coopération" twice (a higher BM25 score) but far from "stratégique"; then once, next to it: proximity must put the second first.
  'loin.txt': `Une rencontre à Pékin\n\nLa coopération entre les deux pays progresse, une coopération ancienne. ${FILLER} ${FILLER} ${FILLER} Un accord stratégique a été signé.`,
  'ensemble.txt': `Une rencontre à Moscou\n\nLes deux pays renforcent leur coopération stratégique. ${FILLER} ${FILLER} ${FILLER} Un accord a été signé.`,
  'autre.txt': `Un autre sujet\n\nLe ministre a parlé de la démocratie et du commerce. Les voix ont été recomptées. ${FILLER}`,
};

describe('live-search matching and ranking', () => {
  const built = searcherOfFiles(ARTICLES);
  const ids = (q: string) => search(built.searcher, request({ q })).hits.map((h) => h.id);

  it('ranks the article where the query words stand together first', () => {
    expect(ids('coopération stratégique')).toEqual(['ensemble', 'loin']);
    // Both hold both words: proximity orders them, it does not filter.
    expect(search(built.searcher, request({ q: 'coopération stratégique' })).total).toBe(2);
  });

  it('completes the word being typed from its first letter, and ignores a stop word being typed after others', () => {
    expect(ids('c').length).toBeGreaterThan(0);
    expect(ids('coop').sort()).toEqual(['ensemble', 'loin']);
    // "coopérat" stems longer than "coopération" does: it still finds it.
    expect(ids('coopérat').sort()).toEqual(['ensemble', 'loin']);
    // "de" alone may begin "démocratie"; after another word it is just "de".
    expect(ids('de')).toContain('autre');
    expect(ids('coopération de').sort()).toEqual(['ensemble', 'loin']);
  });

  it('finds a form the stemmer does not know through a typo as written or the indexed stem that begins it', () => {
    // "recompteron" (a mistyped "recompterons") stems to itself, far from the indexed
    // "recompt" of "recomptées"; one letter more, it is "recompterons" (a typo as written).
    // Followed by another word, it is a finished word, not one being completed.
    expect(ids('recompteron voix')).toEqual(['autre']);
    expect(search(built.searcher, request({ q: 'recompteron voix' })).relaxed).toBeNull();
    // "recomptuelles" (stem "recomptuel") is beyond a typo of any indexed form: found by its beginning alone.
    expect(ids('recomptuelles voix')).toEqual(['autre']);
    expect(search(built.searcher, request({ q: 'recomptuelles voix' })).relaxed).toBeNull();
    // A derivation twice as long as any indexed beginning ("coopérationnelles", "cooper")
    // is no such form: the articles come through their other word, "pays".
    expect(ids('coopérationnelles pays').sort()).toEqual(['ensemble', 'loin']);
    expect(search(built.searcher, request({ q: 'coopérationnelles pays' })).relaxed).toEqual({ matched: 1, of: 2 });
  });
});

describe('live search on the sample corpus', () => {
  let searcher: Searcher;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ searcher, cleanup } = await buildSampleIndex()));
  afterAll(() => cleanup());

  it('highlights, in each snippet, the words that matched', () => {
    const response = search(searcher, request({ q: 'coordination stratég' }));
    expect(response.total).toBeGreaterThan(0);
    for (const hit of response.hits) {
      const marked = [...hit.snippet.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1].toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((w) => w.startsWith('coordination') || w.startsWith('stratég'))).toBe(true);
    }
  });

  it('gives the same answer to the same query whether its clauses were cached or not', () => {
    const first = search(searcher, request({ q: 'relations bilatérales' }));
    search(searcher, request({ q: 'relations bi' }));
    const again = search(searcher, request({ q: 'relations bilatérales' }));
    expect(again.hits.map((h) => [h.id, h.score])).toEqual(first.hits.map((h) => [h.id, h.score]));
    expect(again.total).toBe(first.total);
  });

  it('marks the word typed, not the other half of a compound it begins ("chine" is not "russe")', () => {
    const response = search(searcher, request({ q: 'chine' }));
    const marked = response.hits.flatMap((h) => [...h.snippet.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1].toLowerCase()));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((w) => w.startsWith('russ'))).toEqual([]);
    // A compound typed whole marks both parts.
    const compound = search(searcher, request({ q: 'sino-russe' }));
    const parts = compound.hits.flatMap((h) => [...h.snippet.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1].toLowerCase()));
    expect(parts.some((w) => w.startsWith('russ'))).toBe(true);
  });
});
