import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startBackend, type BackendFixture } from './helpers/backends.js';
import { generateArchive, type GeneratedArchive } from './helpers/generated-archive.js';
import { request } from './helpers/sample-index.js';
import { FACET_LIMIT } from '../src/search/index.js';

let archive: GeneratedArchive;
beforeAll(async () => {
  archive = await generateArchive();
}, 60_000);
afterAll(async () => archive?.cleanup());

describe.each(BACKENDS)('facet search and suggestions (%s)', { timeout: 120_000 }, (kind) => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = await startBackend(kind, archive.dir);
  }, 120_000);
  afterAll(async () => fixture?.stop());

  it('reaches a speaker outside the facet box’s top values, with its count', async () => {
    const all = await fixture.backend.search(request());
    expect(all.facets.speaker.length).toBe(FACET_LIMIT);
    const listed = new Set(all.facets.speaker.map((v) => v.value));
    // Every value the typed letters name, counted as the facet box counts.
    const found = await fixture.backend.searchFacet(request(), 'speakers', 'thaïs tour');
    expect(found).toHaveLength(1);
    expect(found[0].value).toBe('Thaïs Tourvel');
    expect(listed.has('Thaïs Tourvel')).toBe(false);
    const filtered = await fixture.backend.search(request({ speakers: ['Thaïs Tourvel'] }));
    expect(found[0].count).toBe(filtered.total);
  });

  it('matches word beginnings without case or accents, and keeps the other filters and the query', async () => {
    const words = await fixture.backend.searchFacet(request(), 'speakers', 'THAIS');
    expect(words.length).toBe(20);
    expect(words.every((v) => v.value.startsWith('Thaïs '))).toBe(true);
    // Within a word only at its beginning: "sernin" begins the second part of "Saint-Sernin".
    expect((await fixture.backend.searchFacet(request(), 'speakers', 'sernin')).length).toBe(20);
    expect(await fixture.backend.searchFacet(request(), 'speakers', 'ernin')).toEqual([]);
    // Counts follow the other filters: within one organisation, the counts add up to at most its articles.
    const org = 'Ligue des Ports';
    const inOrg = await fixture.backend.searchFacet(request({ organisations: [org] }), 'speakers', 'thaïs');
    const orgTotal = (await fixture.backend.search(request({ organisations: [org], speakers: inOrg.map((v) => v.value) }))).total;
    expect(inOrg.length).toBeGreaterThan(0);
    expect(Math.max(...inOrg.map((v) => v.count))).toBeLessThanOrEqual(orgTotal);
    for (const v of inOrg.slice(0, 3)) expect(v.count).toBe((await fixture.backend.search(request({ organisations: [org], speakers: [v.value] }))).total);
    // And the date range and query.
    const dated = await fixture.backend.searchFacet(request({ q: 'sécheresse', from: '1990-01-01', to: '1999-12-31' }), 'speakers', 'aurélien');
    for (const v of dated.slice(0, 3)) expect(v.count).toBe((await fixture.backend.search(request({ q: 'sécheresse', from: '1990-01-01', to: '1999-12-31', speakers: [v.value] }))).total);
    // Ordered by count, then name.
    const counts = dated.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts articles per day within a date range, with the filters and the query', async () => {
    const range = { from: '1990-03-01', to: '1990-03-31' };
    for (const req of [request(range), request({ ...range, q: 'sécheresse' }), request({ ...range, organisations: ['Ligue des Ports'] })]) {
      const days = await fixture.backend.dayCounts(req);
      const total = (await fixture.backend.search(req)).total;
      expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(total);
      expect(days.every((d) => d.value >= range.from && d.value <= range.to)).toBe(true);
      expect(days.map((d) => d.value)).toEqual([...days.map((d) => d.value)].sort());
    }
    const one = (await fixture.backend.dayCounts(request(range)))[0];
    if (one) expect(one.count).toBe((await fixture.backend.search(request({ from: one.value, to: one.value }))).total);
    expect(await fixture.backend.dayCounts(request())).toEqual([]);
  });

  it('suggests people and organisations with their counts, and completions of the word being typed', async () => {
    const people = await fixture.backend.suggestions('tourv');
    expect(people.names.length).toBeGreaterThan(0);
    expect(people.names.every((n) => n.facet === 'speakers' && n.value.endsWith(' Tourvel'))).toBe(true);
    const first = people.names[0];
    expect(first.count).toBe((await fixture.backend.search(request({ speakers: [first.value] }))).total);
    const orgs = await fixture.backend.suggestions('ligue');
    expect(orgs.names[0]).toMatchObject({ facet: 'organisations', value: 'Ligue des Ports', matched: 'query' });
    // The last word names someone when the whole query names nobody.
    const last = await fixture.backend.suggestions('sécheresse hortense');
    expect(last.names.length).toBeGreaterThan(0);
    expect(last.names.every((n) => n.matched === 'last-word' && n.value.startsWith('Hortense '))).toBe(true);
    // Words as articles write them, accents kept.
    const words = await fixture.backend.suggestions('séch');
    expect(words.words).toContain('sécheresse');
    expect((await fixture.backend.suggestions('la réforme ')).words).toEqual([]);
    expect(await fixture.backend.suggestions('')).toEqual({ words: [], names: [] });
  });
});
