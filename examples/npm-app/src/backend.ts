import { createHttpAdapter } from '@helpline/adapter-http';
import { createMemoryAdapter, demoArticles } from '@helpline/adapter-memory';
import type { SupportAdapter } from '@helpline/widget';

/**
 * The reference server when it is up (VITE_HELPLINE_URL, default the demo's), otherwise an in-browser
 * backend so the example always works.
 */
export async function pickAdapter(): Promise<{ adapter: SupportAdapter; label: string }> {
  const baseUrl = import.meta.env.VITE_HELPLINE_URL ?? 'http://127.0.0.1:4300';
  const workspaceKey = import.meta.env.VITE_HELPLINE_KEY ?? 'demo-public-key';
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1500) });
    if (response.ok) return { adapter: createHttpAdapter({ baseUrl, workspaceKey }), label: `server ${baseUrl}` };
  } catch {
    // Not running: fall through to the in-browser backend.
  }
  return { adapter: createMemoryAdapter({ articles: demoArticles }), label: 'in-browser demo backend' };
}
