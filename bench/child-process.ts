/**
 * The benchmark's child processes: each engine is measured in a node of its
 * own, so that an engine's index never shares a heap with another's, with
 * `--max-old-space-size` sized to the machine; a child that dies (out of
 * memory, crash) is reported with a reason instead of ending the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));

/** The heap a child may grow to by default: 75 % of the machine's memory, in MB. */
export function defaultHeapMegabytes(): number {
  return Math.floor((totalmem() / 2 ** 20) * 0.75);
}

/** Node arguments that run a TypeScript file of bench/ with a heap limit and `gc()` exposed. */
function nodeArgs(script: string, heapMegabytes: number, args: string[]): string[] {
  return [`--max-old-space-size=${heapMegabytes}`, '--expose-gc', '--import', 'tsx', path.join(BENCH, script), ...args];
}

/** A long-lived child (the servers of serve-child.ts), stdout piped for its first line. */
export function startChild(script: string, heapMegabytes: number, args: string[]): ChildProcess {
  return spawn(process.execPath, nodeArgs(script, heapMegabytes, args), { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The first JSON line a child prints on stdout. */
export async function firstLine(child: ChildProcess): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) if (line.startsWith('{')) return JSON.parse(line) as Record<string, unknown>;
  throw new Error(`child printed nothing (exit code ${child.exitCode}, signal ${child.signalCode})`);
}

export type ChildOutcome<T> = { ok: true; value: T; seconds: number } | { ok: false; failure: string; seconds: number };

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|ERR_WORKER_OUT_OF_MEMORY|ENOMEM/;

/** Why a child ended without its results, from its exit status and the end of its stderr. */
export function failureReason(code: number | null, signal: string | null, stderrTail: string): string {
  if (OUT_OF_MEMORY.test(stderrTail)) return 'out of memory';
  if (signal === 'SIGKILL') return 'killed (SIGKILL: out of memory?)';
  if (signal === 'SIGABRT') return 'aborted (SIGABRT: out of memory?)';
  if (signal) return `killed by ${signal}`;
  const lastLine = stderrTail.trim().split('\n').filter((l) => !l.startsWith('[bench')).pop()?.trim();
  return `exit code ${code}${lastLine ? `: ${lastLine.slice(0, 120)}` : ''}`;
}

/**
 * Runs a child to its end, its stderr passed through; it writes its results
 * as JSON to `outFile`. Resolves with them, or with why it failed.
 */
export async function runChild<T>(script: string, heapMegabytes: number, args: string[], outFile: string): Promise<ChildOutcome<T>> {
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs(script, heapMegabytes, args), { stdio: ['ignore', 'inherit', 'pipe'] });
  let tail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-8192);
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => {
    child.on('error', (error) => {
      tail += `\n${error.message}`;
      resolve([null, null]);
    });
    child.on('close', (c, s) => resolve([c, s]));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code === 0) {
    try {
      return { ok: true, value: JSON.parse(await readFile(outFile, 'utf8')) as T, seconds };
    } catch {
      return { ok: false, failure: 'no results written', seconds };
    }
  }
  return { ok: false, failure: failureReason(code, signal, tail), seconds };
}

/** VmRSS and VmHWM of a process, in bytes. */
export async function processMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Runs a child that prints one JSON line and exits (a peer's memory in serve-child.ts); null with a reason if it dies. */
export async function oneLine(script: string, heapMegabytes: number, args: string[]): Promise<Record<string, unknown> | { failure: string }> {
  const child = startChild(script, heapMegabytes, args);
  const closed = new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  try {
    return await firstLine(child);
  } catch {
    const [code, signal] = await closed;
    return { failure: failureReason(code, signal, '') };
  }
}
