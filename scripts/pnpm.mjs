#!/usr/bin/env node
// Runs pnpm without a global install: users have only Node and npm (corepack's signature check fails
// against some registries), so pnpm is bootstrapped through npx at the version pinned in package.json.
// Installs with --frozen-lockfile first whenever the lockfile or a manifest changed since the last install.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stampFile = join(root, 'node_modules', '.helpline-install-stamp');

function manifests() {
  const files = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'];
  for (const dir of ['packages', 'examples']) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const file = join(dir, name, 'package.json');
      if (existsSync(join(root, file))) files.push(file);
    }
  }
  return files;
}

function installStamp() {
  const hash = createHash('sha256');
  for (const file of manifests()) {
    const path = join(root, file);
    hash.update(file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function pnpm(args) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['--yes', packageManager, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const stamp = installStamp();
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (installed !== stamp) {
  const frozen = process.env.HELPLINE_UNFROZEN ? [] : ['--frozen-lockfile'];
  const status = pnpm(['install', ...frozen]);
  if (status !== 0) process.exit(status);
  writeFileSync(stampFile, installStamp());
}
process.exit(pnpm(process.argv.slice(2)));
