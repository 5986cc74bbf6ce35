import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from './browser.js';
import { noHorizontalScroll, SCREENSHOTS, startArchiveServer, unreadableTimelineText } from './archive-server.js';

/** Archives spanning 1, 10 and 80 years. */
const SPANS = [
  { years: 1, options: { articles: 300, firstYear: 2021, lastYear: 2021 }, heading: 'Articles par mois en 2021', bars: 12 },
  { years: 10, options: { articles: 400, firstYear: 2010, lastYear: 2019 }, heading: 'Articles par année', bars: 10 },
  { years: 80, options: { articles: 1200, firstYear: 1944, lastYear: 2024 }, heading: 'Articles par décennie', bars: 9 },
];

const session = new BrowserSession();
const servers: { url: string; stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  await session.launch();
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const span of SPANS) servers.push(await startArchiveServer(span.options));
}, 180_000);

afterAll(async () => {
  await session.close();
  for (const s of servers) await s.stop();
});

describe('the timeline reads over 1 to 80 years', { timeout: 90_000 }, () => {
  SPANS.forEach((span, i) => {
    for (const width of [1280, 375]) {
      it(`${span.years} year(s) at ${width} px: one bar per period, every label and count whole`, async () => {
        const page = await session.page({ viewport: { width, height: 900 } });
        await page.goto(servers[i].url + '/');
        if (width === 375) await page.locator('[data-filtrer]').click();
        const frise = page.locator('[data-frise]');
        await frise.waitFor();
        expect(await page.locator('#titre-frise').textContent()).toBe(span.heading);
        expect(await frise.locator('a.barre').count()).toBe(span.bars);
        expect(await unreadableTimelineText(page)).toEqual([]);
        expect(await noHorizontalScroll(page)).toBe(true);
        // Counts add up to the dated articles, written whole ("1 200", never "1 / 200").
        const counts = (await frise.locator('.barre-nombre').allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(span.options.articles);
        await page.locator('.facette:has(#titre-frise)').screenshot({ path: path.join(SCREENSHOTS, `frise-${span.years}-an${span.years > 1 ? 's' : ''}-${width}.png`), caret: 'initial' });
      });
    }
  });

  it('80 years: a decade drills down to its years, a year to its months, a month to its days, and back up', async () => {
    const page = await session.page();
    await page.goto(servers[2].url + '/');
    await page.locator('[data-frise] a.barre', { hasText: '1950–1959' }).click();
    await expect.poll(() => page.url()).toContain('from=1950-01-01&to=1959-12-31');
    await expect.poll(() => page.locator('#titre-frise').textContent()).toBe('Articles par année');
    expect(await page.locator('[data-frise] .barre-etiquette').allInnerTexts()).toEqual(Array.from({ length: 10 }, (_, k) => String(1950 + k)));
    await page.locator('[data-frise] a.barre', { hasText: '1957' }).click();
    await expect.poll(() => page.locator('#titre-frise').textContent()).toBe('Articles par mois en 1957');
    const months = await page.locator('[data-frise] .barre-etiquette').allInnerTexts();
    expect(months).toEqual(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']);
    expect(await unreadableTimelineText(page)).toEqual([]);
    // A month drills down to its days, whose counts add up to the month's.
    const march = page.locator('[data-frise] a.barre', { hasText: 'mars' });
    const marchCount = Number((await march.locator('.barre-nombre').innerText()).replace(/\D/g, ''));
    await march.click();
    await expect.poll(() => page.locator('#titre-frise').textContent()).toBe('Articles par jour en mars 1957');
    const days = await page.locator('[data-frise] .barre-etiquette').allInnerTexts();
    expect(days.length).toBe(31);
    expect([days[0], days[1], days[30]]).toEqual(['1er mars', '2 mars', '31 mars']);
    const dayCounts = (await page.locator('[data-frise] .barre-nombre').allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
    expect(dayCounts.reduce((a, b) => a + b, 0)).toBe(marchCount);
    expect(await unreadableTimelineText(page)).toEqual([]);
    await page.locator('.frise-haut a').click();
    await expect.poll(() => page.locator('#titre-frise').textContent()).toBe('Articles par mois en 1957');
    // Focus stayed on the timeline, not 85 tab stops away.
    // Focus is restored once the swap has settled, which can come a moment after the new title.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.facette')?.contains(document.getElementById('titre-frise')) === true)).toBe(true);
    await page.locator('.frise-haut a').click();
    await expect.poll(() => page.url()).toContain('from=1950-01-01&to=1959-12-31');
    await expect.poll(() => page.locator('#titre-frise').textContent()).toBe('Articles par année');
  });

  it('dragging across bars chooses the range they span', async () => {
    const page = await session.page();
    await page.goto(servers[1].url + '/');
    const from = page.locator('[data-frise] a.barre', { hasText: '2012' });
    const to = page.locator('[data-frise] a.barre', { hasText: '2015' });
    await page.locator('[data-frise]').scrollIntoViewIfNeeded();
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2, (a.y + b.y) / 2 + a.height / 2, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.url()).toContain('from=2012-01-01&to=2015-12-31');
    await expect.poll(() => page.locator('.puce-active').first().textContent()).toContain('du 1er janvier 2012 au 31 décembre 2015');
    // Without JavaScript every bar is still a link.
    const plain = await session.page({ javaScriptEnabled: false });
    await plain.goto(servers[1].url + '/');
    await Promise.all([plain.waitForURL(/from=2013-01-01&to=2013-12-31/), plain.locator('[data-frise] a.barre', { hasText: '2013' }).click()]);
    expect(await plain.locator('#titre-frise').textContent()).toBe('Articles par mois en 2013');
  });

  it('the console stayed clean', () => {
    expect(session.problems).toEqual([]);
  });
});
