import type { Appearance } from '@helpline/core';

/** Black or white text on the brand colour, whichever contrasts more (hex colours; white otherwise). */
export function brandForeground(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color)?.[1];
  if (!hex) return '#ffffff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white vs with near-black (#111827, luminance ≈ 0.012).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.062 ? '#ffffff' : '#111827';
}

/**
 * The per-instance tokens from `appearance`. Every value was validated by the options schema
 * (colours, lengths and font lists cannot contain `;{}<>`), so it is safe to put into CSS text.
 */
export function appearanceCss(appearance: Appearance): string {
  const tokens = [
    `--hl-brand: ${appearance.brandColor};`,
    `--hl-brand-fg: ${brandForeground(appearance.brandColor)};`,
    `--hl-radius: ${appearance.radius};`,
    appearance.fontFamily ? `--hl-font: ${appearance.fontFamily};` : '',
    `--hl-offset-x: ${appearance.offset.x}px;`,
    `--hl-offset-y: ${appearance.offset.y}px;`,
    `--hl-z: ${appearance.zIndex};`,
  ];
  return `:host { ${tokens.filter(Boolean).join(' ')} }`;
}
