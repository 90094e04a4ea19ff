import { describe, expect, it } from 'vitest';
import { brandInk, brandStyle } from './brand';

describe('brandInk', () => {
  it('uses white on dark colours and dark ink on light ones', () => {
    expect(brandInk('#0f766e')).toBe('#ffffff');
    expect(brandInk('#1d4ed8')).toBe('#ffffff');
    expect(brandInk('#facc15')).toBe('#0f172a');
    expect(brandInk('#ffffff')).toBe('#0f172a');
  });
  it('falls back to white on a malformed colour', () => {
    expect(brandInk('teal')).toBe('#ffffff');
  });
  it('sets the variables Tailwind reads', () => {
    expect(brandStyle('#facc15')).toMatchObject({ '--color-brand': '#facc15', '--color-brand-ink': '#0f172a' });
  });
});
