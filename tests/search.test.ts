import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../src/index/index.js';
import { search, type Searcher } from '../src/search/index.js';
import { buildSampleIndex, request } from './helpers/sample-index.js';

let index: SearchIndex;
let searcher: Searcher;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ index, searcher, cleanup } = await buildSampleIndex()));
afterAll(() => cleanup());

const ids = (q: string, extra = {}) => search(searcher, request({ q, ...extra })).hits.map((h) => h.id);
const ALL = ['000_f3dc22192a66a48d', '001_2fae7799cb8809e3', '002_7c4669d5fc0d68a3', '003_3bc2539186bf695d', '004_5c2e808d7d0e501c'];

describe('search on the sample corpus', () => {
  it('requires every word (AND) and ranks', () => {
    const both = ids('Tachkent Lavrov');
    expect(both).toEqual(['002_7c4669d5fc0d68a3']);
    expect(search(searcher, request({ q: 'Tachkent Lavrov' })).relaxed).toBeNull();
  });

  it('when no article holds every word, returns those holding the most of them, and says so', () => {
    // Tachkent is only in 002, Kazakhstan only in 000 and 001: no article has both.
    const response = search(searcher, request({ q: 'Tachkent Kazakhstan' }));
    expect(response.relaxed).toEqual({ matched: 1, of: 2 });
    const found = response.hits.map((h) => h.id).sort();
    const withEither = ALL.filter((id) => ids('Tachkent').includes(id) || ids('Kazakhstan').includes(id)).sort();
    expect(found).toEqual(withEither);
    // A third word that only 002 has makes it the one article holding two of the three.
    const three = search(searcher, request({ q: 'Tachkent Kazakhstan Lavrov' }));
    expect(three.relaxed).toEqual({ matched: 2, of: 3 });
    expect(three.hits.map((h) => h.id)).toContain('002_7c4669d5fc0d68a3');
  });

  it('checks phrase adjacency, which the inverted index alone cannot', () => {
    // 003 has "guerre" and "froide"? No: "Guerre froide" stands in 002 and 004 only.
    const phrase = ids('"guerre froide"');
    expect(phrase.sort()).toEqual(['002_7c4669d5fc0d68a3', '004_5c2e808d7d0e501c']);
    // Words of the phrase present but apart do not count.
    expect(ids('"Russie Chine"')).not.toContain('000_f3dc22192a66a48d');
  });

  it('excludes words and phrases', () => {
    expect(ids('Lavrov -Tachkent')).not.toContain('002_7c4669d5fc0d68a3');
    expect(ids('Lavrov -"guerre froide"')).not.toContain('004_5c2e808d7d0e501c');
  });

  it('reads OR', () => {
    expect(ids('Tachkent OR OTAN').sort()).toEqual(['002_7c4669d5fc0d68a3', '004_5c2e808d7d0e501c']);
  });

  it('forgives a swapped pair of letters as one typo', () => {
    expect(ids('Tachknet')).toEqual(['002_7c4669d5fc0d68a3']);
  });

  it('forgives a typo in a word’s ending, where the stemmer would cut it', () => {
    // "coopérationns" stems to itself, far from "cooper"; one letter less, it is "coopérations".
    const meant = ids('coopération').sort();
    expect(meant.length).toBeGreaterThan(1);
    expect(ids('coopérationns').sort()).toEqual(meant);
  });

  it('reads an unknown finished word as possibly unfinished', () => {
    // "Tokaïe", followed by another word, is no indexed term: it is the beginning of "Tokaïev".
    const unfinished = search(searcher, request({ q: 'Tokaïe Wang' }));
    expect(unfinished.relaxed).toBeNull();
    expect(unfinished.hits.map((h) => h.id)).toEqual(ids('Tokaïev Wang'));
  });

  it('keeps an excluded word apart from the same word searched (excluded as written, searched with typos)', () => {
    expect(ids('Wang -Tachknet ')).toHaveLength(5);
    expect(ids('Wang Tachknet ')).toEqual(['002_7c4669d5fc0d68a3']);
    expect(ids('Wang Tachknet ')).toEqual(ids('Wang Tachkent '));
  });

  it('finds hyphenated compounds whole and by part', () => {
    expect(ids('sino-russe').sort()).toEqual(['002_7c4669d5fc0d68a3', '003_3bc2539186bf695d']);
    expect(ids('Chine-Russie')).toContain('000_f3dc22192a66a48d');
    // A compound with one word among stop words is indexed as that word alone.
    expect(ids('au-delà ')).toContain('003_3bc2539186bf695d');
    expect(ids('au-delà')).toContain('003_3bc2539186bf695d');
  });

  it('lists everything newest first for an empty query', () => {
    const response = search(searcher, request());
    expect(response.total).toBe(5);
    const dates = response.hits.map((h) => h.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('sorts by date both ways', () => {
    const newest = search(searcher, request({ q: 'Lavrov', sort: 'date' })).hits.map((h) => h.date);
    const oldest = search(searcher, request({ q: 'Lavrov', sort: 'date-asc' })).hits.map((h) => h.date);
    expect(newest).toEqual([...oldest].reverse());
  });

  it('paginates', () => {
    const first = search(searcher, request({ perPage: 2, page: 1 }));
    const third = search(searcher, request({ perPage: 2, page: 3 }));
    expect(first.hits).toHaveLength(2);
    expect(third.hits).toHaveLength(1);
    expect(new Set([...first.hits, ...third.hits].map((h) => h.id)).size).toBe(3);
  });

  it('highlights matched words, stemmed and fuzzy, in an escaped snippet', () => {
    const hit = search(searcher, request({ q: 'vaccin' })).hits[0];
    expect(hit.snippet).toMatch(/<mark>vaccins<\/mark>/);
    expect(hit.snippet.length).toBeLessThan(320);
    const fuzzy = search(searcher, request({ q: 'Lavrof' })).hits[0];
    expect(fuzzy.snippet).toContain('<mark>Lavrov</mark>');
    for (const h of search(searcher, request({ q: "qu'il" })).hits) expect(h.snippet).not.toMatch(/<(?!\/?mark>)/);
    const apostrophes = search(searcher, request({ q: 'Tachkent' })).hits[0].snippet;
    expect(apostrophes).not.toContain("'");
  });

  it('suggests a correction when nothing matches, or only part of the query', () => {
    expect(search(searcher, request({ q: 'zzzzzz' })).total).toBe(0);
    const response = search(searcher, request({ q: 'Tachkint Lavrov zzzzzz' }));
    expect(response.relaxed).not.toBeNull();
    expect(response.suggestion).toContain('Tachkent');
  });

  it('suggests no correction further from a word than its typo budget', () => {
    // "ß" folds to "ss", two edits from "russ" (of "russe"): a short word forgives no typo.
    expect(search(searcher, request({ q: 'ß ' })).total).toBe(0);
    expect(search(searcher, request({ q: 'ß ' })).suggestion).toBeNull();
  });
});

describe('facets', () => {
  it('counts speakers, organisations and dates among the matches', () => {
    const { facets, total } = search(searcher, request());
    expect(total).toBe(5);
    const wang = facets.speaker.find((f) => f.value === 'Wang Yi');
    expect(wang?.count).toBe(5);
    expect(facets.organisation.map((f) => f.value)).toEqual(expect.arrayContaining(['OTSC', 'ONU', 'OCS']));
    expect(facets.date).toEqual(
      expect.arrayContaining([
        { value: '2021', count: 2 },
        { value: '2022', count: 3 },
        { value: '2022-01', count: 2 },
      ]),
    );
    // Most frequent first.
    const counts = facets.speaker.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('combines values of one facet with OR and ignores its own selection in its counts', () => {
    const all = search(searcher, request());
    const ocs = search(searcher, request({ organisations: ['OCS'] }));
    const ocsOrOtan = search(searcher, request({ organisations: ['OCS', 'OTAN'] }));
    expect(ocsOrOtan.total).toBeGreaterThanOrEqual(ocs.total);
    // The organisation facet of a filtered search shows the same counts as unfiltered.
    expect(ocs.facets.organisation).toEqual(all.facets.organisation);
    // Other facets follow the filter.
    const dateTotal = ocs.facets.date.filter((d) => d.value.length === 4).reduce((s, d) => s + d.count, 0);
    expect(dateTotal).toBe(ocs.total);
  });

  it('combines facets with AND and applies the date range', () => {
    const response = search(searcher, request({ organisations: ['OTSC'], from: '2022-01-11', to: '2022-12-31' }));
    expect(response.hits.map((h) => h.id)).toEqual(['001_2fae7799cb8809e3']);
    // The date facet ignores the range, so other periods stay visible with their counts.
    expect(response.facets.date.find((d) => d.value === '2022-01')?.count).toBe(2);
  });

  it('matches facet values without case or accents', () => {
    expect(search(searcher, request({ organisations: ['otsc'] })).total).toBe(search(searcher, request({ organisations: ['OTSC'] })).total);
    expect(search(searcher, request({ speakers: ['sergueï lavrov'] })).total).toBeGreaterThanOrEqual(3);
  });

  it('searches one field with speaker: and org:', () => {
    expect(ids('speaker:Lavrov').length).toBeGreaterThanOrEqual(3);
    expect(ids('speaker:Kazakhstan')).toEqual([]);
    expect(ids('org:OTSC').sort()).toEqual(['000_f3dc22192a66a48d', '001_2fae7799cb8809e3']);
    expect(ALL).toEqual(expect.arrayContaining(ids('org:OTSC')));
  });
});

describe('what the text no longer holds', () => {
  it('finds an article by its source even though the dateline left the text', () => {
    expect(ids('source:Xinhua')).toContain('001_2fae7799cb8809e3');
  });

  it('keeps the headline out of the text but findable through the title', () => {
    const doc = index.documents[index.byId.get('003_3bc2539186bf695d')!];
    expect(doc.text.startsWith(doc.title)).toBe(false);
    expect(ids('"entretient par téléphone"')).toContain('003_3bc2539186bf695d');
  });

  it('never finds web chrome', () => {
    for (const chrome of ['commentaire', '"adresse e-mail"', '"champs obligatoires"', '"Partagez cet article"', '"Page d\'accueil"', 'Rédacteurs', '"Conseils de la rédaction"', '"Dernière mise à jour"', '"Retrouvez l\'ensemble"']) {
      expect(ids(chrome)).toEqual([]);
    }
  });
});
