import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isValidationError } from '@helpline/core';
import { startServer } from './app/start-server.js';
import { loadConfig } from './config/load.js';
import { packageRoot } from './config/package-root.js';
import { DEMO_AGENT_EMAIL, DEMO_PUBLIC_KEY } from './seed/demo-workspace.js';

interface HostApp {
  url: string;
  close(): Promise<void>;
}
type StartHostApp = (options: {
  port: number;
  helplineUrl: string;
  workspaceKey: string;
  workspaceSecret: string;
}) => Promise<HostApp>;

/**
 * `npm run demo`: the server on :4300 with the loader build mounted at /widget, plus the example
 * host page (examples/script-tag, "Acme Ledger") on :4400 signing its users with the demo secret.
 */
async function main(): Promise<void> {
  const repo = join(packageRoot(), '..', '..');
  const loaderDist = join(repo, 'packages', 'loader', 'dist');
  const config = await loadConfig({ PORT: '4300', ...process.env });
  const staticDirs = existsSync(loaderDist)
    ? [{ prefix: '/widget', dir: loaderDist }, ...config.staticDirs]
    : config.staticDirs;
  const server = await startServer({ ...config, staticDirs });
  const closers: (() => Promise<void>)[] = [() => server.close()];
  console.log(`Helpline server      ${server.url}  (agent inbox ${server.url}/inbox)`);
  if (server.demo?.generatedAgentPassword)
    console.log(`Agent sign-in        ${DEMO_AGENT_EMAIL} / ${server.demo.generatedAgentPassword}  (shown once)`);
  else
    console.log(`Agent sign-in        ${DEMO_AGENT_EMAIL} (password from HELPLINE_AGENT_PASSWORD or the first start)`);
  if (!existsSync(loaderDist)) console.log('Widget assets        not built: run `npm run build` first');

  const hostEntry = join(repo, 'examples', 'script-tag', 'server.mjs');
  const secret = server.demo?.workspace.secret;
  if (existsSync(hostEntry) && secret) {
    const { startHostApp } = (await import(pathToFileURL(hostEntry).href)) as { startHostApp: StartHostApp };
    const host = await startHostApp({
      port: Number(process.env.DEMO_HOST_PORT ?? 4400),
      helplineUrl: server.url,
      workspaceKey: DEMO_PUBLIC_KEY,
      workspaceSecret: secret,
    });
    closers.unshift(() => host.close());
    console.log(`Demo host page       ${host.url}`);
  }
  const stop = (): void => {
    void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(isValidationError(error) ? error.message : error);
  process.exit(1);
});
