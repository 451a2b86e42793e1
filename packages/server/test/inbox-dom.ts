import { expect } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';

/**
 * Setup file: the project runs in node (the server tests need real sockets and Node's fetch), but
 * the inbox's component tests under src/inbox need a DOM. They get vitest's happy-dom environment
 * here, file by file, unless they already chose one with a `@vitest-environment` docblock. No
 * teardown: every test file runs isolated, and tearing down early would pull `requestAnimationFrame`
 * from under Preact's last scheduled effects.
 */
const file = expect.getState().testPath ?? '';
if (file.includes('/src/inbox/') && typeof document === 'undefined') {
  await builtinEnvironments['happy-dom'].setup(globalThis, { happyDOM: { url: 'http://localhost/inbox/' } });
}
