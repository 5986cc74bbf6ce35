import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { writeStoryCorpus } from '../helpers/story-corpus.js';
import { BrowserSession } from './browser.js';
import { startSampleServer } from './server.js';
import { SCREENSHOTS } from './archive-server.js';

const session = new BrowserSession();
let sample: { url: string; stop: () => Promise<void> };
let stories: RunningServer;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-stories-web-'));
  await writeStoryCorpus(path.join(work, 'corpus'));
  await indexCorpus(path.join(work, 'corpus'), path.join(work, 'index'), { threads: 0 });
  stories = await startServer({ indexDir: path.join(work, 'index'), port: 0, watchIndex: false });
  sample = await startSampleServer();
  await session.launch();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await session.close();
  await stories?.close();
  await sample?.stop();
  await rm(work, { recursive: true, force: true });
});

const newPage = () => session.page({ viewport: { width: 1200, height: 1000 } });

describe('same story and entity pages in a real browser', { timeout: 90_000 }, () => {
  it('shows each story once with its other sources, lists one story, and every version on demand', async () => {
    const page = await newPage();
    await page.goto(`${stories.url}/`);
    await expect.poll(() => page.locator('#titre-resultats').textContent()).toMatch(/^5 dépêches \(8 articles\)/);
    const port = page.locator('.resultat', { hasText: 'Les dockers de Valmorin en grève' });
    await expect.poll(() => port.locator('.aussi').textContent()).toMatch(/Aussi publié par : (La Presse, Tribune de Genève|Tribune de Genève, La Presse)/);
    expect(await page.locator('.lien-resultat').count()).toBe(5);
    // The export writes every version, as its link says.
    await expect.poll(() => page.locator('.export').textContent()).toContain('Exporter les 8 résultats');
    const exported = await (await fetch(`${stories.url}/api/export?format=jsonl`)).text();
    expect(exported.trim().split('\n')).toHaveLength(8);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'same-story-grouped.png'), fullPage: true, caret: 'initial' });

    await port.getByRole('link', { name: 'voir les 3 versions' }).click();
    await page.waitForURL(/story=matin-port/);
    await expect.poll(() => page.locator('.lien-resultat').count()).toBe(3);
    await expect.poll(() => page.locator('.versions').textContent()).toContain('Toutes les versions d’un même sujet');

    await page.goto(`${stories.url}/`);
    await page.getByRole('link', { name: /Afficher toutes les versions \(8\)/ }).click();
    await page.waitForURL(/versions=all/);
    await expect.poll(() => page.locator('.lien-resultat').count()).toBe(8);
    await expect.poll(() => page.locator('.versions a').textContent()).toBe('Regrouper les reprises');
    // A new query keeps every version.
    await page.fill('#q', 'dockers');
    await page.press('#q', 'Enter');
    await expect.poll(() => page.url()).toMatch(/q=dockers/);
    await expect.poll(() => page.locator('.lien-resultat').count()).toBe(3);
    expect(session.problems).toEqual([]);
  });

  it('goes from a result chip to a person page, then to an organisation named beside', async () => {
    const page = await newPage();
    await page.goto(`${sample.url}/search?q=chine`);
    const fiche = page.locator('a.puce-fiche[href^="/intervenant/"]').first();
    const name = (await fiche.getAttribute('title'))!.replace(/^Fiche : /, '');
    await fiche.click();
    await page.waitForURL(/\/intervenant\//);
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(await page.locator('.histogramme-fiche .barre').count()).toBeGreaterThan(0);
    expect(await page.locator('.fiche-articles li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'person-page.png'), fullPage: true, caret: 'initial' });
    const org = page.locator('#fiche-organisations + ol a.puce').first();
    if ((await org.count()) > 0) {
      const orgName = await org.textContent();
      await org.click();
      await page.waitForURL(/\/organisation\//);
      expect(await page.locator('h1').textContent()).toBe(orgName);
      // Its people include the person we came from.
      expect(await page.locator('#fiche-personnes + ol a.puce').allTextContents()).toContain(name);
    }
    // On a phone the page fits its width.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
    // Back on the search, nothing was lost.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/q=chine/);
    expect(session.problems).toEqual([]);
  });
  it('shows a person’s quotations, server-rendered, each linked to its place in its article', async () => {
    // Without JavaScript too: the section is in the page's HTML.
    const html = await (await fetch(`${sample.url}/intervenant/wang-yi`)).text();
    expect(html).toMatch(/<h2 id="fiche-citations">Dernières citations<\/h2>/);
    const page = await newPage();
    await page.goto(`${sample.url}/intervenant/wang-yi`);
    const count = Number(/(\d+)\s+citations?/.exec((await page.locator('.fiche-chiffres').textContent())!)?.[1]);
    expect(count).toBeGreaterThan(0);
    const shown = page.locator('.fiche-citations .citation');
    expect(await shown.count()).toBe(Math.min(count, 5));
    // Newest first.
    const dates = await page.locator('.fiche-citations time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'person-page-quotations.png'), fullPage: true, caret: 'initial' });
    const words = (await shown.first().locator('blockquote').textContent())!.replace(/[«»]/g, '').trim().split(/\s+/).slice(0, 4).join(' ');
    await shown.first().locator('a.lien-citation').click();
    await page.waitForURL(/\/doc\/.*#:~:text=/);
    expect((await page.locator('main').textContent())!.replace(/\s+/g, ' ')).toContain(words);
    // Every quotation: the Citations view of a cite: search.
    await page.goBack();
    await page.getByRole('link', { name: /Toutes ses citations/ }).click();
    await page.waitForURL(/vue=citations/);
    expect(await page.locator('.liste-citations .citation').count()).toBeGreaterThan(0);
    expect(await page.locator('.liste-citations .citation-auteur').first().textContent()).toContain('Wang Yi');
    expect(session.problems).toEqual([]);
  });
});
