import { describe, expect, it } from 'vitest';
import { useSampleServer } from './server.js';

const sample = useSampleServer();

const json = async (path: string) => {
  const response = await fetch(sample.url + path);
  return { status: response.status, body: await response.json() };
};

describe('facet search and suggestions over HTTP', () => {
  it('/api/facet/:param finds values by word beginnings, with counts among the results', async () => {
    const { status, body } = await json('/api/facet/speaker?fq=lavr');
    expect(status).toBe(200);
    expect(body.facet).toBe('speaker');
    expect(body.values.map((v: { value: string }) => v.value)).toEqual(['Sergueï Lavrov']);
    const search = await json('/api/search?speaker=Sergue%C3%AF+Lavrov');
    expect(body.values[0].count).toBe(search.body.total);
    // Within a query: counts follow it.
    const narrowed = await json('/api/facet/speaker?fq=serguei&q=vaccin');
    const narrowedSearch = await json('/api/search?q=vaccin&speaker=Sergue%C3%AF+Lavrov');
    expect(narrowed.body.values[0]?.count ?? 0).toBe(narrowedSearch.body.total);
    expect((await json('/api/facet/nimporte?fq=a')).status).toBe(404);
    expect((await json('/api/facet/org?fq=a&page=abc')).status).toBe(400);
  });

  it('/api/suggest names people with counts and completes words', async () => {
    const { body } = await json('/api/suggest?q=lavr');
    expect(body.names[0]).toMatchObject({ facet: 'speakers', value: 'Sergueï Lavrov', matched: 'query' });
    expect(body.names[0].count).toBeGreaterThan(0);
    expect(body.words.length).toBeGreaterThan(0);
    expect((await json('/api/suggest?q=')).body).toEqual({ words: [], names: [] });
  });

  it('/suggestions answers options for the combobox; /facette the found values; both keep the state in their links', async () => {
    const options = await (await fetch(sample.url + '/suggestions?q=lavr&org=OTSC')).text();
    expect(options).toMatch(/<li role="option" id="suggestion-\d+" class="option option-nom"[^>]*data-href="\/search\?speaker=Sergue%C3%AF\+Lavrov&amp;org=OTSC|data-href="\/search\?org=OTSC&amp;speaker=/);
    expect(options).toContain('· intervenant ·');
    const found = await (await fetch(sample.url + '/facette?facette=org&fq=otsc&q=kazakhstan', { headers: { 'HX-Request': 'true' } })).text();
    expect(found).toContain('data-valeur="OTSC"');
    expect(found).toContain('href="/search?q=kazakhstan&amp;org=OTSC"');
    // Without htmx, /facette is the whole page with the facet box's search.
    const page = await (await fetch(sample.url + '/facette?facette=org&fq=otsc&q=kazakhstan')).text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('id="trouves-org"');
  });
});
