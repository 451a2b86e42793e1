#!/usr/bin/env node
// Runs the scale-out tests against a real PostgreSQL: the `server-postgres` vitest project, whose
// global setup (packages/server/test/postgres/global-setup.ts) creates a throwaway cluster with
// initdb in a temp folder (as the `postgres` user when run as root), starts it on a free port and
// removes it afterwards. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed =
  (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((version) =>
      existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb')),
    ));
if (!installed) {
  console.error(
    'PostgreSQL is not installed: the scale-out tests need initdb and pg_ctl. Run `apt-get install postgresql`.',
  );
  process.exit(1);
}
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--config', 'packages/server/vitest.postgres.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
