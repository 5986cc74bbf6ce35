import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from './browser.js';
import { noHorizontalScroll, SCREENSHOTS, startArchiveServer } from './archive-server.js';

/** The page over a generated archive of 80 years and 400 speakers: facet search, suggestions, phone filters, errors in place. */
const session = new BrowserSession();
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  await session.launch();
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ url, stop } = await startArchiveServer());
}, 120_000);

afterAll(async () => {
  await session.close();
  await stop?.();
});

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return { id: el?.id ?? '', valeur: el?.dataset.valeur ?? null, facette: el?.dataset.facette ?? null };
});

describe('the page at archive scale', { timeout: 90_000 }, () => {
  it('a facet search reaches a speaker outside the top 100 as one types, and focus stays on the value picked', async () => {
    const page = await session.page();
    await page.goto(url + '/');
    // The box lists the most frequent speakers (10, then "voir plus"): Thaïs Tourvel is not among them.
    expect(await page.locator('a.valeur[data-facette="speaker"][data-valeur="Thaïs Tourvel"]').count()).toBe(0);
    await page.locator('#fq-speaker').pressSequentially('thaïs tou', { delay: 30 });
    const found = page.locator('#trouves-speaker a.valeur[data-valeur="Thaïs Tourvel"]');
    await found.waitFor();
    expect(await page.locator('#trouves-speaker .trouves-dit').textContent()).toBe('1 intervenant trouvé');
    const count = Number(await found.locator('.nombre').textContent());
    expect(count).toBeGreaterThan(0);
    // Typing there never moved focus, nor touched the URL.
    expect((await focused(page)).id).toBe('fq-speaker');
    expect(new URL(page.url()).search).toBe('');
    await page.locator('.facette:has(#fq-speaker)').screenshot({ path: path.join(SCREENSHOTS, 'recherche-facette.png'), caret: 'initial' });
    await found.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('speaker=Tha%C3%AFs+Tourvel');
    await expect.poll(() => page.locator('#titre-resultats').textContent()).toMatch(new RegExp(`^${count} résultats?`));
    // The selected value stays visible in the box, and has the focus: the reader is where they were.
    await expect.poll(async () => (await focused(page)).valeur).toBe('Thaïs Tourvel');
    expect(await page.locator('#facettes a.valeur.choisie[data-valeur="Thaïs Tourvel"]').isVisible()).toBe(true);
    expect(await page.locator('.puce-active').first().textContent()).toContain('Thaïs Tourvel');
  });

  it('a facet value clicked in the box keeps the focus on it', async () => {
    const page = await session.page();
    await page.goto(url + '/');
    const first = page.locator('#facettes a.valeur[data-facette="org"]').first();
    const name = await first.getAttribute('data-valeur');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('org=');
    await expect.poll(async () => (await focused(page)).valeur).toBe(name);
    // One Tab away from the next value, not the whole list of results.
    await page.keyboard.press('Tab');
    expect((await focused(page)).facette).toBe('org');
  });

  it('without JavaScript the facet search is a plain form', async () => {
    const page = await session.page({ javaScriptEnabled: false });
    await page.goto(url + '/search?q=s%C3%A9cheresse');
    await page.locator('#fq-speaker').fill('Tourvel');
    await Promise.all([page.waitForURL(/facette=speaker&fq=Tourvel/), page.locator('#fq-speaker').press('Enter')]);
    const values = await page.locator('#trouves-speaker a.valeur').evaluateAll((links) => links.map((a) => a.getAttribute('data-valeur')));
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v!.endsWith(' Tourvel'))).toBe(true);
    // The query is kept, and a value found is a link adding the filter.
    expect(await page.locator('#q').inputValue()).toBe('sécheresse');
    await Promise.all([page.waitForURL(/speaker=/), page.locator('#trouves-speaker a.valeur').first().click()]);
    expect(page.url()).toContain('q=s%C3%A9cheresse');
    await expect.poll(() => page.locator('.puce-active').count()).toBe(1);
  });

  it('suggestions by keyboard: a person becomes a filter, a word completes the query, Escape closes', async () => {
    const page = await session.page();
    await page.goto(url + '/');
    const q = page.locator('#q');
    await q.pressSequentially('tourv', { delay: 40 });
    const list = page.locator('#suggestions');
    // The list of the whole word typed, the one naming people (a shorter prefix's may show first).
    await list.locator('[role="option"].option-nom').first().waitFor();
    expect(await q.getAttribute('aria-expanded')).toBe('true');
    // Words first (the completion of "tourv"), then the people it names.
    const all = await list.locator('[role="option"]').evaluateAll((els) => els.map((el) => ({ text: el.textContent!, name: el.classList.contains('option-nom') })));
    const at = all.findIndex((o) => o.name);
    expect(at).toBeGreaterThanOrEqual(0);
    const first = all[at].text;
    expect(first).toMatch(/^\S+ Tourvel · intervenant · \d+$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'suggestions.png'), clip: { x: 0, y: 0, width: 1280, height: 420 }, caret: 'initial' });
    for (let k = 0; k <= at; k++) await page.keyboard.press('ArrowDown');
    expect(await q.getAttribute('aria-activedescendant')).toBe(`suggestion-${at}`);
    expect(await list.locator(`#suggestion-${at}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const person = first.split(' · ')[0];
    await expect.poll(() => page.locator('.puce-active').first().textContent()).toContain(person);
    expect(page.url()).toContain('speaker=');
    expect(await q.inputValue()).toBe('');
    expect(await list.isHidden()).toBe(true);

    // A word: its completion replaces the word being typed, and the results follow.
    await q.focus();
    await q.pressSequentially('séch', { delay: 40 });
    await list.locator('[role="option"]', { hasText: 'sécheresse' }).first().waitFor();
    const options = await list.locator('[role="option"]').allTextContents();
    for (let k = 0; k <= options.indexOf('sécheresse'); k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#etat').getAttribute('data-q')).toBe('sécheresse');
    expect(await q.inputValue()).toBe('sécheresse');
    expect(page.url()).toContain('speaker=');

    // Escape closes; typing goes on whatever the list does.
    await q.pressSequentially(' hort', { delay: 40 });
    await list.locator('[role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await q.getAttribute('aria-expanded')).toBe('false');
    expect(await q.inputValue()).toBe('sécheresse hort');
  });

  it('on a phone, "Filtrer" at the top opens the facets, and the active filters show at the top', async () => {
    const page = await session.page({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(url + '/search?q=s%C3%A9cheresse&org=Ligue+des+Ports');
    const control = page.locator('[data-filtrer]');
    expect(await control.isVisible()).toBe(true);
    expect((await control.boundingBox())!.y).toBeLessThan(250);
    expect(await page.locator('#facettes').isHidden()).toBe(true);
    const chip = page.locator('.puce-active').first();
    expect((await chip.boundingBox())!.y).toBeLessThan(400);
    await control.tap();
    await page.locator('#facettes').waitFor();
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    // The facets open at the top, above the results.
    expect((await page.locator('#facettes').boundingBox())!.y).toBeLessThan((await page.locator('.liste-resultats').boundingBox())!.y);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'filtres-telephone.png'), caret: 'initial' });
    // A value picked there keeps the panel open.
    await page.locator('#facettes a.valeur[data-facette="speaker"]').first().tap();
    await expect.poll(() => page.url()).toContain('speaker=');
    await expect.poll(() => page.locator('#facettes').isVisible()).toBe(true);
    // Without JavaScript the control is a link down to the facets.
    const plain = await session.page({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await plain.goto(url + '/search?q=s%C3%A9cheresse');
    expect(await plain.locator('[data-filtrer]').getAttribute('href')).toBe('#titre-facettes');
    expect(await plain.locator('#facettes').isVisible()).toBe(true);
  });

  it('errors in place: a reversed range is said beside the date fields and the results stay; a page past the end links to the last', async () => {
    const page = await session.page();
    await page.goto(url + '/search?q=s%C3%A9cheresse');
    const count = async () => (await page.locator('#titre-resultats').textContent())!.replace(/ en .*/, '');
    const before = await count();
    await page.locator('.periode input[name="from"]').fill('2001-05-01');
    await page.locator('.periode input[name="to"]').fill('1999-05-01');
    await page.locator('.periode button').click();
    const error = page.locator('#erreur-dates');
    await error.waitFor();
    expect(await error.textContent()).toBe('La date de fin précède la date de début.');
    expect(await page.locator('.periode input[name="to"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.periode input[name="to"]').inputValue()).toBe('1999-05-01');
    expect(await count()).toBe(before);
    expect(await page.locator('#contenu .resultat').count()).toBeGreaterThan(0);
    expect(await page.locator('#q').inputValue()).toBe('sécheresse');
    expect(await page.content()).not.toContain('Paramètre « to »');

    await page.goto(url + '/search?q=s%C3%A9cheresse&page=900');
    expect(await page.locator('.vide-titre').textContent()).toMatch(/^La page 900 n’existe pas : cette recherche tient en \d+ pages\.$/);
    await page.locator('.vide a').click();
    await expect.poll(() => page.locator('#contenu .resultat').count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/page=\d+/);
    // Other errors keep the search box and the query.
    await page.goto(url + '/search?q=s%C3%A9cheresse&sort=hasard');
    expect(await page.locator('#q').inputValue()).toBe('sécheresse');
  });

  it('the console stayed clean', () => {
    // But for the 400 asked for on purpose above.
    expect(session.problems.filter((p) => !p.includes('status of 400') || !p.includes('sort=hasard'))).toEqual([]);
  });
});
