import { loadConfig } from '../config/load.js';
import { DEMO_AGENT_EMAIL, DEMO_PUBLIC_KEY } from '../seed/demo-workspace.js';
import { type RunningServer, startServer } from './start-server.js';

/**
 * What `helpline-server` does, minus process handling: config from `env` (and HELPLINE_CONFIG),
 * start, and tell the operator where things are — including first-start credentials, shown once.
 */
export async function runCli(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningServer> {
  const config = await loadConfig(env);
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  log(`Helpline server on ${server.url} — data: ${where}`);
  log(`  widget API  ${server.url}/v1   agent inbox  ${server.url}/inbox`);
  for (const { prefix, dir } of config.staticDirs) log(`  static      ${server.url}${prefix} → ${dir}`);
  if (server.demo) {
    log(`  demo widget key: ${DEMO_PUBLIC_KEY}; ${server.demo.importedArticles} KB article(s) imported`);
    for (const { file, reason } of server.demo.skippedArticles) log(`  skipped KB file ${file}: ${reason}`);
    if (server.demo.generatedAgentPassword) {
      log(
        `  demo agent: ${DEMO_AGENT_EMAIL} / ${server.demo.generatedAgentPassword}  (shown once; set HELPLINE_AGENT_PASSWORD to choose it)`,
      );
    }
    if (server.demo.generatedSecret)
      log(`  demo identity secret (HMAC/JWT): ${server.demo.generatedSecret}  (shown once)`);
  }
  return server;
}
