import type { TestProject } from 'vitest/node';
import { startHostApp } from '../../examples/script-tag/server.mjs';
import {
  assertBundleBuilt,
  DEMO_SECRET,
  E2E_AGENT_PASSWORD,
  loaderDist,
  repoRoot,
  WORKSPACE_KEY,
} from './constants.ts';

type ServerModule = typeof import('../../packages/server/src/index.ts');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origins of the Helpline server and of the demo host app, shared by every e2e file. */
    e2eOrigins: { helplineUrl: string; hostUrl: string };
  }
}

/**
 * One Helpline server (in-memory PGlite, demo workspace seeded) and one demo host app for the whole
 * e2e run: seeding takes most of a start, so each file gets its own browser, not its own server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBundleBuilt();
  // Through the project's module runner, so workspace packages resolve to their sources
  // (the helpline-source condition) and nothing but the browser bundle has to be built.
  const { startServer } = await project.import<ServerModule>(`${repoRoot}packages/server/src/index.ts`);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: ':memory:',
    agentPassword: E2E_AGENT_PASSWORD,
    demoSecret: DEMO_SECRET,
    staticDirs: [{ prefix: '/widget', dir: loaderDist }],
    // Every test drives many requests from one IP; keep the limiter out of the way.
    rateLimit: {
      visitor: { capacity: 10_000, refillPerSecond: 1_000 },
      ip: { capacity: 10_000, refillPerSecond: 1_000 },
    },
    ...(process.env.HELPLINE_INBOX_DIR ? { inboxDir: process.env.HELPLINE_INBOX_DIR } : {}),
  });
  const host = await startHostApp({
    port: 0,
    host: '127.0.0.1',
    helplineUrl: server.url,
    workspaceKey: WORKSPACE_KEY,
    workspaceSecret: DEMO_SECRET,
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  project.provide('e2eOrigins', { helplineUrl: server.url, hostUrl: host.url });
  return async () => {
    await host.close();
    await server.close();
  };
}
