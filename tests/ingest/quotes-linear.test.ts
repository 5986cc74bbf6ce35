import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/ingest/index.js';

/**
 * Quotation extraction must cost time linear in its input, whatever the input
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
  'guillemets opened and never closed': (size) => repeat(size, (i) => `« ${word(i)} Martin a dit que non, `),
  'guillemets closed and never opened': (size) => repeat(size, (i) => `oui », a dit ${word(i)} Martin. `),
  'one quote opened at every paragraph': (size) => repeat(size, (i) => `« ${word(i)} Martin a déclaré que rien ne change.\n\n`),
  'straight quotes in one endless paragraph': (size) => repeat(size, (i) => `"${word(i)} dit ${word(i + 1)} `),
  'quotes and attributions in a row': (size) => repeat(size, (i) => `« Nous resterons, a dit ${word(i)} Martin. Toujours », a-t-il ajouté, « ici ». `),
  'speech verbs with que and no end': (size) => repeat(size, (i) => `${word(i)} Martin a affirmé que `),
  'selon without a comma': (size) => repeat(size, (i) => `selon ${word(i)} Martin `),
  'nested curly quotes in guillemets': (size) => repeat(size, (i) => `« “ ${word(i)} ” `),
};

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Smallest CPU time of several runs. */
function minCpuMs(text: string, runs = 4): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuMs(() => extractQuotes(text)));
  return best;
}

describe('extractQuotes is linear in its input', () => {
  extractQuotes('Warm-up: « Non », a déclaré Jean Dupont.');
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`on ${name}`, { timeout: 120_000 }, () => {
      // grow the input until one run costs tens of milliseconds, then compare n and 2n
      let size = 20_000;
      let small = minCpuMs(make(size), 2);
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
