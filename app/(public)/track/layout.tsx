import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/server/env';
import { languageOf } from '@/lib/server/track/http';
import { messagesFor } from '@/lib/track/i18n';
import { TrackFrame } from '@/components/track/track-frame';

// Personal pages: rendered per request (Next then sends Cache-Control: private, no-store), never indexed, and the
// tracking link in the address bar is never sent on as a Referer.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: 'no-referrer',
  formatDetection: { telephone: false },
};

export default async function TrackLayout({ children }: { children: React.ReactNode }) {
  const env = getEnv();
  const lang = languageOf(await headers());
  return (
    <TrackFrame company={env.COMPANY_NAME} color={env.COMPANY_COLOR} lang={lang.lang} m={messagesFor(lang.lang)}>
      {children}
    </TrackFrame>
  );
}
