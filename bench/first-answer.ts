/**
 * Start-up of the real CLI (`npm run bench:first-answer -- --index DIR
 * [--corpus DIR] [--threads N] [--connections 32] [--seconds 10]
 * [--cpu-prof DIR]`): launches `depeches serve` on an existing index, polls
 * `/api/search` until it answers 200, and prints the seconds from launch to
 * that first answer, the CPU time the server spent until then (less noisy
 * than wall time on a shared machine), its RSS then, the time stamp of each
 * line it logged, then, once it says it serves on every thread (its URL
 * line), requests/s at N connections (the load tests' mix) with errors and
 * timeouts. The server is stopped at the end.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { processMemory } from './child-process.js';
import { loadMix, sampleOf } from './load-mix.js';

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    corpus: { type: 'string' },
    threads: { type: 'string' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    'cpu-prof': { type: 'string' },
    query: { type: 'string', default: 'relations' },
  },
});

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Between two polls of the starting server. */
const POLL_MS = 50;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** User + system CPU seconds of a process and all its threads so far (/proc/PID/stat, in clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  if (!values.index) throw new Error('--index DIR is required');
  const port = await freePort();
  const args = ['serve', '--index', path.resolve(values.index), '--port', String(port)];
  if (values.corpus) args.push('--corpus', path.resolve(values.corpus));
  if (values.threads) args.push('--threads', values.threads);
  const node = ['--import', 'tsx'];
  if (values['cpu-prof']) node.unshift('--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`);
  console.log(`load average before: ${load()}`);
  const launched = performance.now();
  const since = () => ((performance.now() - launched) / 1000).toFixed(1).padStart(5);
  const child = spawn(process.execPath, [...node, path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // The server prints its URL once started whole (every thread serving): the load test waits for it.
  let startedWhole = 0;
  let onStarted = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const echo = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        console.log(`  [${since()} s] ${line.slice(0, 200)}`);
        if (line.startsWith('depeches: searching ') && !startedWhole) {
          startedWhole = (performance.now() - launched) / 1000;
          onStarted();
        }
      }
    });
  };
  echo(child.stdout!);
  echo(child.stderr!);
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = `serve exited (code ${code}, signal ${signal})`));
  const url = `http://127.0.0.1:${port}`;
  try {
    let firstAnswer = 0;
    for (;;) {
      if (exited) throw new Error(exited);
      const answered = await fetch(`${url}/api/search?q=${encodeURIComponent(values.query!)}`)
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status === 200;
        })
        .catch(() => false);
      if (answered) {
        firstAnswer = (performance.now() - launched) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const cpu = await cpuSeconds(child.pid!);
    const memory = await processMemory(child.pid!);
    console.log(`first answer ${firstAnswer.toFixed(1)} s after launch (server CPU ${cpu.toFixed(1)} s), RSS ${Math.round(memory.rss / 2 ** 20)} MB, load average ${load()}`);
    await Promise.race([started, new Promise((resolve) => child.once('exit', resolve))]);
    if (exited) throw new Error(exited);
    const nextPath = loadMix(await sampleOf(url));
    const result = await autocannon({
      url,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    });
    const after = await processMemory(child.pid!);
    console.log(`\n| first answer | server CPU then | every thread serving | RSS then | req/s at ${values.connections} | p99 | errors | timeouts | non-2xx | RSS after | load average |`);
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    console.log(
      `| ${firstAnswer.toFixed(1)} s | ${cpu.toFixed(1)} s | ${startedWhole.toFixed(1)} s | ${Math.round(memory.rss / 2 ** 20)} MB | ${Math.round(result.requests.average)} | ${result.latency.p99} ms | ${result.errors} | ${result.timeouts} | ${result.non2xx} | ${Math.round(after.rss / 2 ** 20)} MB | ${load()} |`,
    );
    if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
  } finally {
    const closed = new Promise((resolve) => (exited ? resolve(null) : child.once('exit', resolve)));
    child.kill('SIGTERM');
    await closed;
  }
}

main().catch((error: unknown) => {
  console.error(`first-answer: ${(error as Error).message}`);
  process.exit(1);
});
