/** /track — public job lookup: job number + the job's access code (no sign-in). */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/server/env';
import { languageOf } from '@/lib/server/track/http';
import { messagesFor } from '@/lib/track/i18n';
import { TrackLookupForm } from '@/components/track/track-lookup-form';
import { lookupErrorFromQuery } from '@/components/track/lookup-error';
import { trackCard } from '@/components/track/track-styles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const m = messagesFor(languageOf(await headers()).lang);
  return { title: { absolute: `${m.lookupTitle} · ${getEnv().COMPANY_NAME}` } };
}

export default async function TrackLookupPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; retry?: string }>;
}) {
  const m = messagesFor(languageOf(await headers()).lang);
  const { error, retry } = await searchParams;
  return (
    <div className={trackCard}>
      <h1 className="text-2xl font-bold text-slate-900">{m.lookupTitle}</h1>
      <p className="mb-5 mt-1 text-slate-700">{m.lookupIntro}</p>
      <TrackLookupForm m={m} initialError={lookupErrorFromQuery(m, error, retry)} />
      <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">{m.privacyNote}</p>
    </div>
  );
}
