/** Company colour → the ink that stays readable on it (WCAG relative luminance; white unless the colour is light). */
export function brandInk(hex: string): '#ffffff' | '#0f172a' {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return '#ffffff';
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast with white = 1.05/(L+0.05); with slate-900 (L≈0.0089) = (L+0.05)/0.0589. Pick the larger.
  return 1.05 / (L + 0.05) >= (L + 0.05) / 0.0589 ? '#ffffff' : '#0f172a';
}

/** CSS variables for the company colour. Set on the console wrapper: Tailwind's bg-brand reads --color-brand. */
export function brandStyle(hex: string): React.CSSProperties {
  return { '--brand': hex, '--color-brand': hex, '--color-brand-ink': brandInk(hex) } as React.CSSProperties;
}
