import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/ingest/index.js';
import { describeCost, distinctWord, doublingCost, repeatTo } from '../helpers/linear-time.js';

/**
 * Quotation extraction must cost time linear in its input, whatever the input
 * (issue 17): each adversarial text is read at size n and 2n and the CPU
 * times compared. Linear gives a ratio near 2, quadratic near 4; the bound
 * is 3. No absolute time is asserted: the ratio holds on a loaded machine,
 * and the minimum of several runs filters out pauses.
 */

const ADVERSARIAL: Record<string, (size: number) => string> = {
  'guillemets opened and never closed': (size) => repeatTo(size, (i) => `« ${distinctWord(i)} Martin a dit que non, `),
  'guillemets closed and never opened': (size) => repeatTo(size, (i) => `oui », a dit ${distinctWord(i)} Martin. `),
  'one quote opened at every paragraph': (size) => repeatTo(size, (i) => `« ${distinctWord(i)} Martin a déclaré que rien ne change.\n\n`),
  'straight quotes in one endless paragraph': (size) => repeatTo(size, (i) => `"${distinctWord(i)} dit ${distinctWord(i + 1)} `),
  'quotes and attributions in a row': (size) => repeatTo(size, (i) => `« Nous resterons, a dit ${distinctWord(i)} Martin. Toujours », a-t-il ajouté, « ici ». `),
  'speech verbs with que and no end': (size) => repeatTo(size, (i) => `${distinctWord(i)} Martin a affirmé que `),
  'selon without a comma': (size) => repeatTo(size, (i) => `selon ${distinctWord(i)} Martin `),
  'nested curly quotes in guillemets': (size) => repeatTo(size, (i) => `« “ ${distinctWord(i)} ” `),
  'roles and pronouns after quotes': (size) =>
    repeatTo(size, (i) => `Le procureur de ${distinctWord(i)}, ${distinctWord(i)} Martin, a parlé. « Non », a précisé le procureur. « Oui », a-t-on appris. « Si », a-t-il ajouté. `),
  'incises with any verb and Pour X': (size) => repeatTo(size, (i) => `« Rien », sourit ${distinctWord(i)} Martin. Pour ${distinctWord(i + 1)} Martin, « tout va bien ». Qui voit « une chance » `),
  'partial quotes in long sentences': (size) => repeatTo(size, (i) => `${distinctWord(i)} Martin, l'une des élues, a appelé à « une trêve » et `),
};

describe('extractQuotes is linear in its input', () => {
  extractQuotes('Warm-up: « Non », a déclaré Jean Dupont.');
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`on ${name}`, { timeout: 120_000 }, () => {
      const cost = doublingCost((text) => extractQuotes(text), make);
      expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
    });
  }
});
