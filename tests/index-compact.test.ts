import MiniSearch from 'minisearch';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundTerm, indexTerms, tokenize } from '../src/analysis/index.js';
import { TermDictionary, analyzeText } from '../src/analysis/index.js';
import { IntList } from '../src/index/analyze-fields.js';
import { buildIndex, indexedFields, loadIndex, type SearchIndex } from '../src/index/index.js';
import { MINISEARCH_OPTIONS } from '../src/index/schema.js';
import type { IndexedFields } from '../src/index/types.js';
import { buildSampleIndex } from './helpers/sample-index.js';
import { propertyOptions } from './helpers/trials.js';

let loaded: SearchIndex;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, index: loaded, cleanup } = await buildSampleIndex()));
afterAll(() => cleanup());

/** What the one-pass analysis gives for a text, as strings. */
const shared = new TermDictionary();
/** (One dictionary for all texts, so that words seen before take the table's shortcut.) */
function analyzed(text: string, dictionary = shared): { indexed: string[]; sequence: (string | null)[] } {
  const indexed = new IntList();
  const sequence = new IntList();
  analyzeText(text, dictionary, indexed, sequence);
  return {
    indexed: [...indexed.toArray()].map((id) => dictionary.terms[id]),
    sequence: [...sequence.toArray()].map((id) => (id < 0 ? null : dictionary.terms[id])),
  };
}

/** The terms at each position as `tokenize` gives them, null for positions without a term. */
function byPosition(text: string): (string | null)[] {
  const tokens = tokenize(text);
  const length = tokens.length === 0 ? 0 : tokens[tokens.length - 1].position + 1;
  const out = new Array<string | null>(length).fill(null);
  for (const t of tokens) out[t.position] = t.term;
  return out;
}

describe('one-pass analysis', () => {
  it('agrees with tokenize and indexTerms on every sample article', () => {
    for (const article of loaded.documents) {
      for (const text of [article.title, article.text]) {
        const { indexed, sequence } = analyzed(text);
        expect(indexed).toEqual(indexTerms(text));
        // tokenize gives no position after the last term: trailing stop words are the only difference allowed.
        const expected = byPosition(text);
        expect(sequence.slice(0, expected.length)).toEqual(expected);
        expect(sequence.slice(expected.length).every((t) => t === null)).toBe(true);
      }
    }
  });

  it('still reads letters beyond the BMP after a lone surrogate (a split emoji escape in JSON Lines)', () => {
    const astral = 'paix 𝐀𝐁𝐂 𠀀𠀁 guerre';
    analyzed('x \ud835 y \ud840 z');
    expect(analyzed(astral).indexed).toEqual(indexTerms(astral));
  });

  it('agrees with them on arbitrary text', () => {
    const pieces = fc.constantFrom('Chine-Russie', "l'OTAN", 'aujourd’hui', 'le', 'de', 'Émeutes', 'sino-russe', 'jusqu’au', '2022-01-11', 'a-t-il', 'Œuvre', '-', ' ', ', ', "'", 'x', '12h30', 'États-Unis', 'Chine‑Russie', 'L’ONU', 'QU’IL', '𝐀𝐁-c', 'x²', 'Ⅻe', 'ǅ', '\u0301e', 'l\'', 'd’-x', '\ud835', '\ud840 z');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 }), fc.constantFrom(' ', '', '-', '’'), (parts, glue) => {
        const text = parts.join(glue);
        const { indexed, sequence } = analyzed(text);
        expect(indexed).toEqual(indexTerms(text));
        const expected = byPosition(text);
        expect(sequence.slice(0, expected.length)).toEqual(expected);
      }),
      propertyOptions(300),
    );
  });
});

describe('term positions', () => {
  it('hold, for every token of every sample article, its term at its position, in a loaded index', () => {
    const { positions, documents } = loaded;
    let checked = 0;
    documents.forEach((article, n) => {
      for (const [field, text] of [[0, article.title], [1, article.text]] as const) {
        const sequence = positions.sequence(n, field);
        const tokens = tokenize(text);
        const at = new Set(tokens.map((t) => t.position));
        for (const t of tokens) {
          expect(positions.termId(t.term)).toBeGreaterThanOrEqual(0);
          expect(sequence[t.position]).toBe(positions.termId(t.term));
          checked++;
        }
        // Positions without a term (stop words) hold -1.
        sequence.forEach((id, position) => {
          if (!at.has(position)) expect(id).toBe(-1);
        });
      }
    });
    expect(checked).toBeGreaterThan(1500);
    expect(positions.termId('no-such-term-here')).toBe(-1);
  });

  it('are the same in a built index and in the saved and loaded one', () => {
    const built = buildIndex(loaded.documents);
    for (let n = 0; n < built.documents.length; n++) {
      for (const f of [0, 1] as const) {
        const words = (index: SearchIndex) => [...index.positions.sequence(n, f)];
        expect(words(built)).toEqual(words(loaded));
      }
    }
  });
});

describe('MiniSearch view of the compact index', () => {
  it('answers exactly as MiniSearch built by addAll: same documents, scores, terms and matches', async () => {
    const reference = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
    reference.addAll(loaded.documents.map(indexedFields));
    const again = await loadIndex(dir);
    const queries = [
      { queries: ['chin'] },
      { queries: ['lavrov', 'tachkent'], combineWith: 'OR' as const },
      { queries: ['cooper'], prefix: true },
      { queries: ['lavrof'], fuzzy: 1 },
      { queries: ['multilat'], prefix: true, fuzzy: 0.2 },
      { combineWith: 'AND_NOT' as const, queries: [{ queries: ['russ'] }, { queries: ['vaccin'] }] },
      { queries: [compoundTerm(['Chine', 'Russie'])] },
      { queries: ['otsc'], fields: ['organisations'] },
    ];
    for (const query of queries) {
      const expected = reference.search(query);
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(again.miniSearch.search(query)).toEqual(expected);
    }
    expect(again.miniSearch.termCount).toBe(reference.termCount);
    expect(again.miniSearch.documentCount).toBe(reference.documentCount);
  });

  it('reads like MiniSearch internals for code that walks them', () => {
    const reference = new MiniSearch<IndexedFields>(MINISEARCH_OPTIONS);
    reference.addAll(loaded.documents.map(indexedFields));
    type Internals = { _index: Iterable<[string, Map<number, Map<number, number>>]>; _fieldLength: Map<number, number[]>; _avgFieldLength: number[] };
    const view = loaded.miniSearch as unknown as Internals;
    const ref = reference as unknown as Internals;
    const dump = (ms: Internals) =>
      [...ms._index]
        .map(([term, data]) => [term, [...data].sort((a, b) => a[0] - b[0]).map(([field, docs]) => [field, docs.size, [...docs], [...docs.keys()].map((d) => docs.get(d))])] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(dump(view)).toEqual(dump(ref));
    expect(view._avgFieldLength).toEqual(ref._avgFieldLength);
    expect([...view._fieldLength]).toEqual([...ref._fieldLength]);
  });
});
