import { type ChildProcess, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { sourceResolve } from '../../../scripts/vite-shared.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// Inside the package's node_modules, so the bundle resolves hono, pg, PGlite… from the package.
const outDir = join(packageDir, 'node_modules', '.cache', 'helpline-stress');
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Bundles the CLI from source (workspace packages inlined, npm packages external), so a real
 * `helpline-server` process can be killed with SIGKILL without a prior `npm run build`.
 */
export async function buildServerCli(): Promise<string> {
  await build({
    ...sourceResolve,
    configFile: false,
    logLevel: 'warn',
    root: packageDir,
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: { cli: join(packageDir, 'src', 'cli.ts') },
        external: (id: string) =>
          builtins.has(id) ||
          (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('@helpline/')),
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  return join(outDir, 'cli.js');
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, no flush. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
}

/** Starts `helpline-server` as a child process and resolves once it listens. */
export function startServerProcess(cli: string, env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli], {
      cwd: packageDir,
      env: { ...process.env, HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Helpline server on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({
          url: match[1],
          child,
          async kill9() {
            child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}
