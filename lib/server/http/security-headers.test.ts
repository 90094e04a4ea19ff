import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hstsHeader, newNonce, tileSource } from './security-headers';

describe('security headers', () => {
  it('derives the tile server source from the URL template', () => {
    expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });

  it('builds a nonce policy that forbids framing and inline scripts', () => {
    const csp = contentSecurityPolicy({
      nonce: 'abc',
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      https: false,
      dev: false,
    });
    expect(csp).toContain(`script-src 'self' 'nonce-abc' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', tileUrl: 'x', https: true, dev: false })).toContain(
      'upgrade-insecure-requests',
    );
  });

  it('sends HSTS only for an https public URL', () => {
    expect(hstsHeader('https://dispatch.example.com')).toBe('max-age=31536000');
    expect(hstsHeader('http://localhost:3000')).toBeNull();
  });

  it('makes a fresh nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), 'base64')).toHaveLength(16);
  });
});
