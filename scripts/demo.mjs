#!/usr/bin/env node
// `npm run demo`: the reference server on its embedded database (seeded KB, demo agent), the agent
// inbox, and the Acme Ledger host app embedding the widget by script tag. Ctrl-C stops everything.
import { startHostApp } from '../examples/script-tag/server.mjs';
import { startServer } from '../packages/server/dist/index.js';

const serverPort = Number(process.env.PORT ?? 4300);
const hostPort = Number(process.env.HOST_PORT ?? 4400);
const hostname = process.env.HOST ?? '127.0.0.1';

function explainPortInUse(error, port, variable) {
  if (error?.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is already in use. Pick another with ${variable}=<port> npm run demo`);
  process.exit(1);
}

const server = await startServer({
  port: serverPort,
  host: hostname,
  dataDir: process.env.HELPLINE_DATA_DIR ?? '.helpline/data',
  demo: true,
}).catch((error) => explainPortInUse(error, serverPort, 'PORT'));

const host = await startHostApp({
  port: hostPort,
  host: hostname,
  helplineUrl: server.url,
  workspaceKey: server.demo.workspaceKey,
  workspaceSecret: server.demo.workspaceSecret,
}).catch(async (error) => {
  await server.close();
  explainPortInUse(error, hostPort, 'HOST_PORT');
});

console.log(`
Helpline demo is running.

  Host app (Acme Ledger, widget by script tag):  ${host.url}/dashboard
  Agent inbox:                                   ${server.url}/inbox/
  Helpline server API:                           ${server.url}/v1

  Agent login: ${server.demo.agentEmail} / ${server.demo.agentPassword ?? '(set on first run; see .helpline/agent-password.txt)'}

Press Ctrl-C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.allSettled([host.close(), server.close()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
