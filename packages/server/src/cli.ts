import { isValidationError } from '@helpline/core';
import { startServer } from './app/start-server.js';
import { loadConfig } from './config/load.js';
import { DEMO_AGENT_EMAIL, DEMO_PUBLIC_KEY } from './seed/demo-workspace.js';

/** `helpline-server`: config from env vars and HELPLINE_CONFIG, one process until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = await loadConfig();
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Helpline server on ${server.url} — data: ${where}`);
  console.log(`  widget API  ${server.url}/v1   agent inbox  ${server.url}/inbox`);
  for (const { prefix, dir } of config.staticDirs) console.log(`  static      ${server.url}${prefix} → ${dir}`);
  if (server.demo) {
    console.log(`  demo widget key: ${DEMO_PUBLIC_KEY}; ${server.demo.importedArticles} KB article(s) imported`);
    if (server.demo.generatedAgentPassword) {
      console.log(
        `  demo agent: ${DEMO_AGENT_EMAIL} / ${server.demo.generatedAgentPassword}  (shown once; set HELPLINE_AGENT_PASSWORD to choose it)`,
      );
    }
    if (server.demo.generatedSecret)
      console.log(`  demo identity secret (HMAC/JWT): ${server.demo.generatedSecret}  (shown once)`);
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(isValidationError(error) ? error.message : error);
  process.exit(1);
});
