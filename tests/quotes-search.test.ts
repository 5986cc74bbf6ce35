/**
 * Searching by who said it (cite:, citation:), on both backends, over a
 * small corpus of invented dispatches (tests/fixtures/quotes-corpus) where
 * the same words stand inside and outside quotations, said by one speaker
 * and written near another.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../src/search/index.js';
import { BACKENDS, startBackend, type BackendFixture } from './helpers/backends.js';
import { request } from './helpers/sample-index.js';

const CORPUS = path.resolve('tests', 'fixtures', 'quotes-corpus');

describe('the cite: syntax', () => {
  it('reads the name (a word or a quoted phrase) apart and searches the other words in the quotations', () => {
    expect(parseQuery('cite:Lavrov guerre')).toEqual({ raw: 'cite:Lavrov guerre', cited: ['Lavrov'], clauses: [{ kind: 'word', text: 'guerre', negated: false, prefix: true, field: 'quotes' }] });
    const parsed = parseQuery('cite:"Wang Yi" "guerre froide" -OTAN org:OCS');
    expect(parsed.cited).toEqual(['Wang Yi']);
    expect(parsed.clauses).toEqual([
      { kind: 'phrase', words: ['guerre', 'froide'], negated: false, field: 'quotes' },
      { kind: 'word', text: 'OTAN', negated: true, prefix: false },
      { kind: 'word', text: 'OCS', negated: false, prefix: true, field: 'organisations' },
    ]);
    expect(parseQuery('citation:guerre').clauses).toEqual([{ kind: 'word', text: 'guerre', negated: false, prefix: true, field: 'quotes' }]);
    expect(parseQuery('cite: guerre').cited).toBeUndefined();
  });
});

for (const kind of BACKENDS) {
  describe(`searching quotations, ${kind} backend`, () => {
    let fixture: BackendFixture;
    beforeAll(async () => {
      fixture = await startBackend(kind, CORPUS);
    }, 120_000);
    afterAll(async () => fixture?.stop());

    const ids = async (q: string) => (await fixture.backend.search(request({ q }))).hits.map((h) => h.id).sort();

    it('cite:Name words: the articles quoting that person saying those words, not those where the words stand elsewhere', async () => {
      expect(await ids('guerre froide')).toEqual(['a-port', 'b-pont', 'c-marche']);
      expect(await ids('cite:Vasseur guerre')).toEqual(['a-port']);
      expect(await ids('cite:"Aurélien Vasseur" "guerre froide"')).toEqual(['a-port']);
      expect(await ids('cite:vasseur GUERRE FROIDE')).toEqual(['a-port']);
      // Ludmila Kovrigina is quoted in both, but never saying "guerre"
      expect(await ids('cite:Kovrigina guerre')).toEqual([]);
      expect(await ids('cite:Kovrigina')).toEqual(['a-port', 'b-pont']);
      // the words must stand in one quotation of that speaker
      expect(await ids('cite:Vasseur guerre garanties')).toEqual([]);
    });

    it('citation:word: the word inside any quotation', async () => {
      expect(await ids('citation:guerre')).toEqual(['a-port']);
      expect(await ids('citation:marché')).toEqual(['c-marche']);
    });

    it('the Citations view: each hit carries its matching quotations, highlighted, with speaker, kind and place', async () => {
      const response = await fixture.backend.search({ ...request({ q: 'cite:Kovrigina' }), view: 'citations' });
      const quotations = response.hits.flatMap((h) => h.quotations ?? []);
      expect(quotations.map((q) => q.speaker)).toEqual(['Ludmila Kovrigina', 'Ludmila Kovrigina']);
      expect(quotations.map((q) => q.html).sort()).toEqual(['Le pont restera fermé tout l&#39;hiver', 'Nous attendons des garanties, pas des promesses.']);
      const words = await fixture.backend.search({ ...request({ q: 'guerre' }), view: 'citations' });
      const port = words.hits.find((h) => h.id === 'a-port')!;
      expect(port.quotations).toEqual([{ html: 'La <mark>guerre</mark> froide entre les armateurs est finie', speaker: 'Aurélien Vasseur', kind: 'direct', start: expect.any(Number), opening: 'La guerre froide entre les armateurs est finie' }]);
      // `start` is its place in the article's text
      const article = await fixture.backend.document('a-port', '');
      expect(article!.article.text.slice(port.quotations![0].start)).toMatch(/^La guerre froide entre les armateurs est finie »/u);
      // the article view carries none
      expect((await fixture.backend.search(request({ q: 'guerre' }))).hits.every((h) => h.quotations === undefined)).toBe(true);
    });

    if (kind === 'embedded') {
      it('the snippet of a cite: result is the quotation, highlighted, with its speaker', async () => {
        const [hit] = (await fixture.backend.search(request({ q: 'cite:Vasseur guerre' }))).hits;
        expect(hit.snippet).toBe('« La <mark>guerre</mark> froide entre les armateurs est finie » (Aurélien Vasseur)');
      });
    }
  });
}
