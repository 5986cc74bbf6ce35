/**
 * A throw-away PostgreSQL cluster for tests and the benchmark: initdb in a
 * temporary folder, pg_ctl start on 127.0.0.1 with a free port (and a unix
 * socket in the same folder), trust authentication, no fsync. initdb refuses
 * to run as root, so as root the cluster belongs to the `postgres` user and
 * its commands run through `runuser`.
 *
 * There is no silent skip: when no PostgreSQL binaries can be found, or the
 * cluster does not start, this throws with what to install.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** Connection URL of the `postgres` database. */
  url: string;
  port: number;
  /** Connection URL of database `name` of the cluster (a standby has those of its primary). */
  databaseUrl(name: string): string;
  /** A fresh empty database of the cluster, as a URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The folder holding initdb/pg_ctl: PG_BIN, then Debian's /usr/lib/postgresql/<newest>/bin, then PATH. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debian, v, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  for (const dir of candidates) if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: install Debian\'s "postgresql" package (as .ci/run does) or set PG_BIN');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let counter = 0;

export interface ClusterOptions {
  /**
   * Start a hot standby of this running cluster instead of a new one: a base
   * backup of it (pg_basebackup -R, which writes standby.signal and
   * primary_conninfo), then streaming replication from it on loopback.
   */
  standbyOf?: PostgresCluster;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const root = mkdtempSync(path.join(tmpdir(), 'depeches-pg-'));
  const data = path.join(root, 'data');
  const asRoot = userInfo().uid === 0;
  // As root, run the server as `postgres`, which must own the folder.
  const run = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root, timeout: 120_000 }).toString();
  };
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const port = await freePort();
  try {
    if (options.standbyOf) {
      // initdb's pg_hba.conf trusts replication connections from 127.0.0.1; wal_level is replica by default.
      run('pg_basebackup', ['-D', data, '-R', '-X', 'stream', '-c', 'fast', '-h', '127.0.0.1', '-p', String(options.standbyOf.port), '-U', 'postgres', '--no-sync']);
    } else {
      run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    }
    const settings = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${options.standbyOf ? ' -c hot_standby=on' : ''}`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(root, 'log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    const err = error as Error & { stderr?: Buffer };
    rmSync(root, { recursive: true, force: true });
    throw new Error(`could not start a throw-away PostgreSQL cluster: ${err.stderr?.toString().trim() || err.message}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    databaseUrl: (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    async createDatabase(name = `t${process.pid}_${++counter}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root needs a "postgres" user (Debian\'s postgresql package creates it)');
  return { uid, gid };
}
