import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temp folder for one test file; `dispose` removes it. */
export function tempFolder(prefix: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `depeches-${prefix}-`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (relative path -> text or bytes) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** A short real-looking French article, so that a corpus always has one good file. */
export const GOOD_TEXT = 'Le ministre de l’Économie a présenté mardi à Paris un projet de loi sur la réforme des retraites.\n\nLe texte sera examiné par le Sénat en janvier.\n';

/** CPU time (user + system, ms) of the fastest of `runs` calls of `work`. */
export function minCpuMs(work: () => void, runs = 5): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * t(2n)/t(n) for an input built by `make(n)`: n doubles from `start` until
 * one run takes at least `floorMs` of CPU time (so that the ratio is not
 * noise), or until `maxN`. A quadratic reader gives about 4, a linear one 2.
 * A ratio of 3 or more is measured again (at most `trials` times, the
 * smallest kept): a busy machine can slow one measure, not every one.
 * A reader still under `floorMs` at `maxN` is divided by the floor, not by
 * its own time: the ratio of two sub-millisecond times is the scheduler's
 * noise (×3.4 seen under load), while a superlinear reader passes the floor
 * long before 8 M characters.
 */
export function doublingRatio(make: (n: number) => string, work: (input: string) => void, start = 512, floorMs = 25, maxN = 1 << 23, trials = 3): { n: number; ratio: number; ms: number } {
  let n = start;
  let input = make(n);
  let ms = minCpuMs(() => work(input), 3);
  while (ms < floorMs && n < maxN) {
    n *= 2;
    input = make(n);
    ms = minCpuMs(() => work(input), 3);
  }
  const doubled = make(2 * n);
  let best = { n, ratio: Infinity, ms };
  for (let trial = 0; trial < trials && best.ratio >= 3; trial++) {
    const base = minCpuMs(() => work(input), 5);
    const twice = minCpuMs(() => work(doubled), 5);
    const ratio = twice / Math.max(base, floorMs);
    if (ratio < best.ratio) best = { n, ratio, ms: base };
  }
  return best;
}
