import type { ContextSnapshot } from '../schemas/context.js';

type Device = NonNullable<ContextSnapshot['device']>;

export function captureDevice(win: Window): Device | undefined {
  try {
    const nav = win.navigator;
    let timezone: string | undefined;
    try {
      timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      timezone = undefined;
    }
    const dark =
      typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)').matches : undefined;
    return {
      userAgent: nav.userAgent,
      viewport: { width: win.innerWidth, height: win.innerHeight },
      language: nav.language,
      ...(timezone ? { timezone } : {}),
      ...(dark === undefined ? {} : { colorScheme: dark ? 'dark' : 'light' }),
      online: nav.onLine,
    };
  } catch {
    return undefined;
  }
}
