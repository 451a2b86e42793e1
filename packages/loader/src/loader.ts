import { type LoaderWindow, start } from './start.js';

// The script-tag entry: runs once where it is included, and never throws into the host page.
try {
  start(window as LoaderWindow, document.currentScript as HTMLScriptElement | null);
} catch (error) {
  console.error('Helpline:', error);
}
