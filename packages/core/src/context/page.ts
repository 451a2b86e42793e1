import type { ContextSnapshot } from '../schemas/context.js';
import { pathOf } from './route-trail.js';

export function capturePage(win: Window): ContextSnapshot['page'] {
  const referrer = win.document.referrer;
  return {
    url: win.location.href,
    path: pathOf(win),
    title: win.document.title,
    ...(referrer ? { referrer } : {}),
  };
}
