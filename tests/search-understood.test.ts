import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters } from '../src/analysis/index.js';
import { search, type Searcher, type UnderstoodPart } from '../src/search/index.js';
import { formatClause } from '../src/search/understood.js';
import { parseQuery } from '../src/search/parse-query.js';
import { BACKENDS, startBackendServer } from './helpers/backends.js';
import { buildSampleIndex, request } from './helpers/sample-index.js';

/**
 * "How the query was understood" (`understood` in the JSON), on the shipped
 * samples through the real indexer: each kind of part, and what undoes it.
 */
describe('the understood parts of a query', () => {
  let searcher: Searcher;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ searcher, cleanup } = await buildSampleIndex());
  });
  afterAll(async () => cleanup());
  const understood = (q: string, filters = {}) => search(searcher, request({ q, filters: facetFilters(filters) })).understood;
  const part = (parts: UnderstoodPart[], kind: UnderstoodPart['kind']) => parts.find((p) => p.kind === kind);

  it('says a typo was corrected, with a link searching the word as typed', () => {
    const typo = part(understood('Lavrof '), 'typo');
    expect(typo?.text).toContain('« Lavrof » → lavrov');
    expect(typo?.undo).toEqual({ q: '"Lavrof"' });
    // Still being typed, a word nobody wrote is a typo too.
    expect(part(understood('Lavrof'), 'typo')?.text).toContain('→ lavrov');
    // The undo finds nothing: the word as typed is in no article.
    expect(search(searcher, request({ q: '"Lavrof"' })).total).toBe(0);
  });

  it('shows each word as searched: its stem, or the words a beginning completes to', () => {
    expect(understood('relations bilatérales ').map((p) => p.text)).toEqual(['« relations » (toutes les formes de relat…)', '« bilatérales » (toutes les formes de bilateral…)']);
    expect(part(understood('multilat'), 'completion')?.text).toMatch(/^« multilat » et les mots qu’il commence : multilateral/);
  });

  it('says what it did with elisions, stop words, phrases, NEAR, exclusions and fields, each undoable', () => {
    expect(part(understood("l'OTAN "), 'elision')?.text).toBe('« l\'OTAN » cherché comme « OTAN » (élision retirée)');
    const parts = understood('"Asie centrale" -Kazakhstan ');
    expect(part(parts, 'phrase')).toMatchObject({ undo: { q: 'Asie centrale -Kazakhstan ' } });
    expect(part(parts, 'excluded')).toMatchObject({ text: 'sans « Kazakhstan »', undo: { q: '"Asie centrale"' } });
    expect(part(understood('coordination NEAR/5 stratégique'), 'near')).toMatchObject({ undo: { q: 'coordination stratégique ' } });
    expect(part(understood('speaker:Lavrov '), 'field')).toMatchObject({ undo: { q: 'Lavrov ' } });
  });

  it('says a cite: search looks in that person’s quotations, with a link searching the whole article, and keeps the name in other undos', () => {
    const parts = understood('cite:Lavrov Poutine -Tachkent ');
    expect(parts.filter((p) => p.kind === 'field')).toEqual([
      { kind: 'field', text: 'citations de « Lavrov » : les mots dans une même citation', undo: { q: 'Poutine -Tachkent ' }, undoLabel: 'chercher dans tout l’article' },
    ]);
    expect(part(parts, 'word')?.text).toContain('dans les citations');
    // Undoing the exclusion keeps the speaker and the words in the quotations.
    expect(part(parts, 'excluded')?.undo).toEqual({ q: 'cite:"Lavrov" citation:Poutine ' });
    expect(search(searcher, request({ q: 'cite:"Lavrov" citation:Poutine ' })).total).toBe(search(searcher, request({ q: 'cite:Lavrov Poutine ' })).total);
    // citation: typed alone is a field part, with its undo
    expect(part(understood('citation:Poutine '), 'field')).toMatchObject({ text: '« Poutine » cherché dans les citations seulement', undo: { q: 'Poutine ' } });
  });

  it('names the word no article holds, and the partial fill', () => {
    const parts = understood('Lavrov zzzqxw ');
    expect(part(parts, 'unknown')).toMatchObject({ text: '« zzzqxw » : aucun article', undo: { q: 'Lavrov ' } });
    expect(part(parts, 'dropped')?.text).toContain('1 sur 2');
    expect(part(understood('sommet Tachkent Wang '), 'partial')).toEqual({
      kind: 'partial',
      text: '1 article contient tous les mots ; ensuite 1 résultat sans le mot « Tachkent »',
      undo: { q: 'sommet Wang ' },
      undoLabel: 'chercher sans « Tachkent »',
    });
  });

  it('names the filter that emptied the results, with the count without it', () => {
    const parts = understood('Tachkent ', { speakers: ['Xi Jinping'] });
    expect(part(parts, 'filter')).toEqual({ kind: 'filter', text: '0 résultat avec Intervenant : Xi Jinping — 1 sans ce filtre', undo: { filter: 'speakers', value: 'Xi Jinping' }, undoLabel: 'retirer ce filtre' });
    // A filter that leaves results is not blamed.
    expect(part(understood('Tachkent ', { speakers: ['Wang Yi'] }), 'filter')).toBeUndefined();
  });

  it('writes clauses back as a query that parses the same', () => {
    for (const q of ['"Asie centrale"', '-Kazakhstan', 'speaker:Lavrov', 'a NEAR/3 b', 'Lavrov OR Wang', '-"guerre froide"']) {
      const clauses = parseQuery(`${q} `).clauses;
      expect(parseQuery(`${clauses.map(formatClause).join(' ')} `).clauses).toEqual(clauses);
    }
  });
});

describe.each(BACKENDS)('understood in the JSON and on the page, %s backend', (kind) => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, stop } = await startBackendServer(kind));
  }, 120_000);
  afterAll(async () => stop?.());

  it('gives the syntax parts on both backends, and the line under the box with its undo links', async () => {
    const body = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('"Asie centrale" -Kazakhstan ')}`)).json()) as { understood: UnderstoodPart[] };
    expect(body.understood.map((p) => p.kind)).toEqual(['phrase', 'excluded']);
    const page = await (await fetch(`${url}/search?q=${encodeURIComponent('"Asie centrale" -Kazakhstan ')}`)).text();
    expect(page).toContain('class="compris"');
    expect(page).toContain('sans « Kazakhstan »');
    expect(page).toMatch(/href="\/search\?q=%22Asie\+centrale%22"[^>]*>ne plus exclure</);
  });
});
