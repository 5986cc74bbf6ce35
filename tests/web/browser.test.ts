import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startSampleServer } from './server.js';

const SCREENSHOTS = path.resolve('tests', 'screenshots');

let url: string;
let stop: () => Promise<void>;
let browser: Browser;
/** Every URL any page asked for, and every console error or page error, across all tests. */
const requested: string[] = [];
const problems: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ url, stop } = await startSampleServer());
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await stop?.();
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  contexts.push(context);
  context.on('request', (r) => requested.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()} (${m.location().url} on ${page.url()})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

/** Resolves when the results region shows the given query. */
async function waitForQuery(page: Page, q: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('etat')?.dataset.q === expected, q, { timeout: 30_000 });
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#contenu .lien-resultat').allTextContents();
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return el.scrollWidth <= el.clientWidth;
  });
}

describe('search in a real browser', { timeout: 60_000 }, () => {
  it('live search: typing shows results without a reload and updates the URL', async () => {
    const page = await newPage();
    await page.goto(url + '/');
    await page.evaluate(() => ((window as unknown as { sentinel: boolean }).sentinel = true));
    await page.locator('#q').pressSequentially('sécurité', { delay: 40 });
    await waitForQuery(page, 'sécurité');
    await expect.poll(() => page.url()).toContain('q=s%C3%A9curit%C3%A9');
    expect(await page.evaluate(() => (window as unknown as { sentinel?: boolean }).sentinel)).toBe(true);
    expect(await page.locator('#titre-resultats').textContent()).toMatch(/^\d+ résultats? en [\d,]+ ms/);
    expect(await page.locator('#contenu mark').count()).toBeGreaterThan(0);
    expect(await page.title()).toContain('sécurité');
    // One history entry for the whole typed word: Back goes home.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.locator('#q').inputValue()).toBe('');
    // Enter still works, and pushes the settled query.
    await page.locator('#q').fill('Lavrov');
    await page.locator('#q').press('Enter');
    await waitForQuery(page, 'Lavrov');
    expect(page.url()).toContain('q=Lavrov');
  });

  it('live search asks on every keystroke, and a slow answer to an older query never replaces a newer one', async () => {
    const page = await newPage();
    const asked: string[] = [];
    // The answer for "rus" is held back until the full word has been answered.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/search\?/, async (route) => {
      const q = new URL(route.request().url()).searchParams.get('q') ?? '';
      asked.push(q);
      if (q === 'rus') await held;
      await route.continue().catch(() => {});
    });
    await page.goto(url + '/');
    await page.locator('#q').pressSequentially('russie', { delay: 80 });
    await waitForQuery(page, 'russie');
    release();
    // Give the held answer every chance to arrive and be (wrongly) swapped in.
    await page.waitForTimeout(1000);
    expect(await page.locator('#etat').getAttribute('data-q')).toBe('russie');
    expect(await page.locator('#q').inputValue()).toBe('russie');
    // No pause is waited for: each keystroke asked (the first letters included).
    for (const prefix of ['r', 'ru', 'rus', 'russ', 'russi', 'russie']) expect(asked).toContain(prefix);
    await page.unroute(/\/search\?/);
  });

  it('facets: clicking a speaker filters, shows a chip, and Back restores', async () => {
    const page = await newPage();
    await page.goto(url + '/search?q=chine');
    const before = await resultTitles(page);
    const value = page.locator('a.valeur[data-facette="speaker"]').first();
    const name = (await value.locator('.valeur-nom').textContent())!.trim();
    await value.click();
    await expect.poll(() => page.url()).toContain('speaker=');
    await page.locator('.puce-active').first().waitFor();
    expect(await page.locator('.puce-active').first().textContent()).toContain(name);
    const after = await resultTitles(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(before.length);
    for (const hitSpeakers of await page.locator('#contenu .resultat').all()) {
      expect(await hitSpeakers.locator('.puce-personne').allTextContents()).toContainEqual(expect.stringContaining(name));
    }
    // caret 'initial': hiding the caret leaves style="" on inputs, which htmx copies to the swapped-in ones (a CSP report).
    await page;

    // A chip on a result adds an organisation filter too.
    const org = page.locator('#contenu .resultat .puce-organisation').first();
    await org.click();
    await expect.poll(() => page.url()).toContain('org=');
    await expect.poll(() => page.locator('.puce-active').count()).toBe(2);

    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('org=');
    await expect.poll(() => page.locator('.puce-active').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('speaker=');
    await expect.poll(() => page.locator('.puce-active').count()).toBe(0);
    expect(await resultTitles(page)).toEqual(before);
    await page.goForward();
    await expect.poll(() => page.locator('.puce-active').count()).toBe(1);
  });

  it('the date histogram filters by year, and "tout effacer" drops the filters', async () => {
    const page = await newPage();
    await page.goto(url + '/');
    const bar = page.locator('.histogramme a.barre').first();
    await bar.click();
    await expect.poll(() => page.url()).toMatch(/from=\d{4}-01-01&to=\d{4}-12-31/);
    await page.locator('.histogramme-mois').waitFor();
    await page.locator('.tout-effacer').click();
    await expect.poll(() => page.url()).not.toContain('from=');
  });

  it('a bookmarked URL reproduces the same results in a fresh page', async () => {
    const page = await newPage();
    await page.goto(url + '/');
    await page.locator('#q').pressSequentially('russie', { delay: 30 });
    await waitForQuery(page, 'russie');
    await page.locator('.tri a', { hasText: 'plus anciens' }).click();
    await expect.poll(() => page.url()).toContain('sort=date-asc');
    const bookmarked = page.url();
    const titles = await resultTitles(page);
    const fresh = await newPage();
    await fresh.goto(bookmarked);
    expect(await resultTitles(fresh)).toEqual(titles);
    expect(await fresh.locator('#q').inputValue()).toBe('russie');
  });

  it('works with JavaScript disabled: the form searches with a plain GET', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(url + '/');
    await page.locator('#q').fill('Kazakhstan');
    await Promise.all([page.waitForURL(/\/search\?q=Kazakhstan/), page.locator('#q').press('Enter')]);
    expect(await page.locator('#contenu .resultat').count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/speaker=/), page.locator('a.valeur[data-facette="speaker"]').first().click()]);
    await expect.poll(() => page.locator('.puce-active').count()).toBe(1);
    // The search form carries the filter along when the query changes.
    await page.locator('#q').fill('Lavrov');
    await Promise.all([page.waitForURL(/q=Lavrov/), page.locator('#q').press('Enter')]);
    expect(page.url()).toContain('speaker=');
  });

  it('the article page highlights the query and links back', async () => {
    const page = await newPage();
    await page.goto(url + '/search?q=s%C3%A9curit%C3%A9');
    await Promise.all([page.waitForURL(/\/doc\//), page.locator('.lien-resultat').first().click()]);
    expect(await page.locator('.article-texte mark').count()).toBeGreaterThan(0);
    expect((await page.locator('.article-texte mark').first().textContent())!.toLowerCase()).toContain('sécurité');
    expect(await page.locator('.article-texte p').count()).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article.png'), fullPage: true, caret: 'initial' });
    await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('.retour a').click()]);
    expect(await page.locator('#q').inputValue()).toBe('sécurité');
  });

  it('an XSS query shows as text and runs nothing', async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const xss = '<img src=x onerror=alert(1)>';
    await page.goto(url + '/');
    await page.locator('#q').fill(xss);
    await waitForQuery(page, xss);
    await page.goto(url + '/search?q=' + encodeURIComponent(xss));
    await page.goto(url + '/doc/000_f3dc22192a66a48d?q=' + encodeURIComponent(xss));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.retour').textContent()).toContain(xss);
  });

  it('keyboard: "/" focuses the box, arrows move through the results', async () => {
    const page = await newPage();
    await page.goto(url + '/search?q=chine');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('lien-resultat'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.textContent);
    expect(second).toBe((await resultTitles(page))[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });

  it('fits a phone screen (375 px) without horizontal scrolling', async () => {
    const page = await newPage({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    for (const address of ['/', '/search?q=chine&speaker=Wang+Yi&from=2022-01-01&to=2022-12-31', '/doc/004_5c2e808d7d0e501c?q=chine']) {
      await page.goto(url + address);
      expect(await noHorizontalScroll(page), address).toBe(true);
    }
    await page.goto(url + '/');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'accueil-telephone.png'), fullPage: false, caret: 'initial' });
  });

  it('home page screenshot (desktop)', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url + '/');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'accueil.png'), fullPage: true, caret: 'initial' });
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it('no request leaves the server, and the console stays clean (no CSP violation)', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((r) => !r.startsWith(url + '/'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
