import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadIndex, type SearchIndex } from '../index/index.js';
import { createApp } from './app.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Loads the index of `indexDir` and serves it on `port` (0 picks a free port) of `host`. */
export async function startServer(options: { indexDir: string; port: number; host?: string }): Promise<RunningServer> {
  const index: SearchIndex = await loadIndex(options.indexDir);
  const app = createApp({ currentIndex: () => index });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
