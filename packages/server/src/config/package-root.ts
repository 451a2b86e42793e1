import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The @helpline/server folder, found by walking up from this module: the same answer from
 * src/config (tests) and from dist/ (the built server), so seed/kb and dist/inbox resolve in both.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@helpline/server'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@helpline/server package.json not found above the server module');
    dir = parent;
  }
}
