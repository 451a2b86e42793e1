import { isValidationError } from '@helpline/core';
import { runCli } from './app/run-cli.js';

/** `helpline-server`: config from env vars and HELPLINE_CONFIG, one process until SIGINT/SIGTERM. */
runCli(process.env, (line) => console.log(line))
  .then((server) => {
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error: unknown) => {
    // A bad setting is the operator's to fix: its message names the variable; no stack trace.
    console.error(isValidationError(error) ? error.message : error);
    process.exit(1);
  });
