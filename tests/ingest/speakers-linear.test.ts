import { describe, expect, it } from 'vitest';
import { extractSpeakers } from '../../src/ingest/index.js';

/**
 * Speaker extraction must cost time linear in its input, whatever the input
 * (issue 17): each adversarial text is read at size n and 2n and the CPU
 * times compared. Linear gives a ratio near 2, quadratic near 4; the bound
 * is 3. No absolute time is asserted: the ratio holds on a loaded machine,
 * and the minimum of several runs filters out pauses.
 */

/** A distinct capitalised word for each i: "Ba", "Ca", … "Bab". */
function word(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s += 'bcdfghjklmnprstvz'[n % 17] + 'aeiou'[n % 5];
    n = Math.floor(n / 17);
  }
  return s[0].toUpperCase() + s.slice(1);
}

function repeat(size: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = piece(i);
    parts.push(p);
    length += p.length;
  }
  return parts.join('');
}

const ADVERSARIAL: Record<string, (size: number) => string> = {
  'a capitalised hyphenated run': (size) => 'Aa-'.repeat(size / 3),
  'capitalised words without end': (size) => 'Aa '.repeat(size / 3),
  'one endless capitalised word': (size) => 'A' + 'a'.repeat(size - 1),
  'people sharing a surname': (size) => repeat(size, () => 'Jean Dupont a dit oui. Marc Dupont a dit non. Dupont a ajouté. '),
  '"X, ce dernier a déclaré"': (size) => repeat(size, () => 'Lavrov, ce dernier a déclaré que non. '),
  'closing quotes never opened': (size) => repeat(size, (i) => `Oui », a dit ${word(i)} Martin, ministre. `),
  'many people given one role': (size) => repeat(size, (i) => `Le ministre ${word(i)} Durand a dit oui. « Non », a répliqué le ministre. `),
  'commas and appositions': (size) => repeat(size, (i) => `${word(i)} Petit, maire, adjoint, élu, `) + 'a déclaré.',
  'speech verbs without subjects': (size) => repeat(size, () => ', a déclaré, a-t-il ajouté, selon, Pour '),
};

/** Inputs whose quadratic part only shows at large sizes (a cost per pair of mentions far below a regular expression's per character). */
const START_SIZE: Record<string, number> = { 'people sharing a surname': 400_000 };

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Smallest CPU time of several runs. */
function minCpuMs(text: string, runs = 4): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuMs(() => extractSpeakers(text, [])));
  return best;
}

describe('extractSpeakers is linear in its input', () => {
  extractSpeakers('Warm-up: Jean Dupont a déclaré que non.', []);
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`on ${name}`, { timeout: 120_000 }, () => {
      // grow the input until one run costs tens of milliseconds, then compare n and 2n
      let size = START_SIZE[name] ?? 20_000;
      let small = minCpuMs(make(size), 2);
      // capped so that distinct names stay fewer than the name caches hold (beyond, every look-up misses: slower, still linear)
      while (small < 30 && size < 1_000_000) {
        size *= 2;
        small = minCpuMs(make(size), 2);
      }
      small = minCpuMs(make(size));
      const large = minCpuMs(make(size * 2));
      expect(large / small, `t(2n)/t(n) at n = ${size}: ${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`).toBeLessThan(3);
    });
  }
});
