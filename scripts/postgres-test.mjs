#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the scale-out tests: initdb in a temp folder (owned by the
// `postgres` user when we run as root, since PostgreSQL refuses to run as root), started on a free
// port, removed afterwards.
//   node scripts/postgres-test.mjs            starts a cluster, runs the `server-postgres` vitest project, stops it
//   import { startCluster } from '…'          used by the project's globalSetup
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL_HINT =
  'PostgreSQL is not installed: the scale-out tests need its server binaries (initdb, pg_ctl). ' +
  'Install them with `apt-get install postgresql` (.ci/run does), or set HELPLINE_TEST_DATABASE_URL to an existing empty database.';

/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBin() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(INSTALL_HINT);
  return join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary as the `postgres` user when we are root. */
function run(bin, args, options = {}) {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
  return result.stdout;
}

/**
 * Creates and starts a cluster; resolves to its URL plus stop/start (for fault tests) and remove.
 * Trust authentication on 127.0.0.1 only, a socket inside the temp folder, fsync off (throwaway).
 */
export async function startCluster() {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'helpline-pg-'));
  const data = join(dir, 'data');
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = (...args) => run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), ...args]);
  const start = () => pgCtl('-o', options, '-w', '-t', '60', 'start');
  const stop = () => pgCtl('-m', 'fast', '-w', 'stop');
  start();
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'helpline_test']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/helpline_test`,
    port,
    start,
    stop,
    /** Creates another empty database on the cluster and returns its URL. */
    createDatabase(name) {
      run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    remove() {
      try {
        stop();
      } catch {
        // Already stopped (a fault test) or never started.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', 'server-postgres', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, HELPLINE_TEST_DATABASE_URL: cluster.url, HELPLINE_TEST_PG_EXTERNAL: '1' },
  });
  cluster.remove();
  process.exit(result.status ?? 1);
}
