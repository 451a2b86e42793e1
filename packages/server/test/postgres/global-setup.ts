import type { TestProject } from 'vitest/node';
import { type ClusterInfo, createCluster, removeCluster } from './cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ClusterInfo;
  }
}

/** One throwaway PostgreSQL cluster for the whole server-postgres project; fails with the install hint without it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await createCluster(['helpline_migrate', 'helpline_faults']);
  project.provide('postgres', cluster);
  return () => removeCluster(cluster);
}
