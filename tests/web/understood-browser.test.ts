import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from './browser.js';
import { startSampleServer } from './server.js';

/**
 * The "Compris :" line under the box in a real Chromium: each kind of part,
 * and that its undo link (an htmx link like the rest) changes the search.
 */
let url: string;
let stop: () => Promise<void>;
const session = new BrowserSession();

beforeAll(async () => {
  ({ url, stop } = await startSampleServer());
  await session.launch();
}, 60_000);

afterAll(async () => {
  await session.close();
  await stop?.();
});

async function open(query: string): Promise<Page> {
  const page = await session.page();
  await page.goto(`${url}/search?${query}`);
  return page;
}

const line = (page: Page) => page.locator('#contenu .compris').innerText();

describe('the understood line in a real browser', { timeout: 60_000 }, () => {
  it('says what was done with each word, and each undo link changes the search', async () => {
    const page = await open(`q=${encodeURIComponent('Lavrof -Kazakhstan ')}`);
    expect(await line(page)).toContain('« Lavrof » → lavrov (faute corrigée)');
    expect(await line(page)).toContain('sans « Kazakhstan »');
    await page.locator('#contenu .compris a', { hasText: 'ne plus exclure' }).click();
    await page.waitForFunction(() => document.getElementById('etat')?.dataset.q === 'Lavrof', undefined, { timeout: 30_000 });
    expect(await line(page)).not.toContain('Kazakhstan');
    await page.locator('#contenu .compris a', { hasText: 'tel quel' }).click();
    await page.waitForFunction(() => document.getElementById('etat')?.dataset.q === '"Lavrof"', undefined, { timeout: 30_000 });
    expect(await page.locator('#contenu .vide').count()).toBe(1);
  });

  it('shows phrases, NEAR, fields, elisions, the partial fill and a word no article holds', async () => {
    const cases: [string, string][] = [
      ['"Asie centrale" ', 'mots côte à côte'],
      ['coordination NEAR/5 stratégique', 'à 5 mots au plus'],
      ['speaker:Lavrov ', 'parmi les intervenants'],
      ["l'OTAN ", 'élision retirée'],
      ['sommet Tachkent Wang ', 'ensuite 1 résultat sans le mot « Tachkent »'],
      ['Lavrov zzzqxw ', '« zzzqxw » : aucun article'],
    ];
    for (const [q, expected] of cases) {
      const page = await open(`q=${encodeURIComponent(q)}`);
      expect(await line(page)).toContain(expected);
      await page.close();
    }
    // The partial fill: its own list after a line naming the word lacked, whose link searches without it.
    const partial = await open(`q=${encodeURIComponent('sommet Tachkent Wang ')}`);
    expect(await partial.locator('#contenu .partiel').allInnerTexts()).toEqual(['sans « Tachkent »']);
    expect(await partial.locator('#contenu .partiels').innerText()).toBe('Résultats sans le mot « Tachkent » · chercher sans « Tachkent »');
    expect(await partial.locator('#contenu ol.liste-resultats').evaluateAll((lists) => lists.map((l) => [l.getAttribute('start'), l.children.length]))).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
    expect(await partial.locator('#contenu h1.stats').innerText()).toMatch(/^1 résultat/);
    await partial.locator('#contenu .partiels a').click();
    await partial.waitForFunction(() => document.getElementById('etat')?.dataset.q === 'sommet Wang', undefined, { timeout: 30_000 });
    expect(await partial.locator('#contenu .partiels').count()).toBe(0);
  });

  it('names the filter that emptied the results, and its link removes it', async () => {
    const page = await open(`q=Tachkent+&speaker=${encodeURIComponent('Xi Jinping')}`);
    expect(await line(page)).toContain('0 résultat avec Intervenant : Xi Jinping — 1 sans ce filtre');
    await page.locator('#contenu .compris a', { hasText: 'retirer ce filtre' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toContain('speaker=');
    await expect.poll(() => page.locator('#contenu .lien-resultat').count(), { timeout: 30_000 }).toBe(1);
    expect(session.problems).toEqual([]);
  });
});
