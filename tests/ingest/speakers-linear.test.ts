import { describe, expect, it } from 'vitest';
import { extractSpeakers } from '../../src/ingest/index.js';
import { describeCost, distinctWord, doublingCost, repeatTo } from '../helpers/linear-time.js';

/**
 * Speaker extraction must cost time linear in its input, whatever the input
 * (issue 17): each adversarial text is read at size n and 2n and the CPU
 * times compared. Linear gives a ratio near 2, quadratic near 4; the bound
 * is 3. No absolute time is asserted: the ratio holds on a loaded machine,
 * and the minimum of several runs filters out pauses.
 */

const ADVERSARIAL: Record<string, (size: number) => string> = {
  'a capitalised hyphenated run': (size) => 'Aa-'.repeat(size / 3),
  'capitalised words without end': (size) => 'Aa '.repeat(size / 3),
  'one endless capitalised word': (size) => 'A' + 'a'.repeat(size - 1),
  'people sharing a surname': (size) => repeatTo(size, () => 'Jean Dupont a dit oui. Marc Dupont a dit non. Dupont a ajouté. '),
  '"X, ce dernier a déclaré"': (size) => repeatTo(size, () => 'Lavrov, ce dernier a déclaré que non. '),
  'closing quotes never opened': (size) => repeatTo(size, (i) => `Oui », a dit ${distinctWord(i)} Martin, ministre. `),
  'many people given one role': (size) => repeatTo(size, (i) => `Le ministre ${distinctWord(i)} Durand a dit oui. « Non », a répliqué le ministre. `),
  'commas and appositions': (size) => repeatTo(size, (i) => `${distinctWord(i)} Petit, maire, adjoint, élu, `) + 'a déclaré.',
  'speech verbs without subjects': (size) => repeatTo(size, () => ', a déclaré, a-t-il ajouté, selon, Pour '),
};

/** Inputs whose quadratic part only shows at large sizes (a cost per pair of mentions far below a regular expression's per character). */
const START_SIZE: Record<string, number> = { 'people sharing a surname': 400_000 };

describe('extractSpeakers is linear in its input', () => {
  extractSpeakers('Warm-up: Jean Dupont a déclaré que non.', []);
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`on ${name}`, { timeout: 120_000 }, () => {
      const cost = doublingCost((text) => extractSpeakers(text, []), make, { startSize: START_SIZE[name] });
      expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
    });
  }
});
