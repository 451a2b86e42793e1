import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const loaderDist = join(repoRoot, 'packages/loader/dist');

export const AGENT_EMAIL = 'agent@demo.helpline.dev';
export const E2E_AGENT_PASSWORD = 'e2e-agent-password';
export const DEMO_SECRET = 'e2e-demo-workspace-secret';
export const WORKSPACE_KEY = 'demo-public-key';

export function assertBundleBuilt(): void {
  if (!existsSync(join(loaderDist, 'loader.js')) || !existsSync(join(loaderDist, '.vite', 'manifest.json'))) {
    throw new Error(
      `The script-tag bundle is missing in ${loaderDist}. Build it first: npm run build (or, in packages/loader: vite build && vite build -c vite.loader.config.ts).`,
    );
  }
}
