export interface PlaceholderAppearance {
  position?: unknown;
  brandColor?: unknown;
  zIndex?: unknown;
  hideLauncher?: unknown;
  offset?: { x?: unknown; y?: unknown };
}

const TAG = 'helpline-launcher';

const safeColor = (value: unknown) => (typeof value === 'string' && /^#[\da-f]{3,8}$/i.test(value) ? value : '#4f46e5');
// Number.isFinite is false for anything but a finite number: it does not convert strings.
const safeNumber = (value: unknown, fallback: number) => (Number.isFinite(value) ? (value as number) : fallback);

/**
 * Draws a launcher that looks like the widget's own, before the widget is downloaded. The widget
 * removes it when it mounts. Styles go through a constructed stylesheet: no inline style, so a
 * strict CSP (`style-src 'self'`) is satisfied. Draws nothing and throws where that is unsupported.
 */
export function drawPlaceholderLauncher(
  doc: Document,
  appearance: PlaceholderAppearance,
  onActivate: () => void,
  onIntent: () => void,
): HTMLElement | undefined {
  if (appearance.hideLauncher === true || doc.querySelector(TAG)) return undefined;
  const host = doc.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const side = appearance.position === 'left' ? 'left' : 'right';
  const x = safeNumber(appearance.offset?.x, 20);
  const y = safeNumber(appearance.offset?.y, 20);
  const css = `:host{all:initial}button{position:fixed;${side}:${x}px;bottom:${y}px;z-index:${safeNumber(appearance.zIndex, 2147483000)};width:56px;height:56px;border:0;border-radius:50%;background:${safeColor(appearance.brandColor)};color:#fff;cursor:pointer;box-shadow:0 4px 16px #0004}button:focus-visible{outline:3px solid #2563eb;outline-offset:3px}`;
  // Throws where stylesheets cannot be constructed (Safari before 16.4): the caller then loads the
  // widget, which falls back to a <style> with the CSP nonce, instead of drawing an unstyled button.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Open help');
  button.innerHTML =
    '<svg viewBox="0 0 24 24" width="28" fill="currentColor" aria-hidden="true"><path d="M4 4h16v12H9l-5 4z"/></svg>';
  button.addEventListener('click', onActivate);
  for (const type of ['pointerenter', 'focus']) button.addEventListener(type, onIntent, { once: true });
  root.append(button);
  doc.body.append(host);
  return host;
}
