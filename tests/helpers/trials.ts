/**
 * How long property and fuzz tests hunt. Each test names a base number of
 * trials sized to finish in a few seconds on a loaded 2-core machine;
 * DEPECHES_TRIALS multiplies it for a longer hunt (`DEPECHES_TRIALS=20 npm test`),
 * and DEPECHES_SEED replays one run. A failure always names its seed.
 */
const multiplier = Math.max(1, Number(process.env.DEPECHES_TRIALS) || 1);
const fixedSeed = process.env.DEPECHES_SEED === undefined ? undefined : Number(process.env.DEPECHES_SEED);

export function trialCount(base: number): number {
  return Math.round(base * multiplier);
}

/** fast-check's options: bounded runs; fast-check reports the seed and path of a failure itself. */
export function propertyOptions(base: number): { numRuns: number; seed?: number } {
  return fixedSeed === undefined ? { numRuns: trialCount(base) } : { numRuns: trialCount(base), seed: fixedSeed };
}

/** The seed of a hand-written fuzz loop: DEPECHES_SEED, else 0, so that CI replays the trials that passed before and a longer hunt (more trials or another seed) is asked for. */
export function runSeed(): number {
  return fixedSeed ?? 0;
}

/** Runs `trial(seed)` for `count` seeds derived from one run seed, naming the run seed and the trial on failure. */
export function eachTrial(count: number, trial: (seed: number) => void): void {
  const seed = runSeed();
  for (let t = 0; t < count; t++) {
    try {
      trial((seed + t * 7919) % 0x7fffffff);
    } catch (error) {
      throw new Error(`trial ${t} failed; replay with DEPECHES_SEED=${seed}: ${(error as Error).message}`, { cause: error });
    }
  }
}
