/**
 * Keystroke-to-results time in a real Chromium: types queries into the search
 * box one key at a time and measures, for each, the time from the keydown of
 * its last key to the results region showing that query.
 *
 *     npm run bench:browser                  the sample corpus (index built in a temp folder)
 *     npm run bench:browser -- --index DIR   a saved index
 *
 * A benchmark, not a test: it prints figures and asserts nothing about them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexCorpus } from '../src/index/index.js';
import { startServer } from '../src/web/server.js';
import { launchBrowser } from '../tests/web/browser.js';

const { values } = parseArgs({ options: { index: { type: 'string' }, delay: { type: 'string', default: '60' } } });
const SAMPLE_QUERIES = ['chine', 'russie', 'sécurité', 'Wang Yi', 'Kazakhstan', 'relations bilatérales', 'ONU', 'téléphone'];

const temporary = values.index ? null : await mkdtemp(path.join(tmpdir(), 'depeches-browser-bench-'));
if (temporary) await indexCorpus(path.resolve('corpus'), temporary);
const server = await startServer({ indexDir: values.index ?? temporary!, port: 0, watchIndex: false });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await page.goto(server.url + '/');
  await page.evaluate(() => {
    const w = window as unknown as { lastKeydown: number; swaps: { q: string; at: number }[] };
    w.swaps = [];
    document.addEventListener('keydown', () => (w.lastKeydown = performance.now()), true);
    // The results region is updated when its content is replaced: watch the DOM, not htmx's events.
    new MutationObserver(() => w.swaps.push({ q: document.getElementById('etat')?.dataset.q ?? '', at: performance.now() })).observe(document.getElementById('contenu')!, { childList: true });
  });
  const times: number[] = [];
  for (const q of SAMPLE_QUERIES) {
    await page.locator('#q').fill('');
    await page.waitForTimeout(50);
    await page.locator('#q').pressSequentially(q, { delay: Number(values.delay) });
    await page.waitForFunction((expected) => (window as unknown as { swaps: { q: string }[] }).swaps.some((s) => s.q === expected), q, { timeout: 60_000 });
    times.push(
      await page.evaluate((expected) => {
        const w = window as unknown as { lastKeydown: number; swaps: { q: string; at: number }[] };
        return [...w.swaps].reverse().find((s) => s.q === expected)!.at - w.lastKeydown;
      }, q),
    );
    await page.waitForTimeout(300);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  console.log(`keystroke (keydown of the last key, ${values.delay} ms between keys) to results shown: median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${times.length} queries [${times.map((t) => t.toFixed(0)).join(', ')}]`);
} finally {
  await browser.close();
  await server.close();
  if (temporary) await rm(temporary, { recursive: true, force: true });
}
