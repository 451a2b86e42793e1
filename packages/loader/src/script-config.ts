export type LoadMode = 'interaction' | 'idle' | 'eager';

export interface ScriptConfig {
  /** Folder the loader came from; helpline.js and its chunks are fetched from there. */
  base: string;
  nonce: string | undefined;
  load: LoadMode;
  /** Boot options given as data-attributes, if data-key is present. */
  boot: Record<string, unknown> | undefined;
}

/**
 * Reads `data-*` attributes of the loader's own script element. Values are passed on as strings
 * (booleans and numbers converted) and validated by core when `boot` runs, so a typo is reported
 * there with the field name.
 */
export function readScriptConfig(script: HTMLScriptElement | null, pageUrl: string): ScriptConfig {
  const src = script?.src || pageUrl;
  const base = new URL('.', src).href;
  const data = script?.dataset ?? {};
  const load = /^(idle|eager)$/.test(data.load ?? '') ? (data.load as LoadMode) : 'interaction';
  let boot: Record<string, unknown> | undefined;
  if (data.key) {
    const appearance: Record<string, unknown> = {};
    for (const name of ['position', 'theme', 'brandColor', 'launcherSelector'] as const) {
      if (data[name]) appearance[name] = data[name];
    }
    if (data.hideLauncher !== undefined) appearance.hideLauncher = data.hideLauncher !== 'false';
    boot = { key: data.key, apiUrl: data.api || new URL(src).origin, appearance };
    if (data.locale) boot.locale = data.locale;
  }
  return { base, nonce: script?.nonce, load, boot };
}
