/**
 * Issue 17, listening: `npm start` listened on 0.0.0.0 (every interface)
 * although the README says localhost. Now 127.0.0.1 unless --host or HOST
 * opens it; --base-url is checked and said wrong in one line.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, NODE } from '../helpers/serving-process.js';
import { indexCorpus } from '../../src/index/index.js';
import { SMALL_ARTICLES, writeCorpus } from './rest-helpers.js';

let corpus: string;
let index: string;

beforeAll(async () => {
  corpus = await writeCorpus(SMALL_ARTICLES);
  index = await mkdtemp(path.join(tmpdir(), 'depeches-listen-'));
  await indexCorpus(corpus, index, { threads: 0 });
});

afterAll(async () => {
  await rm(index, { recursive: true, force: true });
  await rm(corpus, { recursive: true, force: true });
});

/** An IPv4 address of this machine other than loopback, or null when it has none. */
function outwardAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** `npm start` until it prints its URL; whether it then accepts connections on loopback and on this machine's outward address. */
async function reachable(args: string[], env: Record<string, string> = {}): Promise<{ loopback: boolean; outward: boolean }> {
  const child = spawn(NODE, [...CLI, 'serve', '--corpus', corpus, '--index', index, '--port', '0', ...args], { env: { ...process.env, ...env } });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in: ${output}`)), 60_000);
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${output}`)));
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const port = Number(new URL(url).port);
    return { loopback: await accepts('127.0.0.1', port), outward: await accepts(outwardAddress()!, port) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('npm start', () => {
  const outward = outwardAddress();

  it.skipIf(!outward)('listens on 127.0.0.1 only by default (needs an outward IPv4 address to tell)', async () => {
    expect(await reachable([], { HOST: '' })).toEqual({ loopback: true, outward: false });
  }, 90_000);

  it.skipIf(!outward)('listens where --host or HOST says', async () => {
    expect(await reachable(['--host', '0.0.0.0'])).toEqual({ loopback: true, outward: true });
    expect(await reachable([], { HOST: '0.0.0.0' })).toEqual({ loopback: true, outward: true });
  }, 90_000);

  it('refuses a base URL that is no http(s) origin, in one line', async () => {
    const result = await promisify(execFile)(NODE, [...CLI, 'serve', '--index', index, '--port', '0', '--base-url', 'javascript:alert(1)']).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr.trim().split('\n')).toEqual([expect.stringMatching(/^depeches: invalid base URL: javascript:alert\(1\)/)]);
  }, 60_000);
});
