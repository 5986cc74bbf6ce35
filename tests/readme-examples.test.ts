/**
 * Every example of the README's query-language table works on the shipped
 * sample corpus as written, on both backends. Each example's expectation is
 * a relation to other queries (a typo finds what the word finds, an exclusion
 * is a difference), so the test says what the README promises without
 * copying results; an example added to the README without an expectation here
 * fails.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startBackend, type BackendFixture } from './helpers/backends.js';
import { readmeExamples } from './helpers/readme-queries.js';
import { request } from './helpers/sample-index.js';

type Ids = Set<string>;
type Check = (ids: (q: string) => Promise<Ids>, hits: (q: string) => Promise<{ id: string; speakers: string[]; organisations: string[]; source: string | null }[]>) => Promise<void>;

const same = (a: Ids, b: Ids) => expect([...a].sort()).toEqual([...b].sort());
const nonEmpty = (a: Ids) => expect(a.size).toBeGreaterThan(0);
/** The example finds exactly what `plain` finds, and something. */
const finds = (example: string, plain: string): Check => async (ids) => {
  const expected = await ids(plain);
  nonEmpty(expected);
  same(await ids(example), expected);
};

const EXPECTATIONS: Record<string, Check> = {
  'relations bilatérales': async (ids) => {
    nonEmpty(await ids('relations bilatérales'));
    same(await ids('relations bilatérales'), await ids('RELATIONS BILATERALES'));
    same(await ids('relations bilatérales'), await ids('relation bilatérale'));
  },
  emeute: finds('emeute', 'émeutes'),
  securite: finds('securite', 'sécurité'),
  '"Asie centrale"': async (ids) => {
    const phrase = await ids('"Asie centrale"');
    nonEmpty(phrase);
    for (const id of phrase) expect(await ids('Asie centrale')).toContain(id);
  },
  '« Asie centrale »': finds('« Asie centrale »', '"Asie centrale"'),
  'coopération -Kazakhstan': async (ids) => {
    const without = await ids('Kazakhstan');
    const expected = new Set([...(await ids('coopération'))].filter((id) => !without.has(id)));
    nonEmpty(expected);
    nonEmpty(without);
    same(await ids('coopération -Kazakhstan'), expected);
  },
  '-"guerre froide"': async (ids) => {
    const all = await ids('');
    const phrase = await ids('"guerre froide"');
    nonEmpty(phrase);
    same(await ids('-"guerre froide"'), new Set([...all].filter((id) => !phrase.has(id))));
  },
  'Tachkent OR OTAN': async (ids) => {
    const either = new Set([...(await ids('Tachkent')), ...(await ids('OTAN'))]);
    expect(either.size).toBeGreaterThan(Math.max((await ids('Tachkent')).size, (await ids('OTAN')).size));
    same(await ids('Tachkent OR OTAN'), either);
  },
  'speaker:Lavrov': async (_ids, hits) => {
    const found = await hits('speaker:Lavrov');
    expect(found.length).toBeGreaterThan(0);
    for (const hit of found) expect(hit.speakers.some((s) => s.includes('Lavrov'))).toBe(true);
    expect((await hits('intervenant:Lavrov')).map((h) => h.id).sort()).toEqual(found.map((h) => h.id).sort());
  },
  'cite:Lavrov Poutine': async (ids) => {
    // Lavrov is quoted saying "Poutine" in fewer articles than those naming both
    const quoted = await ids('cite:Lavrov Poutine');
    nonEmpty(quoted);
    const both = await ids('speaker:Lavrov Poutine');
    for (const id of quoted) expect(both).toContain(id);
    expect(quoted.size).toBeLessThan(both.size);
    for (const id of await ids('cite:Lavrov')) expect(await ids('speaker:Lavrov')).toContain(id);
  },
  'cite:"Wang Yi" "esprit de Shanghai"': async (ids) => {
    const quoted = await ids('cite:"Wang Yi" "esprit de Shanghai"');
    nonEmpty(quoted);
    same(quoted, await ids('citation:"esprit de Shanghai"'));
    expect((await ids('cite:Lavrov "esprit de Shanghai"')).size).toBe(0);
  },
  'citation:"esprit de Shanghai"': async (ids) => {
    const quoted = await ids('citation:"esprit de Shanghai"');
    nonEmpty(quoted);
    for (const id of quoted) expect(await ids('"esprit de Shanghai"')).toContain(id);
  },
  'org:OTSC': async (_ids, hits) => {
    const found = await hits('org:OTSC');
    expect(found.length).toBeGreaterThan(0);
    for (const hit of found) expect(hit.organisations).toContain('OTSC');
    expect((await hits('organisation:OTSC')).map((h) => h.id).sort()).toEqual(found.map((h) => h.id).sort());
  },
  'org:"Union économique eurasiatique"': async (_ids, hits) => {
    const found = await hits('org:"Union économique eurasiatique"');
    expect(found.length).toBeGreaterThan(0);
    for (const hit of found) expect(hit.organisations).toContain('Union économique eurasiatique');
  },
  'source:Xinhua': async (ids, hits) => {
    const found = await hits('source:Xinhua');
    expect(found.length).toBeGreaterThan(0);
    for (const hit of found) expect(hit.source).toBe('Xinhua');
    same(await ids('source:xinhua'), new Set(found.map((h) => h.id)));
  },
  'coordination NEAR/5 stratégique': async (ids) => {
    const near = await ids('coordination NEAR/5 stratégique');
    nonEmpty(near);
    // Between the phrase and both words anywhere; either order; the same as "…"~5.
    for (const id of await ids('"coordination stratégique"')) expect(near).toContain(id);
    for (const id of near) expect(await ids('coordination stratégique ')).toContain(id);
    same(await ids('stratégique NEAR/5 coordination'), near);
    same(await ids('"coordination stratégique"~5'), near);
  },
  '"coordination stratégique"~5': async (ids) => nonEmpty(await ids('"coordination stratégique"~5')),
  multilat: finds('multilat', 'multilatéral'),
  r: async (ids) => nonEmpty(await ids('r')),
  coopérat: finds('coopérat', 'coopération'),
  Lavrof: finds('Lavrof', 'Lavrov'),
  Tachknet: finds('Tachknet', 'Tachkent'),
  coopérationns: finds('coopérationns', 'coopération'),
  'conseil de': finds('conseil de', 'conseil'),
  "l'OTAN": finds("l'OTAN", 'OTAN'),
  'Chine-Russie': async (ids) => {
    const compound = await ids('Chine-Russie');
    nonEmpty(compound);
    const both = await ids('Chine Russie');
    for (const id of compound) expect(both).toContain(id);
  },
  'sino-russe': async (ids) => nonEmpty(await ids('sino-russe')),
  // The samples write these compounds hyphenated only: the word written together finds them.
  sinorusse: finds('sinorusse', 'sino-russe'),
  contrecourant: finds('contrecourant', 'contre-courant'),
};

/** Examples the table gives inside its explanations, tested the same way. */
const EXPLAINED: Record<string, Check> = {
  'Tokaïe Wang': async (ids) => {
    nonEmpty(await ids('Tokaïe Wang'));
    same(await ids('Tokaïe Wang'), await ids('Tokaïev Wang'));
  },
  stratégiquement: finds('stratégiquement', 'stratégique'),
};

describe('the README query-language table', () => {
  it('has an expectation here for each of its examples', () => {
    expect(readmeExamples().sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    const readme = readFileSync('README.md', 'utf8');
    for (const example of Object.keys(EXPLAINED)) expect(readme).toContain(`\`${example}\``);
  });
});

describe.each(BACKENDS)('README examples on the samples, %s backend', (kind) => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = await startBackend(kind);
  });
  afterAll(async () => fixture?.stop());

  const hits = async (q: string) => (await fixture.backend.search(request({ q, perPage: 100 }))).hits;
  const ids = async (q: string) => new Set((await hits(q)).map((h) => h.id));
  it.each(Object.entries({ ...EXPECTATIONS, ...EXPLAINED }))('%s', async (_example, check) => {
    await check(ids, hits);
  });
});
