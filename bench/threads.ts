/**
 * One thread against several serving one index (`npm run bench:threads --
 * --index DIR [--threads 2] [--connections 32] [--seconds 10] [--rounds 2]`):
 * the real CLI (`serve --threads 1`, then `--threads N`) in a child process
 * each time, loaded with the load test's mix (load-mix.ts) by autocannon
 * from this process, rounds interleaved (1, N, 1, N) so that both see the
 * same load of a shared machine. Prints requests/s, latencies, errors and
 * the child's resident memory (all its threads), the CPU seconds of the
 * server and of this process (the load generator shares the machine's
 * cores with the serving threads), then the ratios of the best rounds, with
 * the load average.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadMix, sampleOf } from './load-mix.js';

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    threads: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
  },
});

interface Round {
  threads: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  rssLoadedMb: number;
  rssAfterMb: number;
  peakMb: number;
  /** CPU seconds (user + system) during the measured run: the server child's (all its threads), and this process's (the load generator, autocannon). */
  serverCpu: number;
  generatorCpu: number;
}

/** CPU seconds a process used so far (user + system, every thread of it), from /proc. */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process and its peak, in MB (from /proc: every thread of it). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function serveRound(indexDir: string, threads: number): Promise<Round> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--index', indexDir, '--port', '0', '--threads', String(threads)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
  try {
    const sample = await sampleOf(url);
    // Warmed as a reader would find it: a few requests on every worker.
    await autocannon({ url, connections: 8, duration: 2, requests: [{ method: 'GET', setupRequest: ((next) => (request) => ({ ...request, path: next() }))(loadMix(sample)) }] });
    const loaded = await memoryOf(child.pid!);
    const nextPath = loadMix(sample);
    const serverBefore = await cpuSecondsOf(child.pid!);
    const generatorBefore = process.cpuUsage();
    const result = await autocannon({
      url,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    });
    const generator = process.cpuUsage(generatorBefore);
    const serverCpu = (await cpuSecondsOf(child.pid!)) - serverBefore;
    const after = await memoryOf(child.pid!);
    return {
      threads,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      rssLoadedMb: loaded.rss,
      rssAfterMb: after.rss,
      peakMb: after.peak,
      serverCpu,
      generatorCpu: (generator.user + generator.system) / 1e6,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  if (!values.index) throw new Error('--index DIR is required (an index built with npm run index)');
  const threads = Number(values.threads);
  const rounds: Round[] = [];
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()}`);
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const n of [1, threads]) {
      const round = await serveRound(values.index, n);
      console.error(`  round ${r + 1}, ${n} thread(s): ${round.requestsPerSecond} req/s, RSS ${round.rssAfterMb} MB (load ${load()})`);
      rounds.push(round);
    }
  }
  console.log(`load average after: ${load()}`);
  console.log(`\n${values.connections} connections, ${values.seconds} s per round, ${values.rounds} rounds interleaved`);
  console.log('| threads | requests/s | p50 | p99 | errors | RSS loaded | RSS after | peak RSS | server CPU | generator CPU |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rounds)
    console.log(
      `| ${r.threads} | ${r.requestsPerSecond} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.rssLoadedMb} MB | ${r.rssAfterMb} MB | ${r.peakMb} MB | ${r.serverCpu.toFixed(1)} s | ${r.generatorCpu.toFixed(1)} s |`,
    );
  const best = (n: number, key: keyof Round) => Math.max(...rounds.filter((r) => r.threads === n).map((r) => r[key] as number));
  const mean = (n: number, key: keyof Round) => {
    const list = rounds.filter((r) => r.threads === n).map((r) => r[key] as number);
    return list.reduce((a, b) => a + b, 0) / list.length;
  };
  console.log(`\nrequests/s, ${threads} threads / 1: ${(mean(threads, 'requestsPerSecond') / mean(1, 'requestsPerSecond')).toFixed(2)}x (mean of rounds), ${(best(threads, 'requestsPerSecond') / best(1, 'requestsPerSecond')).toFixed(2)}x (best)`);
  console.log(`RSS after load, ${threads} threads / 1: ${(mean(threads, 'rssAfterMb') / mean(1, 'rssAfterMb')).toFixed(2)}x; peak ${(best(threads, 'peakMb') / best(1, 'peakMb')).toFixed(2)}x`);
  if (rounds.some((r) => r.errors > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`threads bench: ${(error as Error).message}`);
  process.exit(1);
});
