import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getEnv } from '@/lib/server/env';

/**
 * /manifest.webmanifest: lets a dispatcher add the console to a phone's or desktop's home screen, named after the
 * company. Served to everyone (proxy.ts lets it through without a session: the sign-in page links it too).
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  // Read per request: the company comes from the server's configuration, not from the build machine's.
  await connection();
  const env = getEnv();
  return {
    name: `Dispatch · ${env.COMPANY_NAME}`,
    short_name: 'Dispatch',
    description: 'Dispatch dashboard for Synchroteam field-service teams',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: env.COMPANY_COLOR,
    icons: [
      { src: '/icon.svg', type: 'image/svg+xml', sizes: 'any' },
      { src: '/icon-192.png', type: 'image/png', sizes: '192x192' },
      { src: '/icon-512.png', type: 'image/png', sizes: '512x512' },
      { src: '/icon-maskable-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
}
