/**
 * Shared parts of the linear-time tests of the extractors (issue 17): an
 * adversarial text is read at size n and 2n and the CPU times compared.
 * Linear gives a ratio near 2, quadratic near 4. No absolute time is
 * asserted: the ratio holds on a loaded machine, and the minimum of several
 * runs filters out pauses.
 */

/** A distinct capitalised word for each i: "Ba", "Ca", … "Bab". */
export function distinctWord(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s += 'bcdfghjklmnprstvz'[n % 17] + 'aeiou'[n % 5];
    n = Math.floor(n / 17);
  }
  return s[0].toUpperCase() + s.slice(1);
}

/** Pieces joined until the text reaches `size` characters. */
export function repeatTo(size: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = piece(i);
    parts.push(p);
    length += p.length;
  }
  return parts.join('');
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Smallest CPU time of several runs. */
function minCpuMs(extract: (text: string) => unknown, text: string, runs = 4): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuMs(() => extract(text)));
  return best;
}

/**
 * Grows the input from `startSize` until one run costs tens of milliseconds
 * (capped at a million characters, so that distinct names stay fewer than the
 * name caches hold), then measures n and 2n.
 */
export function doublingCost(extract: (text: string) => unknown, make: (size: number) => string, startSize = 20_000): { size: number; small: number; large: number; ratio: number } {
  let size = startSize;
  let small = minCpuMs(extract, make(size), 2);
  while (small < 30 && size < 1_000_000) {
    size *= 2;
    small = minCpuMs(extract, make(size), 2);
  }
  const smallText = make(size);
  const largeText = make(size * 2);
  small = minCpuMs(extract, smallText);
  let large = minCpuMs(extract, largeText);
  // A ratio far from 2 on a loaded machine is measured again (the smallest of all runs kept): a
  // pause of another process lengthens one side; a quadratic cost stays near 4 however often it is measured.
  for (let retry = 0; retry < 2 && large / small > 2.5; retry++) {
    small = Math.min(small, minCpuMs(extract, smallText, 6));
    large = Math.min(large, minCpuMs(extract, largeText, 6));
  }
  return { size, small, large, ratio: large / small };
}
