import type { Context } from 'hono';
import type { ServerConfig } from '../config/schema.js';

/**
 * Whether the browser reached us over TLS: directly, through a trusted proxy that terminated it
 * (X-Forwarded-Proto), or because the configured public URL is https.
 */
export function isSecureRequest(c: Context, config: Pick<ServerConfig, 'trustProxy' | 'publicUrl'>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (config.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https')
    return true;
  return config.publicUrl?.startsWith('https:') ?? false;
}
