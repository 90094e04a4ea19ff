'use client';

/**
 * The customer's job page: status in words and on the progress line, the ETA or arrival window, the details, and
 * the two ways to reach the office. It refreshes itself from /api/track/[token] as often as the job's moment needs
 * (view.refreshAfter), only while the page is visible; a failed refresh keeps what is shown.
 */
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fill, type Messages } from '@/lib/track/i18n';
import type { TrackView, TrackViewAnswer } from '@/lib/track/view-types';
import { TrackProgress } from './track-progress';
import { TrackNoteForm } from './track-note-form';
import { trackCard } from './track-styles';

function sentence(v: TrackView, m: Messages): string {
  const name = v.technicianFirstName ?? m.yourTechnician;
  switch (v.stage) {
    case 'received':
      return m.say_received;
    case 'scheduled':
      return v.finishingPrevious ? fill(m.say_finishing, { name }) : m.say_scheduled;
    case 'on_the_way':
      return fill(m.say_on_the_way, { name });
    case 'in_progress':
      return fill(v.paused ? m.say_paused : m.say_in_progress, { name });
    case 'done':
      return m.say_done;
    case 'cancelled':
      return m.say_cancelled;
  }
}

export function TrackJobView({ token, initial, m }: { token: string; initial: TrackView; m: Messages }) {
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      const res = await fetch(`/api/track/${token}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
      const body = (await res.json().catch(() => null)) as TrackViewAnswer | { message?: string } | null;
      if (res.ok && body && 'ok' in body && body.ok) {
        setView(body.view);
        setFailed(false);
      } else if (res.status === 410 || res.status === 404) {
        setEnded((body as { message?: string } | null)?.message ?? m.linkExpiredTitle);
      } else {
        setFailed(true);
      }
    } catch {
      setFailed(true);
    }
    setBusy(false);
  }, [token, m]);

  useEffect(() => {
    if (!view.refreshAfter || ended) return;
    const arm = (ms: number) => {
      timer.current = setTimeout(() => {
        // Hidden tabs do not spend the shared API budget; they catch up when shown again.
        if (document.visibilityState === 'visible') void refresh();
        else arm(ms);
      }, ms);
    };
    arm(view.refreshAfter * 1000);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [view, ended, refresh]);

  const detail = (label: string, value: React.ReactNode) => (
    <div className="py-2.5 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900 sm:col-span-2 sm:mt-0">{value}</dd>
    </div>
  );

  return (
    <div className="space-y-4">
      <section aria-labelledby="job-heading" className={trackCard}>
        <h1 id="job-heading" className="text-sm font-medium uppercase tracking-wide text-slate-600">
          {fill(m.jobHeading, { number: view.number })}
        </h1>
        <div aria-live="polite" aria-atomic="true">
          <p className="mt-1 text-2xl font-bold text-slate-900">{m[`stage_${view.stage}`]}</p>
          <p className="mt-1 text-slate-700">{sentence(view, m)}</p>
          {view.eta && (
            <div className="mt-4 rounded-lg border-l-4 border-brand bg-slate-50 px-3 py-2.5">
              <p className="text-sm text-slate-600">{m.etaLabel}</p>
              <p className="text-xl font-semibold text-slate-900">{view.eta}</p>
              <p className="mt-0.5 text-xs text-slate-600">{m.etaNote}</p>
            </div>
          )}
        </div>
        {view.stage !== 'cancelled' && (
          <div className="mt-5">
            <TrackProgress stage={view.stage} m={m} />
          </div>
        )}
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
          <p>
            {fill(m.updatedAt, { time: view.updatedAt })}
            {failed ? <span className="ml-1 text-amber-800">{m.errorNetwork}</span> : null}
          </p>
          {!ended && (
            <button
              type="button"
              onClick={() => void refresh()}
              disabled={busy}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
            >
              {busy ? m.refreshing : m.refresh}
            </button>
          )}
        </div>
        {ended && (
          <p role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
            {ended}{' '}
            <Link href="/track" className="font-medium underline">
              {m.lookupAgain}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="details-heading" className={trackCard}>
        <h2 id="details-heading" className="text-lg font-semibold text-slate-900">
          {m.detailsHeading}
        </h2>
        <dl className="mt-1 divide-y divide-slate-100">
          {view.completedAt && detail(m.completedLabel, view.completedAt)}
          {view.stage !== 'done' && view.stage !== 'cancelled' && detail(m.dateLabel, view.date ?? m.notPlannedYet)}
          {view.arrivalWindow && detail(m.arrivalWindowLabel, view.arrivalWindow)}
          {view.technicianFirstName && detail(m.technicianLabel, view.technicianFirstName)}
          {view.addressLines.length > 0 &&
            detail(
              m.addressLabel,
              view.addressLines.map((l, i) => (
                <span key={i} className="block">
                  {l}
                </span>
              )),
            )}
          {view.description && detail(m.workLabel, <span className="whitespace-pre-line">{view.description}</span>)}
        </dl>
        {(view.arrivalWindow || view.eta || view.completedAt) && (
          <p className="mt-2 text-xs text-slate-600">{m.timesNote}</p>
        )}
      </section>

      {!ended && (
        <section aria-labelledby="message-heading" className={trackCard}>
          <h2 id="message-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {m.messageHeading}
          </h2>
          <TrackNoteForm
            endpoint={`/api/track/${token}/message`}
            label={m.messageLabel}
            hint={m.messageHint}
            submit={m.messageSend}
            m={m}
          />
        </section>
      )}

      {!ended && view.canReschedule && (
        <section aria-labelledby="reschedule-heading" className={trackCard}>
          <details>
            <summary className="cursor-pointer list-none text-lg font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
              <span id="reschedule-heading">{m.rescheduleHeading}</span>
              <span aria-hidden="true" className="float-right text-slate-500">
                ▾
              </span>
            </summary>
            <p className="mb-3 mt-2 text-slate-700">{m.rescheduleIntro}</p>
            <TrackNoteForm
              endpoint={`/api/track/${token}/reschedule`}
              label={m.rescheduleLabel}
              hint={m.rescheduleHint}
              submit={m.rescheduleSend}
              m={m}
            />
          </details>
        </section>
      )}
    </div>
  );
}
