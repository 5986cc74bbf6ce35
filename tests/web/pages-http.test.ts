import { describe, expect, it } from 'vitest';
import { useSampleServer } from './server.js';

const sample = useSampleServer();

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(sample.url + path, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', vary: res.headers.get('vary') ?? '', body: await res.text() };
}

describe('search page over HTTP', () => {
  it('renders a full French page with the search form, results and feeds linked', async () => {
    const page = await get('/search?q=s%C3%A9curit%C3%A9');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toMatch(/^<!doctype html>/i);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toMatch(/<form id="recherche"[^>]*action="\/search"[^>]*method="get"/);
    expect(page.body).toContain('name="q"');
    expect(page.body).toContain('value="sécurité"');
    expect(page.body).toMatch(/\d+ résultats? en [\d,]+ ms/);
    expect(page.body).toContain('<mark>');
    expect(page.body).toContain('rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"');
    expect(page.body).toContain('type="application/atom+xml" href="/search.atom?q=s%C3%A9curit%C3%A9"');
    expect(page.body).toContain('src="/static/htmx/htmx.min.js"');
    // No inline script, nothing from elsewhere.
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('answers an htmx request with the fragment only, and history restores with the full page', async () => {
    const full = await get('/search?q=chine');
    const fragment = await get('/search?q=chine', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' });
    const restore = await get('/search?q=chine', { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' });
    expect(fragment.status).toBe(200);
    expect(fragment.body).not.toMatch(/<html|<head|<body|<form id="recherche"/);
    expect(fragment.body).toContain('id="etat"');
    expect(fragment.body).toContain('class="liste-resultats"');
    expect(fragment.body).toContain('<title>« chine » — Dépêches</title>');
    expect(full.body.length).toBeGreaterThan(fragment.body.length);
    expect(full.body).toContain('<html lang="fr">');
    expect(restore.body).toContain('<html lang="fr">');
    expect(full.vary).toMatch(/HX-Request/);
  });

  it('home page lists the archive', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('5 résultats');
    expect(home.body).toContain('Intervenants');
  });

  it('refuses bad parameters with a French 400 page', async () => {
    for (const path of ['/search?q=chine&page=abc', '/search?q=chine&sort=hasard']) {
      const page = await get(path);
      expect(page.status, path).toBe(400);
      expect(page.type).toMatch(/text\/html/);
      expect(page.body).toContain('<html lang="fr">');
      expect(page.body).toMatch(/Paramètre « \w+ » invalide/);
      // The search box keeps the query.
      expect(page.body).toMatch(/<input id="q" name="q" type="search" value="chine"/);
    }
  });

  it('says a wrong date range beside the date fields and keeps the results', async () => {
    for (const [path, message] of [
      ['/search?q=chine&from=2023-01-01&to=2022-01-01', 'La date de fin précède la date de début.'],
      ['/search?q=chine&from=2022-02-30', 'La date de début « 2022-02-30 » n’est pas une date valide'],
      ['/search?q=chine&to=demain', 'La date de fin « demain » n’est pas une date valide'],
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('id="erreur-dates"');
      expect(page.body).toContain(message);
      expect(page.body).toContain('class="resultat"');
      expect(page.body).not.toMatch(/Paramètre « \w+ »/);
    }
  });

  it('a page past the end says so and links to the last page', async () => {
    const page = await get('/search?q=chine&page=40');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/La page 40 n’existe pas : cette recherche tient en 1 page\./);
    expect(page.body).toContain('href="/search?q=chine"');
  });

  it('escapes the query everywhere', async () => {
    const page = await get('/search?q=' + encodeURIComponent('<img src=x onerror=alert(1)>"\''));
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the suggestion and active filters when nothing matches', async () => {
    const page = await get('/search?q=kazakstn&org=OTAN');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Aucun article ne correspond');
    expect(page.body).toContain('Tout effacer');
    const typo = await get('/search?q=zzqxw');
    expect(typo.body).toContain('Aucun article ne correspond à « zzqxw »');
  });

  it('says so when the results hold only some of the words, and offers a correction', async () => {
    const page = await get('/search?q=' + encodeURIComponent('Tachkint Lavrov zzqxw'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Aucun article ne contient tous les termes de « Tachkint Lavrov zzqxw »');
    expect(page.body).toContain('2 termes sur 3');
    expect(page.body).toContain('Vouliez-vous dire');
    expect(page.body).toMatch(/Vouliez-vous dire <a [^>]*>« Tachkent Lavrov zzqxw »<\/a>/);
    // A query that every hit matches whole says nothing of the kind.
    expect((await get('/search?q=Lavrov')).body).not.toContain('Aucun article ne contient tous les termes');
  });
});

describe('document page over HTTP', () => {
  it('shows the article with the query highlighted and a way back', async () => {
    const home = await get('/search?q=s%C3%A9curit%C3%A9');
    const href = /href="(\/doc\/[^"]+)"/.exec(home.body)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBeTruthy();
    const doc = await get(href!);
    expect(doc.status).toBe(200);
    expect(doc.body).toContain('<mark>');
    expect(doc.body).toMatch(/Retour aux résultats/);
    expect(doc.body).toContain('href="/search?q=s%C3%A9curit%C3%A9"');
    expect(doc.body).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">\d+(er)? \p{L}+ \d{4}<\/time>/u);
  });

  it('answers 404 in French for an unknown article or page', async () => {
    const doc = await get('/doc/inconnu');
    expect(doc.status).toBe(404);
    expect(doc.body).toContain('Article introuvable');
    expect(doc.body).toContain('<html lang="fr">');
    const other = await get('/nulle-part');
    expect(other.status).toBe(404);
    expect(other.body).toContain('Page introuvable');
  });
});

describe('feeds', () => {
  it('serves an Atom feed of a query, newest first', async () => {
    const feed = await get('/search.atom?q=chine');
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/application\/atom\+xml/);
    expect(feed.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.body.trim().endsWith('</feed>')).toBe(true);
    const updated = [...feed.body.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(updated.length).toBeGreaterThan(0);
    expect([...updated].sort().reverse()).toEqual(updated);
    // The summaries carry escaped HTML: no raw tag inside the XML.
    expect(feed.body).not.toMatch(/<summary type="html">[^<]*<mark>/);
    expect(feed.body).toMatch(/<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/doc\//);
    // Well-formed enough: every entry opened is closed.
    expect(feed.body.match(/<entry>/g)?.length).toBe(feed.body.match(/<\/entry>/g)?.length);
    expect(feed.body).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)/);
  });

  it('serves an OpenSearch description', async () => {
    const os = await get('/opensearch.xml');
    expect(os.status).toBe(200);
    expect(os.type).toMatch(/application\/opensearchdescription\+xml/);
    expect(os.body).toContain('<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">');
    expect(os.body).toMatch(/template="http:\/\/[^"]+\/search\?q=\{searchTerms\}"/);
    expect(os.body).toContain('<ShortName>Dépêches</ShortName>');
  });
});
