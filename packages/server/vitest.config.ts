import { mergeConfig } from 'vitest/config';
import { packageProject } from '../../scripts/vite-shared.ts';

// Each test file opens one in-memory PGlite (a few seconds on a busy machine), hence the hook timeout.
export default mergeConfig(packageProject({ name: 'server', environment: 'node', testTimeout: 30_000 }), { test: { hookTimeout: 60_000 } });
