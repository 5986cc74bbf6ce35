/**
 * Disjunctive facet counts on random articles and selections, against the
 * definition written plainly: an article passes when it passes every filter;
 * a facet's counts (and the date's) are over the articles passing every
 * other filter. Invented names, every declared facet, dates in and out of
 * range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, facetFilters, facetKey, fieldValues, type FacetName } from '../src/analysis/index.js';
import type { Article } from '../src/ingest/types.js';
import { buildFacetTable } from '../src/search/facet-table.js';
import { facetCounts } from '../src/search/facets.js';
import { KEYSTROKE_OPTIONS } from '../src/search/keystroke-options.js';
import { Scratch } from '../src/search/scratch.js';
import { request } from './helpers/sample-index.js';
import { propertyOptions } from './helpers/trials.js';

const NAMES = ['Aïgerim Toulegenova', 'Bolat Nourlanov', 'Zhanna Ospanova', 'Courrier des Steppes', 'Le Matin d’Almaty'];
const DATES = [null, '2021-05-03', '2022-01-10', '2022-11-30', '2023-06-15'];

const articleArbitrary = fc.record({
  speakers: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
  organisations: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
  source: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  date: fc.constantFrom(...DATES),
});

function article(fields: { speakers: string[]; organisations: string[]; source: string | null; date: string | null }, n: number): Article {
  return { id: `a${n}`, title: 't', text: 'x', quotes: [], url: null, format: 'txt', path: `a${n}.txt`, fileHash: '0', ...fields };
}

/** The counts as defined, one article at a time. */
function expected(documents: Article[], filters: Record<FacetName, string[]>, from: string | null, to: string | null) {
  const passes = (a: Article, name: FacetName) => filters[name].length === 0 || fieldValues(a, name).some((v) => filters[name].some((s) => facetKey(s) === facetKey(v)));
  const inRange = (a: Article) => (from === null && to === null) || (a.date !== null && (from === null || a.date >= from) && (to === null || a.date <= to));
  const tally = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const facets = Object.fromEntries(
    FACETS.map((name) => [
      name,
      tally(documents.filter((a) => inRange(a) && FACETS.every((other) => other === name || passes(a, other))).flatMap((a) => [...new Set(fieldValues(a, name))])),
    ]),
  ) as Record<FacetName, Map<string, number>>;
  const dates = tally(documents.filter((a) => FACETS.every((name) => passes(a, name)) && a.date !== null).flatMap((a) => [a.date!.slice(0, 4), a.date!.slice(0, 7)]));
  const passing = documents.map((a, n) => (FACETS.every((name) => passes(a, name)) && inRange(a) ? n : -1)).filter((n) => n >= 0);
  return { facets, dates, passing };
}

describe('disjunctive facet counts', () => {
  it('match their definition on random articles and selections', () => {
    fc.assert(
      fc.property(
        fc.array(articleArbitrary, { minLength: 1, maxLength: 60 }),
        fc.record({
          speakers: fc.uniqueArray(fc.constantFrom(...NAMES.map((n) => n.toUpperCase()), ...NAMES), { maxLength: 2 }),
          organisations: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
          source: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
        }),
        fc.constantFrom<[string | null, string | null]>([null, null], ['2022-01-01', null], [null, '2022-06-30'], ['2022-01-01', '2022-12-31']),
        (fields, selected, [from, to]) => {
          const documents = fields.map(article);
          const candidates = Int32Array.from(documents.keys());
          const filters = facetFilters(selected);
          const table = buildFacetTable(documents);
          const asked = request({ filters, from, to });
          const result = facetCounts({ facets: table, scratch: new Scratch() }, candidates, asked);
          const want = expected(documents, filters, from, to);
          expect([...result.passing]).toEqual(want.passing);
          for (const name of FACETS) expect(new Map(result.counts[name].map((v) => [v.value, v.count]))).toEqual(want.facets[name]);
          expect(new Map(result.date.map((v) => [v.value, v.count]))).toEqual(want.dates);
          // Few candidates are tested one by one on a new table, and read from the codes the first count kept on this one: alike.
          const few = candidates.subarray(0, Math.ceil(candidates.length * KEYSTROKE_OPTIONS.filterCodesShare) - 1);
          const tested = facetCounts({ facets: buildFacetTable(documents), scratch: new Scratch() }, few, asked);
          const read = facetCounts({ facets: table, scratch: new Scratch() }, few, asked);
          expect([read.passing, read.counts, read.date]).toEqual([tested.passing, tested.counts, tested.date]);
        },
      ),
      propertyOptions(200),
    );
  });
});
