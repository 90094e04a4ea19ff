import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Dispatch Console', template: '%s · Dispatch Console' },
  description: 'Dispatch dashboard for Synchroteam field-service teams',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its scripts only when rendering,
  // and a page prerendered at build time would carry scripts without it, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
