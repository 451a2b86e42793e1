/**
 * Marks this browser as one the widget has a visitor for, so the loader of later pages fetches the
 * widget at idle and the launcher can show unread replies before the visitor touches it. Written only
 * once a visitor exists (after an interaction, so never before the privacy gate opens), removed when
 * the visitor is forgotten (logout).
 */
export const RETURNING_KEY = 'helpline-returning';

/** localStorage can be missing or throw (storage disabled, sandboxed frames): then nobody is returning. */
export function isReturning(win: Window): string | null | undefined {
  try {
    return win.localStorage.getItem(RETURNING_KEY);
  } catch {}
}
