import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';
import { defineProject, type ViteUserConfig } from 'vitest/config';
import { cssTemplateMinify } from './css-template-minify.ts';

// Workspace packages resolve to their TypeScript sources (the `helpline-source` export condition) in
// tests, typecheck and builds, so nothing has to be built before `vitest` runs.
export const sourceResolve = {
  resolve: { conditions: ['helpline-source', ...defaultClientConditions] },
  ssr: {
    resolve: {
      conditions: ['helpline-source', ...defaultServerConditions],
      externalConditions: ['helpline-source'],
    },
  },
} satisfies UserConfig;

export const preactJsx = {
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
} as const;

export interface ProjectOptions {
  name: string;
  environment?: 'node' | 'happy-dom';
  setupFiles?: string[];
  testTimeout?: number;
  jsx?: boolean;
}

/** A vitest project for one package: tests live beside the code as `*.test.ts(x)` and in test/. */
export function packageProject(options: ProjectOptions): ViteUserConfig {
  return defineProject({
    ...sourceResolve,
    ...(options.jsx ? preactJsx : {}),
    test: {
      name: options.name,
      environment: options.environment ?? 'node',
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      setupFiles: options.setupFiles ?? [],
      testTimeout: options.testTimeout ?? 10_000,
    },
  }) as ViteUserConfig;
}

export interface LibraryOptions {
  entry: Record<string, string>;
  jsx?: boolean;
}

/** ESM library build; dependencies stay external so the host's bundler dedupes them. */
export function libraryConfig(options: LibraryOptions): UserConfig {
  return {
    ...sourceResolve,
    ...(options.jsx ? preactJsx : {}),
    plugins: [cssTemplateMinify()],
    build: {
      lib: { entry: options.entry, formats: ['es'] },
      rolldownOptions: {
        external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
      },
      sourcemap: true,
      minify: false,
      emptyOutDir: true,
    },
  };
}
