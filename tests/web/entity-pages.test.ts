import { describe, expect, it } from 'vitest';
import { entitySlug } from '../../src/search/index.js';
import { useSampleServer } from './server.js';

const sample = useSampleServer();

async function get(path: string) {
  const res = await fetch(sample.url + path);
  return { status: res.status, body: await res.text() };
}
async function api(params: Record<string, string | string[]>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
  search.set('versions', 'all');
  return (await (await fetch(`${sample.url}/api/search?${search}`)).json()) as { total: number; facets: Record<string, { value: string; count: number }[]> };
}
const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('person and organisation pages over HTTP', () => {
  it('makes French slugs of names never seen: folded, hyphenated', () => {
    expect(entitySlug('Sergueï Lavrov')).toBe('serguei-lavrov');
    expect(entitySlug('Ondine Kerbrat-Le Gall')).toBe('ondine-kerbrat-le-gall');
    expect(entitySlug('Fédération des ports de l’Ouest')).toBe('federation-des-ports-de-l-ouest');
    expect(entitySlug('  ')).toBe('');
  });

  it('shows the most cited person with counts that agree with the search', async () => {
    const everything = await api({});
    const person = everything.facets.speaker[0];
    const page = await get(`/intervenant/${entitySlug(person.value)}`);
    expect(page.status).toBe(200);
    const body = decode(page.body);
    expect(body).toContain(`<h1 id="titre-fiche">${person.value}</h1>`);
    expect(body).toContain(`${person.count} article`);
    // The organisations named beside the person: each count is the search's count of both filters.
    const pairs = [...body.matchAll(/class="puce puce-organisation" href="\/organisation\/([^"]+)">([^<]+)<\/a> <a class="nombre" href="([^"]+)"[^>]*>(\d+)</g)];
    expect(pairs.length).toBeGreaterThan(0);
    for (const [, slug, name, , count] of pairs.slice(0, 3)) {
      expect(slug).toBe(encodeURIComponent(entitySlug(name)));
      expect((await api({ speaker: person.value, org: name })).total).toBe(Number(count));
    }
    // The timeline holds every dated article once.
    const bars = [...body.matchAll(/title="[^"]+ : (\d+) articles?"/g)].map((m) => Number(m[1]));
    const undated = Number(/dont (\d+) articles? sans date/.exec(body)?.[1] ?? 0);
    expect(bars.reduce((a, b) => a + b, 0) + undated).toBe(person.count);
    // Latest articles are links to articles; the sources' counts sum to at most the articles.
    expect(body).toMatch(/<h2 id="fiche-derniers">Derniers articles<\/h2>\s*<ul class="fiche-articles">\s*<li><a href="\/doc\//);
  });

  it('finds the page from any spelling of the slug, and says so in French when nobody has the name', async () => {
    const everything = await api({});
    const org = everything.facets.organisation[0].value;
    const page = await get(`/organisation/${encodeURIComponent(entitySlug(org).toUpperCase())}`);
    expect(page.status).toBe(200);
    expect(decode(page.body)).toContain(`<h1 id="titre-fiche">${org}</h1>`);
    const missing = await get('/intervenant/ondine-kerbrat-inventee');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Aucun article ne cite cet intervenant.');
  });

  it('links every chip: result chips filter and carry a page link, article chips lead to the page', async () => {
    const results = decode((await get('/search?q=chine')).body);
    const chip = /class="puce puce-personne[^"]*" href="(\/search\?[^"]+)"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?([^<]+)<\/a><a class="puce-fiche" href="(\/intervenant\/[^"]+)"/.exec(results);
    expect(chip).not.toBeNull();
    expect(chip![1]).toContain('speaker=');
    expect(chip![3]).toBe(`/intervenant/${encodeURIComponent(entitySlug(chip![2]))}`);
    const articleHref = /class="lien-resultat" href="([^"]+)"/.exec(results)![1];
    const article = decode((await get(articleHref)).body);
    const onArticle = [...article.matchAll(/class="puce puce-(?:personne|organisation)" href="([^"]+)"/g)].map((m) => m[1]);
    expect(onArticle.length).toBeGreaterThan(0);
    expect(onArticle.every((href) => /^\/(intervenant|organisation)\//.test(href))).toBe(true);
    for (const href of onArticle.slice(0, 3)) expect((await get(href)).status).toBe(200);
  });
});
