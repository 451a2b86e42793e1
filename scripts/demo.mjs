#!/usr/bin/env node
// `npm run demo`: the reference server on its embedded database (seeded KB, demo agent), the agent
// inbox, and the Acme Ledger host app embedding the widget by script tag. Ctrl-C stops everything;
// a second run reuses the data and the same demo login.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHostApp } from '../examples/script-tag/server.mjs';
import { startServer } from '../packages/server/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverPort = Number(process.env.PORT ?? 4300);
const hostPort = Number(process.env.HOST_PORT ?? 4400);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.HELPLINE_DATA_DIR ?? join(root, '.helpline', 'data');

/** The demo's agent password and workspace secret, made once and kept beside the data. */
function demoCredentials() {
  const file = join(dataDir, '..', 'demo-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const credentials = {
    agentPassword: process.env.HELPLINE_AGENT_PASSWORD ?? randomBytes(9).toString('base64url'),
    demoSecret: process.env.HELPLINE_DEMO_SECRET ?? randomBytes(24).toString('hex'),
  };
  mkdirSync(join(dataDir, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

function portInUse(error, port, variable) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`\nPort ${port} is already in use. Pick another one: ${variable}=${port + 1} npm run demo\n`);
  process.exit(1);
}

const credentials = demoCredentials();
const server = await startServer({
  port: serverPort,
  host,
  dataDir,
  agentPassword: credentials.agentPassword,
  demoSecret: credentials.demoSecret,
  staticDirs: [{ prefix: '/widget', dir: join(root, 'packages', 'loader', 'dist') }],
}).catch((error) => portInUse(error, serverPort, 'PORT'));

const app = await startHostApp({
  port: hostPort,
  host,
  helplineUrl: server.url,
  workspaceKey: 'demo-public-key',
  workspaceSecret: credentials.demoSecret,
}).catch(async (error) => {
  await server.close();
  return portInUse(error, hostPort, 'HOST_PORT');
});

console.log(`
Helpline demo is running.

  Host app (Acme Ledger, widget by script tag)  ${app.url}/dashboard
  Agent inbox                                   ${server.url}/inbox/
  Helpline server (API under /v1, /healthz)     ${server.url}

  Agent login: agent@demo.helpline.dev / ${credentials.agentPassword}
  Workspace key: demo-public-key; its secret (signs userHash): ${credentials.demoSecret}

Press Ctrl-C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.allSettled([app.close(), server.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
