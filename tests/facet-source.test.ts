/**
 * The source facet (the publisher), declared in src/analysis/fields.ts like
 * the speaker and organisation facets: its URL parameter, response counts,
 * `source:` prefix, chip, facet box and Atom title, on both backends. The
 * samples name one source only, so this builds a small JSON Lines corpus of
 * invented publishers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startBackendServer } from './helpers/backends.js';

const MATIN = "Le Matin d'Almaty";
const STEPPES = 'Courrier des Steppes';

const RECORDS = [
  { id: 'm1', source: MATIN, date: '2023-03-01', speakers: ['Aïgerim Toulegenova'], title: 'Les vergers de Talgar', text: 'Les pommiers de Talgar ont fleuri trois semaines plus tôt que prévu, selon les agronomes de la région.' },
  { id: 'm2', source: MATIN, date: '2023-03-02', title: 'Un pont sur la rivière Ili', text: 'La construction du pont sur la rivière Ili reprendra au printemps, a annoncé la municipalité.' },
  { id: 'm3', source: MATIN, date: '2023-03-03', title: 'Le courrier diplomatique', text: 'Le courrier diplomatique entre les deux capitales a doublé cette année, selon le ministère.' },
  { id: 's1', source: STEPPES, date: '2023-03-04', speakers: ['Aïgerim Toulegenova'], title: 'La transhumance des troupeaux', text: 'Les éleveurs conduisent leurs troupeaux vers les pâturages d’été dès la fonte des neiges.' },
  { id: 's2', source: STEPPES, date: '2023-03-05', title: 'Un festival de dombra', text: 'Le festival de dombra a réuni des musiciens venus de toutes les provinces du pays.' },
  { id: 'n1', date: '2023-03-06', title: 'Sans éditeur', text: 'Cette dépêche ne nomme aucun éditeur et parle du festival des vergers.' },
];

let corpus: string;

beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'depeches-sources-'));
  await writeFile(path.join(corpus, 'depeches.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
});

afterAll(async () => {
  await rm(corpus, { recursive: true, force: true });
});

describe.each(BACKENDS)('source facet, %s backend', (kind) => {
  let url: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ url, stop } = await startBackendServer(kind, corpus));
  }, 120_000);

  afterAll(async () => {
    await stop?.();
  });

  const json = async (query: string) => {
    const response = await fetch(`${url}/api/search?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { total: number; hits: { id: string; source: string | null }[]; facets: Record<string, { value: string; count: number }[]> };
  };

  it('gives each hit its source, speakers and organisations, as the documented shape', async () => {
    const body = await json('q=dombra');
    expect(body.hits).toHaveLength(1);
    expect(body.hits[0]).toMatchObject({ id: 's2', source: STEPPES, speakers: [], organisations: [] });
  });

  it('counts the sources of the results', async () => {
    const body = await json('');
    expect(body.total).toBe(RECORDS.length);
    expect(body.facets.source).toEqual([
      { value: MATIN, count: 3 },
      { value: STEPPES, count: 2 },
    ]);
  });

  it('filters on a source typed in any case or accent, its own counts ignoring the selection', async () => {
    const body = await json(`source=${encodeURIComponent("LE MATIN D'ALMATY")}`);
    expect(body.total).toBe(3);
    expect(body.hits.every((h) => h.source === MATIN)).toBe(true);
    expect(body.facets.source.map((v) => v.value)).toEqual([MATIN, STEPPES]);
  });

  it('combines values of the source with OR and the source with other facets with AND', async () => {
    expect((await json(`source=${encodeURIComponent(MATIN)}&source=${encodeURIComponent(STEPPES)}`)).total).toBe(5);
    const both = await json(`source=${encodeURIComponent(STEPPES)}&speaker=${encodeURIComponent('Aïgerim Toulegenova')}`);
    expect(both.hits.map((h) => h.id)).toEqual(['s1']);
    // The speaker facet's counts ignore the speaker selection but not the source's.
    expect(both.facets.speaker).toEqual([{ value: 'Aïgerim Toulegenova', count: 1 }]);
  });

  it('searches the source only with source:, never as a plain word', async () => {
    // A paper's name in a query ("Genève", "Journal") must not match every article of the paper.
    const anywhere = await json('q=courrier');
    expect(anywhere.hits.map((h) => h.id).sort()).toEqual(['m3']);
    const bySource = await json('q=source%3Acourrier');
    expect(bySource.hits.map((h) => h.id).sort()).toEqual(['s1', 's2']);
    expect((await json('q=source%3A%22Courrier+des+Steppes%22')).total).toBe(2);
    expect((await json('q=festival+-source%3Asteppes')).hits.map((h) => h.id)).toEqual(['n1']);
  });

  it('shows the source as a facet box, a chip and in the feed title', async () => {
    const page = await (await fetch(`${url}/search?source=${encodeURIComponent(STEPPES)}`)).text();
    expect(page).toContain('data-facette="source"');
    expect(page).toMatch(/<h3 id="facette-source">Sources<\/h3>/);
    expect(page).toMatch(/<span class="puce-type">Source :<\/span> Courrier des Steppes/);
    expect(page).toContain('class="puce puce-source');
    const feed = await (await fetch(`${url}/search.atom?source=${encodeURIComponent(STEPPES)}`)).text();
    expect(feed).toContain('sources : Courrier des Steppes');
    // The source is each entry's author, the speakers its categories.
    expect(feed.match(/<author><name>Courrier des Steppes<\/name><\/author>/g)).toHaveLength(2);
    expect(feed).toContain('<category term="Aïgerim Toulegenova"/>');
  });
});
