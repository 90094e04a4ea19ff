/**
 * /track/<token> — a customer's job, from a signed, expiring link (no sign-in). Server-rendered with its data so a
 * slow phone shows the answer on the first response; the client part then refreshes it.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/server/env';
import Link from 'next/link';
import { languageOf } from '@/lib/server/track/http';
import { checkToken } from '@/lib/server/track/token-guard';
import { loadTrackView, type LoadedView } from '@/lib/server/track/view';
import { messagesFor, type Messages } from '@/lib/track/i18n';
import { TrackJobView } from '@/components/track/track-job-view';
import { TrackLookupForm } from '@/components/track/track-lookup-form';
import { trackCard } from '@/components/track/track-styles';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const m = messagesFor(languageOf(await headers()).lang);
  return { title: { absolute: `${m.lookupTitle} · ${getEnv().COMPANY_NAME}` } };
}

function Problem({ title, text, m, lookup = true }: { title: string; text: string; m: Messages; lookup?: boolean }) {
  return (
    <div className={trackCard}>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mb-5 mt-1 text-slate-700">{text}</p>
      {lookup ? (
        <TrackLookupForm m={m} />
      ) : (
        <Link href="/track" className="font-medium text-slate-900 underline">
          {m.lookupAgain}
        </Link>
      )}
    </div>
  );
}

export default async function TrackJobPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lang = languageOf(await headers());
  const m = messagesFor(lang.lang);
  const t = checkToken(token);
  if (!t.ok) {
    return t.reason === 'expired' ? (
      <Problem title={m.linkExpiredTitle} text={m.linkExpiredText} m={m} />
    ) : (
      <Problem title={m.linkInvalidTitle} text={m.linkInvalidText} m={m} />
    );
  }
  let loaded: LoadedView;
  try {
    loaded = await loadTrackView(t.jobId, lang, 'background');
  } catch {
    return (
      <div className={trackCard} role="alert">
        <p className="text-slate-900">{m.errorBusy}</p>
        <a href="" className="mt-3 inline-block font-medium underline">
          {m.refresh}
        </a>
      </div>
    );
  }
  if (loaded.kind === 'gone') return <Problem title={m.jobGoneTitle} text={m.jobGoneText} m={m} lookup={false} />;
  return <TrackJobView token={token} initial={loaded.view} m={m} />;
}
