import { useContext } from 'preact/hooks';
import { applyStyles, StyleHostContext } from './style-host.js';

/**
 * Applies a component's CSS to the widget's shadow root, once per CSS string. Runs during render so
 * the first paint is already styled.
 */
export function useStyles(css: string): void {
  const host = useContext(StyleHostContext);
  if (host) applyStyles(host, css);
}
