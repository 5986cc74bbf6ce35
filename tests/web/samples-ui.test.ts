import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from './browser.js';
import { startSampleServer } from './server.js';
import { noHorizontalScroll, unreadableTimelineText } from './archive-server.js';

/** The archive-scale features on the sample corpus (5 real articles over 2021-2023). */
const session = new BrowserSession();
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  await session.launch();
  ({ url, stop } = await startSampleServer());
}, 60_000);

afterAll(async () => {
  await session.close();
  await stop?.();
});

describe('archive-scale features on the samples', { timeout: 60_000 }, () => {
  it('the timeline reads at 1280 and 375 px and drills down to months', async () => {
    for (const width of [1280, 375]) {
      const page = await session.page({ viewport: { width, height: 800 } });
      await page.goto(url + '/');
      if (width === 375) await page.locator('[data-filtrer]').click();
      expect(await page.locator('#titre-frise').textContent()).toBe('Articles par année');
      expect(await unreadableTimelineText(page)).toEqual([]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.locator('[data-frise] a.barre').first().click();
      await expect.poll(() => page.locator('#titre-frise').textContent()).toMatch(/^Articles par mois en \d{4}$/);
      expect(await unreadableTimelineText(page)).toEqual([]);
    }
  });

  it('suggestions: "lavr" offers Sergueï Lavrov, and Enter applies him as a filter', async () => {
    const page = await session.page();
    await page.goto(url + '/');
    await page.locator('#q').pressSequentially('lavr', { delay: 40 });
    const person = page.locator('#suggestions .option-nom', { hasText: 'Sergueï Lavrov' });
    await person.waitFor();
    expect(await person.textContent()).toMatch(/^Sergueï Lavrov · intervenant · \d+$/);
    const index = Number((await person.getAttribute('id'))!.replace('suggestion-', ''));
    for (let k = 0; k <= index; k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('speaker=Sergue%C3%AF+Lavrov');
    await expect.poll(() => page.locator('.puce-active').first().textContent()).toContain('Sergueï Lavrov');
  });

  it('facet search finds an organisation as one types; a reversed date range is said in place', async () => {
    const page = await session.page();
    await page.goto(url + '/search?q=kazakhstan');
    await page.locator('#fq-org').pressSequentially('otsc', { delay: 40 });
    await page.locator('#trouves-org a.valeur[data-valeur="OTSC"]').waitFor();
    await page.locator('.periode input[name="from"]').fill('2023-01-01');
    await page.locator('.periode input[name="to"]').fill('2022-01-01');
    await page.locator('.periode button').click();
    await page.locator('#erreur-dates').waitFor();
    expect(await page.locator('#erreur-dates').textContent()).toBe('La date de fin précède la date de début.');
    expect(await page.locator('#contenu .resultat').count()).toBeGreaterThan(0);
  });

  it('the console stayed clean', () => {
    expect(session.problems).toEqual([]);
  });
});
