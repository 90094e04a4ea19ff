/**
 * Response security headers decided per request (proxy.ts); the fixed ones (nosniff, Referrer-Policy,
 * X-Frame-Options, Permissions-Policy) are in next.config.mjs.
 *
 * CSP: scripts only from this origin with the request's nonce ('strict-dynamic' lets Next's nonce'd loader pull its
 * chunks); Next reads the nonce from the request's CSP header and puts it on its own scripts (the pages render
 * dynamically: app/layout.tsx). Styles allow 'unsafe-inline': Leaflet, FullCalendar and the UI primitives write
 * style attributes and <style> tags that carry no nonce; a style cannot run code, and script injection is what the
 * policy is for. Images: this origin, data:/blob: (Leaflet, charts) and the map tile server. No framing at all.
 */

/** "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org"; null when not an absolute URL. */
export function tileSource(template: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!m) return null;
  const host = m[2].replace(/\{[^}]*\}/g, '*').replace(/\*+/g, '*');
  return `${m[1].toLowerCase()}://${host}`;
}

export function contentSecurityPolicy(opts: { nonce: string; tileUrl: string; https: boolean; dev: boolean }): string {
  const tiles = tileSource(opts.tileUrl);
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    `font-src 'self' data:`,
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  if (opts.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** HSTS only when the dashboard's public URL is https (a plain-http install must stay reachable). One year. */
export function hstsHeader(publicUrl: string): string | null {
  return /^https:/i.test(publicUrl) ? 'max-age=31536000' : null;
}

/** 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
