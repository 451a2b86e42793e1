import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.js';

export const INSTALL_HINT =
  'PostgreSQL is not installed: the scale-out tests (vitest project server-postgres) need its server binaries ' +
  '(initdb, pg_ctl). Install them with `apt-get install postgresql` (.ci/run does).';

/** Everything needed to stop and start the cluster again from another process (fault tests). */
export interface ClusterInfo {
  bin: string;
  dir: string;
  port: number;
  /** URL of the database the shared tests use. */
  url: string;
  /** Extra empty databases by name, for tests that need a fresh schema. */
  databases: Record<string, string>;
}

/** $PG_BIN, else the newest /usr/lib/postgresql/<n>/bin that has initdb. */
export function postgresBin(): string {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(INSTALL_HINT);
  return join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root (PostgreSQL refuses root). */
function run(program: string, args: string[]): string {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `${program} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error}`,
    );
  return result.stdout;
}

const pgCtl = (info: Pick<ClusterInfo, 'bin' | 'dir'>, ...args: string[]) =>
  run(join(info.bin, 'pg_ctl'), ['-D', join(info.dir, 'data'), '-l', join(info.dir, 'log'), ...args]);

/** Starts (or restarts after stopCluster) the cluster and waits until it accepts connections. */
export function startClusterProcess(info: Pick<ClusterInfo, 'bin' | 'dir' | 'port'>): void {
  // Throwaway data: no fsync. Loopback only, trust auth, socket inside the temp folder.
  const options = `-p ${info.port} -k ${info.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  pgCtl(info, '-o', options, '-w', '-t', '60', 'start');
}

/** Fast shutdown: open connections are cut, as in a database crash or failover. */
export function stopCluster(info: Pick<ClusterInfo, 'bin' | 'dir'>): void {
  pgCtl(info, '-m', 'fast', '-w', 'stop');
}

/** initdb in a temp folder, start on a free port, create the databases. */
export async function createCluster(extraDatabases: string[] = []): Promise<ClusterInfo> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'helpline-pg-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  run(join(bin, 'initdb'), [
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  const info: ClusterInfo = { bin, dir, port: await freePort(), url: '', databases: {} };
  startClusterProcess(info);
  const urlOf = (name: string) => `postgresql://postgres@127.0.0.1:${info.port}/${name}`;
  for (const name of ['helpline_test', ...extraDatabases]) {
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(info.port), '-U', 'postgres', name]);
    info.databases[name] = urlOf(name);
  }
  info.url = urlOf('helpline_test');
  return info;
}

export function removeCluster(info: ClusterInfo): void {
  try {
    stopCluster(info);
  } catch {
    // Already stopped.
  }
  rmSync(info.dir, { recursive: true, force: true });
}
