import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { startSampleServer } from './server.js';
import { startArchiveServer } from './archive-server.js';

/** axe-core's own build, run inside the page (evaluated through the DevTools protocol, so the page's CSP stays as served). */
const AXE = readFileSync(path.resolve('node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

let browser: Browser;
const contexts: BrowserContext[] = [];
const servers: { url: string; stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  servers.push(await startSampleServer());
  servers.push(await startArchiveServer());
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  for (const s of servers) await s.stop();
});

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const results = await axe.run(document, {});
    return { violations: results.violations, passes: results.passes.length };
  });
  // axe did run its rules (contrast, names, ARIA) on the page.
  expect(found.passes).toBeGreaterThan(15);
  return found.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function pageAt(width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

describe('axe-core finds no violation', { timeout: 90_000 }, () => {
  for (const width of [1280, 375]) {
    it(`home, results and article pages of the samples at ${width} px`, async () => {
      const page = await pageAt(width);
      for (const address of ['/', '/intervenant/wang-yi', '/organisation/onu', '/search?q=chine', '/search?q=chine&speaker=Wang+Yi&from=2022-01-01&to=2022-12-31&page=2', '/search?q=zzzzqqq', '/doc/004_5c2e808d7d0e501c?q=chine', '/search?q=chine&from=2023-01-01&to=2022-01-01']) {
        await page.goto(servers[0].url + address);
        expect(await violations(page), address).toEqual([]);
      }
    });
  }

  it('the generated 80-year archive: timeline, facet search, suggestions open, phone filters open', async () => {
    const page = await pageAt(1280);
    const url = servers[1].url;
    await page.goto(url + '/search?from=1950-01-01&to=1959-12-31');
    expect(await violations(page), 'years').toEqual([]);
    await page.goto(url + '/search?from=1957-01-01&to=1957-12-31');
    expect(await violations(page), 'months').toEqual([]);
    await page.goto(url + '/search?from=1957-03-01&to=1957-03-31');
    expect(await violations(page), 'days').toEqual([]);
    await page.goto(url + '/');
    await page.locator('#fq-speaker').pressSequentially('thaïs', { delay: 20 });
    await page.locator('#trouves-speaker a.valeur').first().waitFor();
    await page.locator('#q').pressSequentially('tourv', { delay: 20 });
    await page.locator('#suggestions [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await violations(page), 'facet search and suggestions').toEqual([]);
    const phone = await pageAt(375);
    await phone.goto(url + '/search?q=s%C3%A9cheresse&org=Ligue+des+Ports');
    await phone.locator('[data-filtrer]').click();
    expect(await violations(phone), 'phone filters').toEqual([]);
  });
});
