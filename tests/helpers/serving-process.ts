import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The CLI as `npm start` runs it: one node process with tsx's loader. Not the
 * `tsx` command, which relays a signal to its child and, when the child has not
 * said it received it within 30 ms (a loaded machine), kills it and exits 143.
 */
export const NODE = process.execPath;
export const CLI = ['--import', 'tsx', path.resolve('src/cli.ts')];

/** Runs `src/cli.ts` with these arguments to its end: its exit code and what it printed. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE, [...CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface ServingProcess {
  url: string;
  /** Everything the child printed so far, stdout and stderr. */
  output: () => string;
  /** Sends the signal and resolves with the child's exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts a serving command in a child process and resolves once it prints
 * its URL. A child that exits first fails at once with what it said; one that
 * prints no URL in time is stopped (so no server outlives its test).
 */
export async function serveUntilUrl(command: string, args: string[], timeoutMs = 90_000): Promise<ServingProcess> {
  const child = spawn(command, args);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${output}`)), timeoutMs);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before serving: ${output}`));
    });
    child.stdout.on('data', () => {
      const match = /on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGTERM');
    await exit;
    throw error;
  });
  return { url, output: () => output, stop: (signal = 'SIGTERM') => (child.kill(signal), exit) };
}

/** `depeches serve ARGS` through tsx. */
export const serveCli = (args: string[], timeoutMs?: number) => serveUntilUrl(NODE, [...CLI, 'serve', ...args], timeoutMs);
