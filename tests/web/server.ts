import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { indexCorpus } from '../../src/index/index.js';
import { startServer, type RunningServer } from '../../src/web/server.js';

/** A real server on a free port over an index of corpus/ built into a temporary folder. */
export async function startSampleServer(): Promise<{ server: RunningServer; url: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'depeches-web-'));
  await indexCorpus(path.resolve('corpus'), dir);
  const server = await startServer({ indexDir: dir, port: 0, watchIndex: false });
  return {
    server,
    url: server.url,
    stop: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The sample server of a test file: started before its tests, stopped after them. */
export function useSampleServer(): { readonly url: string } {
  let running: Awaited<ReturnType<typeof startSampleServer>> | undefined;
  beforeAll(async () => {
    running = await startSampleServer();
  }, 60_000);
  afterAll(async () => running?.stop());
  return {
    get url() {
      if (!running) throw new Error('the sample server is not started yet');
      return running.url;
    },
  };
}
