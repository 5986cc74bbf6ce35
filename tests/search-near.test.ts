/**
 * The proximity operator, `a NEAR/n b` and `"a b"~n`, on both backends: in
 * range and out of range, both orders, stop words counted as positions. The
 * sentences are in the style of the real archive; the names are invented.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetFilters } from '../src/analysis/index.js';
import { parseQuery } from '../src/search/parse-query.js';
import { sequenceHoldsNear } from '../src/search/near.js';
import { BACKENDS, startBackend, type BackendFixture } from './helpers/backends.js';

const RECORDS = [
  // "arme" 4 positions after "policier" (policier, a, sorti, son, arme: the stop words count).
  { id: 'proche', title: 'Manifestation à Vardelune', text: 'Un policier a sorti son arme devant la préfecture de Vardelune, samedi.' },
  // "arme" before "policier", 2 positions apart: the other order.
  { id: 'inverse', title: 'Tension à Sainte-Orbe', text: 'Une arme du policier Kerbastien a été retrouvée près du pont de Sainte-Orbe.' },
  // Both words, far apart (more than 10 positions).
  { id: 'loin', title: 'Rassemblement à Port-Mirel', text: 'Un policier a parlé aux manifestants pendant de longues minutes sur la place centrale du port, puis le cortège est reparti vers la gare, sans aucune arme.' },
];

let corpus: string;
beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'depeches-near-'));
  await writeFile(path.join(corpus, 'depeches.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
afterAll(async () => {
  await rm(corpus, { recursive: true, force: true });
});

describe('parsing NEAR', () => {
  it('reads NEAR/n, NEAR alone and "a b"~n as one clause, and leaves a stray NEAR out', () => {
    expect(parseQuery('policier NEAR/5 arme').clauses).toEqual([{ kind: 'near', words: ['policier', 'arme'], distances: [5], negated: false }]);
    expect(parseQuery('"policier arme"~3 ').clauses).toEqual([{ kind: 'near', words: ['policier', 'arme'], distances: [3], negated: false }]);
    expect(parseQuery('a near/2 b NEAR c').clauses).toEqual([{ kind: 'near', words: ['a', 'b', 'c'], distances: [2, 5], negated: false }]);
    expect(parseQuery('policier NEAR/999 arme').clauses[0]).toMatchObject({ distances: [50] });
    // Nothing on one side: the operator is dropped, the word stays.
    expect(parseQuery('NEAR/3 arme ').clauses).toEqual([{ kind: 'word', text: 'arme', negated: false, prefix: false }]);
    expect(parseQuery('-policier NEAR/3 arme').clauses[0]).toMatchObject({ kind: 'near', negated: true });
  });

  it('finds a chain of positions in either order, never the same position twice', () => {
    expect(sequenceHoldsNear([1, -1, -1, 2], [1, 2], [3])).toBe(true);
    expect(sequenceHoldsNear([2, -1, 1], [1, 2], [2])).toBe(true);
    expect(sequenceHoldsNear([1, -1, -1, 2], [1, 2], [2])).toBe(false);
    expect(sequenceHoldsNear([1], [1, 1], [3])).toBe(false);
    expect(sequenceHoldsNear([1, 9, 2, 9, 3], [1, 2, 3], [2, 2])).toBe(true);
  });
});

describe.each(BACKENDS)('NEAR/n, %s backend', (kind) => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = await startBackend(kind, corpus);
  }, 120_000);
  afterAll(async () => {
    await fixture?.stop();
  });
  const ids = async (q: string) =>
    (await fixture.backend.search({ q, filters: facetFilters(), from: null, to: null, page: 1, perPage: 10, sort: 'relevance' })).hits.map((h) => h.id).sort();

  it('matches the words within the distance, in either order', async () => {
    expect(await ids('policier NEAR/4 arme')).toEqual(['inverse', 'proche']);
    expect(await ids('arme NEAR/4 policier')).toEqual(['inverse', 'proche']);
    expect(await ids('"policier arme"~4')).toEqual(['inverse', 'proche']);
    expect(await ids('policier NEAR/3 arme')).toEqual(['inverse']);
  });

  it('leaves out the words beyond the distance', async () => {
    expect(await ids('policier NEAR/2 arme')).toEqual(['inverse']);
    expect(await ids('policier NEAR/1 arme')).toEqual([]);
    // Without the operator both words anywhere.
    expect(await ids('policier arme ')).toEqual(['inverse', 'loin', 'proche']);
  });

  it('excludes a NEAR group with a minus', async () => {
    expect(await ids('policier -policier NEAR/4 arme')).toEqual(['loin']);
  });
});
