/**
 * The spellings of one compound word (issue 18): written joined
 * ("anticasseurs"), hyphenated ("anti-casseurs") or apart ("vice président"),
 * on both backends, through the real indexer and the real server, on a small
 * corpus of invented dispatches (tests/fixtures/compounds-corpus). The rule
 * is the query plan's (query-plan.ts, match-options.ts `compounds`): a
 * hyphenated word is also searched joined and apart, a word also as the
 * compounds the index holds whose parts written together are that word;
 * never as a guessed split of it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnderstoodPart } from '../src/search/index.js';
import { BACKENDS, startBackendServer } from './helpers/backends.js';

const CORPUS = path.resolve('tests', 'fixtures', 'compounds-corpus');

interface Body {
  hits: { id: string; snippet: string }[];
  understood: UnderstoodPart[];
}

describe.each(BACKENDS)('compounds written joined, hyphenated or apart, %s backend', (kind) => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, stop } = await startBackendServer(kind, CORPUS));
  }, 120_000);
  afterAll(async () => stop?.());

  const searched = async (q: string): Promise<Body> => (await (await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`)).json()) as Body;
  const ids = async (q: string) => (await searched(q)).hits.map((h) => h.id);
  const words = async (q: string) => (await searched(q)).understood.filter((p) => p.kind === 'word').map((p) => p.text);

  it('finds a compound written hyphenated from the word written joined, and back', async () => {
    expect((await ids('anticasseurs ')).sort()).toEqual(['a-anti-casseurs', 'b-anticasseurs']);
    expect((await ids('anti-casseurs ')).sort()).toEqual(['a-anti-casseurs', 'b-anticasseurs']);
    // Singular or plural, as the stem finds them.
    expect((await ids('anticasseur ')).sort()).toEqual(['a-anti-casseurs', 'b-anticasseurs']);
  });

  it('finds a hyphenated word written apart, as a phrase', async () => {
    expect((await ids('vice-président ')).sort()).toEqual(['c-vice-president', 'd-vice-apart']);
    // Apart means next to each other: "vice" and "président" elsewhere in an article do not count.
    expect(await ids('"vice président"')).toContain('d-vice-apart');
  });

  it('highlights the other spelling in the snippet', async () => {
    const marked = async (q: string, id: string) => {
      const hit = (await searched(q)).hits.find((h) => h.id === id);
      return [...(hit?.snippet ?? '').matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => m[1].toLowerCase());
    };
    expect((await marked('anticasseurs ', 'a-anti-casseurs')).join(' ')).toMatch(/anti.*casseurs/);
    expect(await marked('anti-casseurs ', 'b-anticasseurs')).toContain('anticasseurs');
    expect((await marked('vice-président ', 'd-vice-apart')).join(' ')).toMatch(/vice.*président/);
  });

  it('works for a compound no lexicon knows', async () => {
    expect(await ids('bidulemachin ')).toEqual(['e-bidule']);
    expect(await ids('Bidulemachin')).toEqual(['e-bidule']);
  });

  it('never splits a word written together into guesses', async () => {
    // "anti" and "machine" (stem "machin") are both in f-unrelated, and "machin" in e-bidule: no article wrote "anti-machin".
    expect(await ids('antimachin ')).toEqual([]);
    expect(await ids('antipluie ')).toEqual([]);
    // An unrelated word finds none of the compounds.
    expect(await ids('casserole ')).toEqual([]);
  });

  it('says in the understood line which other spelling was searched, in the JSON and on the page', async () => {
    expect((await words('anticasseurs '))[0]).toMatch(/^« anticasseurs » \(aussi anti-casseurs/);
    expect((await words('anti-casseurs '))[0]).toBe('« anti-casseurs » (aussi anticasseurs, anti casseurs)');
    expect((await words('vice-président '))[0]).toBe('« vice-président » (aussi vice président)');
    expect((await words('bidulemachin '))[0]).toMatch(/^« bidulemachin » \(aussi bidule-machin/);
    // A word without another spelling in the archive says nothing more.
    expect((await words('dockers '))[0]).not.toContain('aussi');
    const page = await (await fetch(`${url}/search?q=${encodeURIComponent('anticasseurs ')}`)).text();
    expect(page).toContain('class="compris"');
    expect(page).toContain('« anticasseurs » (aussi anti-casseurs');
  });
});

describe('the exact spelling first (embedded exactness rule)', () => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, stop } = await startBackendServer('embedded', CORPUS));
  }, 120_000);
  afterAll(async () => stop?.());
  const ids = async (q: string) => ((await (await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`)).json()) as Body).hits.map((h) => h.id);

  it('ranks the form typed above the other spellings', async () => {
    expect(await ids('anticasseurs ')).toEqual(['b-anticasseurs', 'a-anti-casseurs']);
    expect(await ids('anti-casseurs ')).toEqual(['a-anti-casseurs', 'b-anticasseurs']);
    expect(await ids('vice-président ')).toEqual(['c-vice-president', 'd-vice-apart']);
    expect(await ids('vice président ')).toEqual(['d-vice-apart', 'c-vice-president']);
  });
});
