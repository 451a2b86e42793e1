import { createContext } from 'preact';

/** Where component styles go: the widget's shadow root, plus the host's CSP nonce for the fallback. */
export interface StyleHost {
  root: ShadowRoot;
  nonce: string | undefined;
  /** CSS strings already applied, so each is added once however many components use it. */
  applied: Set<string>;
}

export const StyleHostContext = createContext<StyleHost | null>(null);

export function createStyleHost(root: ShadowRoot, nonce: string | undefined): StyleHost {
  return { root, nonce, applied: new Set() };
}

const constructable = (root: ShadowRoot): boolean =>
  'adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype;

/**
 * Adds a stylesheet to the shadow root: a constructed sheet where supported (no <style> element, so
 * CSP `style-src` needs no nonce), else a <style> carrying the host's nonce.
 */
export function applyStyles(host: StyleHost, css: string): void {
  if (host.applied.has(css)) return;
  host.applied.add(css);
  const { root } = host;
  if (constructable(root)) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Some engines expose the API but refuse constructed sheets in shadow roots; use <style>.
    }
  }
  const style = root.ownerDocument.createElement('style');
  if (host.nonce) style.setAttribute('nonce', host.nonce);
  style.textContent = css;
  root.append(style);
}
