/**
 * Issue 17, at rest: a build whose bytes changed in any way (bit rot, a bad
 * copy, an edit) is refused when loaded, never served as healthy. A property
 * test over the real indexer's files: each trial flips 8 bytes of one file
 * of a copy of a real build, and loading it must fail with IndexLoadError.
 * Replay a failure with HOSTILE_SEED=<seed printed>.
 */
import { cp, mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexLoadError, indexCorpus, loadIndex } from '../../src/index/index.js';
import { SAMPLE_CORPUS } from '../helpers/sample-index.js';
import { seededRandom, testSeed } from './rest-helpers.js';

const TRIALS = 100;
const BYTES_FLIPPED = 8;

let work: string;
let built: string;
let buildFiles: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'depeches-bitflips-'));
  built = path.join(work, 'index');
  await indexCorpus(SAMPLE_CORPUS, built);
  const [build] = await readdir(path.join(built, 'builds'));
  buildFiles = (await readdir(path.join(built, 'builds', build))).sort().map((name) => path.join('builds', build, name));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** XORs `count` bytes of `file` at random offsets with random non-zero values. */
async function flipBytes(file: string, count: number, random: () => number): Promise<number[]> {
  const { size } = await stat(file);
  const handle = await open(file, 'r+');
  const offsets: number[] = [];
  try {
    for (let k = 0; k < count; k++) {
      const offset = Math.floor(random() * size);
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, offset);
      byte[0] ^= 1 + Math.floor(random() * 255);
      await handle.write(byte, 0, 1, offset);
      offsets.push(offset);
    }
  } finally {
    await handle.close();
  }
  return offsets;
}

describe('a build with flipped bytes', () => {
  it('loads whole when nothing changed', async () => {
    expect(buildFiles.map((f) => path.basename(f))).toEqual(['catalog.json', 'documents.jsonl', 'index.bin', 'manifest.json']);
    expect((await loadIndex(built)).documents.length).toBeGreaterThan(0);
  });

  it(`is always refused (${TRIALS} seeded trials over every file of the build)`, async () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const missed: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const copy = path.join(work, `trial-${trial}`);
      await cp(built, copy, { recursive: true });
      // Every file in turn, so that each gets a quarter of the trials.
      const file = buildFiles[trial % buildFiles.length];
      const offsets = await flipBytes(path.join(copy, file), BYTES_FLIPPED, random);
      const outcome = await loadIndex(copy).then(
        () => 'loaded',
        (error: unknown) => (error instanceof IndexLoadError ? 'refused' : `threw ${String(error)}`),
      );
      if (outcome !== 'refused') missed.push(`trial ${trial}: ${file} at ${offsets.join(',')}: ${outcome}`);
      await rm(copy, { recursive: true, force: true });
    }
    expect(missed, `seed ${seed} (replay with HOSTILE_SEED=${seed}); ${missed.length} of ${TRIALS} damaged builds not refused:\n${missed.slice(0, 10).join('\n')}`).toEqual([]);
  }, 120_000);

  it('says why in one line', async () => {
    const copy = path.join(work, 'one-line');
    await cp(built, copy, { recursive: true });
    await flipBytes(path.join(copy, buildFiles[1]), 1, seededRandom(7));
    const error = (await loadIndex(copy).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(IndexLoadError);
    expect(error.message).toMatch(/documents\.jsonl fails its checksum/);
    expect(error.message).not.toContain('\n');
    await rm(copy, { recursive: true, force: true });
  });
});
