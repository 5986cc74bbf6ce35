import type { Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startSampleServer } from './server.js';

let url: string;
let stop: () => Promise<void>;
let browser: Browser;

beforeAll(async () => {
  ({ url, stop } = await startSampleServer());
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
});

describe('export in a real browser', { timeout: 60_000 }, () => {
  it('downloads the filtered result set as CSV and JSON Lines, files that parse back to the hits of the page', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url + '/search?q=chine&speaker=Wang+Yi&per_page=50');
    const shown = await page.locator('#contenu .lien-resultat').evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname.replace('/doc/', ''))));
    expect(shown.length).toBeGreaterThan(0);
    expect(await page.locator('.export').textContent()).toMatch(/Exporter (les \d+ résultats|le résultat)/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.export a', { hasText: 'CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^depeches-chine-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await csv.path())!, 'utf8')).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,title,date,source,url,speakers,organisations,snippet');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(shown);

    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.locator('.export a', { hasText: 'JSON Lines' }).click()]);
    const rows = (await readFile((await jsonl.path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; speakers: string[] });
    expect(rows.map((r) => r.id)).toEqual(shown);
    for (const row of rows) expect(row.speakers).toContain('Wang Yi');
    await context.close();
  });
});
