/**
 * The 'Citations' view in a real Chromium, over the real server and index
 * of the invented dispatches of tests/fixtures/quotes-corpus: the switch,
 * quotations as results with their speaker, the cite: search, the state in
 * the URL, and the link to the article at the quotation's place.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { BrowserSession } from './browser.js';

let server: RunningServer;
let dir: string;
const session = new BrowserSession();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'depeches-citations-'));
  await indexCorpus(path.resolve('tests', 'fixtures', 'quotes-corpus'), dir);
  server = await startServer({ indexDir: dir, port: 0, watchIndex: false });
  await session.launch();
}, 60_000);

afterAll(async () => {
  await session.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Citations view in a real browser', { timeout: 60_000 }, () => {
  it('switches from articles to quotations, keeps the view while typing, and links each quotation to its article', async () => {
    const page = await session.page();
    await page.goto(`${server.url}/search?q=${encodeURIComponent('cite:Vasseur guerre')}`);
    await expect(page.locator('#contenu .lien-resultat').allTextContents()).resolves.toEqual(['Le port de Brest rouvrira au printemps']);

    await page.getByRole('link', { name: 'Citations', exact: true }).click();
    await page.waitForURL(/vue=citations/);
    const quotation = page.locator('.liste-citations .citation');
    await expect(quotation.count()).resolves.toBe(1);
    await expect(quotation.locator('blockquote').textContent()).resolves.toMatch(/^« La guerre froide entre les armateurs est finie »$/u);
    await expect(quotation.locator('blockquote mark').textContent()).resolves.toBe('guerre');
    await expect(quotation.locator('.puce-personne').textContent()).resolves.toBe('Aurélien Vasseur');
    await expect(page.getByRole('link', { name: 'Citations', exact: true }).getAttribute('aria-current')).resolves.toBe('page');

    // typing keeps the view: the search form carries vue=citations
    await page.fill('#q', 'cite:Kovrigina');
    await page.waitForFunction(() => document.getElementById('etat')?.dataset.q === 'cite:Kovrigina', undefined, { timeout: 30_000 });
    const speakers = await page.locator('.liste-citations .puce-personne').allTextContents();
    expect(speakers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(speakers)).toEqual(new Set(['Ludmila Kovrigina']));
    expect(page.url()).toContain('vue=citations');

    // the link opens the article at the quotation (a text fragment)
    const first = page.locator('.liste-citations .citation').first();
    const words = ((await first.locator('blockquote').textContent()) ?? '').replace(/[«»]/gu, '').trim();
    const href = await first.locator('.lien-citation').getAttribute('href');
    expect(href).toMatch(/^\/doc\/[^#]+#:~:text=/u);
    expect(decodeURIComponent(href!.split('#:~:text=')[1])).toBe(words.split(' ').slice(0, 8).join(' '));
    await first.locator('.lien-citation').click();
    await page.waitForURL(/\/doc\//u);
    await expect(page.locator('body').textContent()).resolves.toContain(words);

    // back to the article view
    await page.goto(`${server.url}/search?q=${encodeURIComponent('cite:Kovrigina')}&vue=citations`);
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await page.waitForURL((u) => !u.search.includes('vue='));
    await expect(page.locator('#contenu .lien-resultat').count()).resolves.toBe(2);
    expect(session.problems).toEqual([]);
  });
});
