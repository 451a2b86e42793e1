import { mergeConfig } from 'vitest/config';
import { packageProject } from '../../scripts/vite-shared.ts';

// The conformance run starts the real server (PGlite + seed) per group: slow hooks on a busy machine.
export default mergeConfig(packageProject({ name: 'adapter-http', environment: 'node', testTimeout: 30_000 }), {
  test: { hookTimeout: 90_000 },
});
