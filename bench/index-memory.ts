/**
 * Peak memory of indexing a corpus folder (`npx tsx bench/index-memory.ts
 * --corpus DIR --index DIR [--limit-gb G] [--trace FILE]`): runs the CLI's
 * indexer in a child process with Node's defaults (no heap flag), samples
 * its resident set every 250 ms from /proc, stops it when it goes over the
 * limit (default 9 GB), and prints the peak, the wall time, the articles
 * per second, the CPU time (all threads: a fairer figure than the wall
 * time on a loaded machine) and the load average. `--trace` writes "seconds rss_mb" lines,
 * to see which phase holds the memory.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, 'limit-gb': { type: 'string' }, trace: { type: 'string' } } });
if (!values.corpus || !values.index) {
  console.error('usage: npx tsx bench/index-memory.ts --corpus DIR --index DIR [--limit-gb G] [--trace FILE]');
  process.exit(2);
}
const limitKb = Number(values['limit-gb'] ?? '9') * 1024 * 1024;
const loadBefore = loadavg()[0];

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system, all threads) of a process so far. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'index', '--corpus', values.corpus, '--out', values.index], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
let peakKb = 0;
let cpu = 0;
let stopped = false;
const trace: string[] = [];
const timer = setInterval(() => {
  const kb = rssKb(child.pid!);
  peakKb = Math.max(peakKb, kb);
  cpu = Math.max(cpu, cpuSeconds(child.pid!));
  trace.push(`${((performance.now() - started) / 1000).toFixed(1)} ${(kb / 1024).toFixed(0)}`);
  if (kb > limitKb && !stopped) {
    stopped = true;
    child.kill('SIGKILL');
  }
}, 250);
child.on('exit', (code, signal) => {
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (values.trace) writeFileSync(values.trace, trace.join('\n') + '\n');
  const report = /indexed (\d+) documents.*$/m.exec(output);
  const articles = report ? Number(report[1]) : 0;
  console.log(report ? report[0] : output.trim().split('\n').slice(-3).join('\n'));
  console.log(
    `${stopped ? `STOPPED over ${values['limit-gb'] ?? 9} GB; ` : ''}exit ${code ?? signal}; peak RSS ${(peakKb / 1024 / 1024).toFixed(2)} GB; ${seconds.toFixed(1)} s; ` +
      `${articles ? (articles / seconds).toFixed(0) : '-'} articles/s; CPU ${cpu.toFixed(0)} s (${articles ? (articles / cpu).toFixed(0) : '-'} articles per CPU second); load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
  );
});
