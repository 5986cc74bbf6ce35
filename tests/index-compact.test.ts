import MiniSearch from 'minisearch';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOSTS, compoundTerm, indexTerms, INDEXED_FIELDS, tokenize } from '../src/analysis/index.js';
import { TermDictionary, analyzeText } from '../src/analysis/index.js';
import { IntList } from '../src/index/analyze-fields.js';
import { buildIndex, indexedFields, loadIndex, type SearchIndex } from '../src/index/index.js';
import type { IndexedFields } from '../src/index/types.js';
import type { Article } from '../src/ingest/types.js';
import { Searcher } from '../src/search/index.js';
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

/** MiniSearch configured with the index's fields, boosts and analysis: the reference the flat postings' scores reproduce. */
function referenceMiniSearch(documents: Article[]): MiniSearch<IndexedFields> {
  const reference = new MiniSearch<IndexedFields>({
    idField: 'n',
    fields: [...INDEXED_FIELDS],
    storeFields: [],
    tokenize: (text) => indexTerms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost: BOOSTS },
  });
  reference.addAll(documents.map(indexedFields));
  return reference;
}

/** Levenshtein distance, written plainly. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

describe('flat postings of the compact index', () => {
  it('score every term as MiniSearch built by addAll does (BM25+, field boosts)', async () => {
    const reference = referenceMiniSearch(loaded.documents);
    const postings = new Searcher(await loadIndex(dir)).postings;
    const terms = ['chin', 'lavrov', 'tachkent', 'cooper', 'russ', 'vaccin', compoundTerm(['Chine', 'Russie'])];
    for (const term of terms) {
      // A plain word is not searched in a field of boost 0 (searched only by its prefix; MiniSearch reads a boost of 0 as 1).
      const wordFields = INDEXED_FIELDS.filter((f) => BOOSTS[f] > 0);
      const expected = new Map(reference.search({ queries: [term] }, { fields: wordFields }).map((r) => [r.id as number, r.score]));
      expect(expected.size, term).toBeGreaterThan(0);
      const { docs, scores } = postings.score([{ term, weight: 1 }]);
      const got = new Map([...docs].map((n, k) => [n, scores[k]]));
      expect([...got.keys()].sort((a, b) => a - b), term).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [n, score] of expected) expect(got.get(n)!, `${term} in ${n}`).toBeCloseTo(score, 5);
    }
  });

  it('find the terms within a number of edits as a plain edit distance over the dictionary does', async () => {
    const { compact } = await loadIndex(dir);
    const postings = new Searcher(await loadIndex(dir)).postings;
    for (const [word, distance] of [['lavrof', 1], ['tachkint', 2], ['cooperatin', 2], ['multilat', 1], ['zzzz', 1]] as const) {
      const expected = compact.terms.filter((t) => editDistance(word, t) <= distance).map((t) => [t, editDistance(word, t)]);
      const got = postings.termsNear(word, distance);
      expect([...got].sort(), word).toEqual(expected.sort());
    }
  });
});
