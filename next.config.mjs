/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig = {
  // Separate build folders let several builds run side by side (e.g. NEXT_DIST_DIR=.next-board); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  experimental: {
    // proxy.ts sees every /api request, so Next buffers request bodies for it up to this size and silently cuts the
    // rest: it must be at least the largest body any route accepts (attachment/create, BODY_LIMITS in
    // lib/server/http/request-guard.ts). Larger declared bodies are refused by proxy.ts before this matters.
    proxyClientMaxBodySize: 14 * 1024 * 1024,
  },
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3'],
  // The sandbox and scripts are type-checked by `npm run typecheck`; the build only needs the app.
  typescript: { tsconfigPath: 'tsconfig.json' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
