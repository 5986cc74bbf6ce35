import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument, extractSource, readCorpus } from '../../src/ingest/index.js';
import { chooseDate } from '../../src/ingest/dates/extract-date.js';
import { headlineFromSlug } from '../../src/ingest/text/slug-headline.js';
import { titleFromParagraphs } from '../../src/ingest/title.js';
import { describeCost, doublingCost } from '../helpers/linear-time.js';

/**
 * Hostile input (issue 17): chrome cleaning, dates and titles must cost
 * time in proportion to the text. Each adversarial text is built at a size
 * n where one run takes tens of milliseconds, then at 2n; a linear scan
 * takes about twice as long, a quadratic one four times. The assertion is
 * on the ratio of CPU times (the least of several runs, so that a loaded
 * machine only adds noise), never on a duration.
 */

const URL = 'https://www.example.org/monde/2019/01/12/un-titre-de-depeche-assez-long';

function extract(text: string): void {
  const doc = cleanDocument(text);
  chooseDate(doc, URL);
  chooseDate(doc, null);
  titleFromParagraphs(doc.paragraphs);
  headlineFromSlug(URL, text);
  extractSource(text);
}

const ADVERSARIAL: [string, (repeats: number) => string][] = [
  ['hard-wrapped lowercase lines', (r) => 'une ligne coupée sans fin de phrase et qui continue\n'.repeat(r)],
  ['many dates', (r) => 'le 12 janvier 2019, le 3 mars 2018, le 17 novembre et le 02/03/2019, '.repeat(r)],
  ['many "Lire aussi"', (r) => 'Lire aussi : un autre titre\nLIRE AUSSI: Macron et la difficile équation des gilets jaunes Environ 27 000 manifestants. '.repeat(r)],
  ['long tweet-like lines', (r) => 'Les #GiletsJaunes partout ce #1erDecembre pic.twitter.com/mWt0onN593— En Cause (@EnCausee) 1 décembre 2018 '.repeat(r)],
  ['tweet signatures without tweets', (r) => '— Nom (@nom) January 7, 2019 '.repeat(r)],
  ['one tweet link after a long run of text', (r) => `${'a'.repeat(r * 40)} pic.twitter.com/mWt0onN593`],
  ['long runs of dots', (r) => '.'.repeat(r * 40)],
  ['spaced dots and glued capitals', (r) => '. . .Aa.Bb '.repeat(r * 4)],
  ['glued quotations', (r) => '«Pipi de chat»Pour la suite. '.repeat(r)],
  ['unclosed scripts', (r) => 'googletag.cmd.push(((( '.repeat(r)],
  ['player scripts with captions', (r) => "Vidéo - Un titre de vidéo $('#id1').mouseover(function() { $('#id2').css( 'display', 'block' ); }); ".repeat(r)],
  ['posts whose copies come later', (r) => 'Un message assez long pour être cherché ensuite.— Nom (@nom) 3 mai 2018 Un autre texte. '.repeat(r)],
  ['photo credits', (r) => 'Photo : Jean Dupont Agence France-Presse '.repeat(r)],
  ['subscription words', (r) => 'Inscrivez-vous '.repeat(r)],
];

describe('chrome cleaning, dates and titles are linear in the size of the text', () => {
  it.each(ADVERSARIAL)('%s: doubling the text at most doubles the work (t(2n)/t(n) < 3)', (_label, make) => {
    // from 250 repeats, doubled until one run takes 25 ms of CPU
    const cost = doublingCost(extract, make, { startSize: 250, floorMs: 25, maxSize: 256_000 });
    expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
  }, 120_000);
});

describe('a text with very many dates', () => {
  it('keeps its article and its date (no recursion or spread on the number of dates)', async () => {
    const text = `Le 12 janvier 2019, le ministre a parlé.\n${'le 3 mars 2018, '.repeat(350_000)}`;
    const dir = await mkdtemp(path.join(tmpdir(), 'depeches-dates-'));
    try {
      await writeFile(path.join(dir, 'dates.jsonl'), `${JSON.stringify({ text })}\n`);
      const result = await readCorpus(dir);
      expect(result.skipped).toEqual([]);
      expect(result.articles).toHaveLength(1);
      expect(result.articles[0].date).toBe('2019-01-12');
      expect(result.articles[0].text.length).toBeGreaterThan(350_000 * 10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
