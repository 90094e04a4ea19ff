'use client';

/**
 * The lookup form. Posts JSON to /api/track/lookup and opens the tracking link. Before the script has loaded (slow
 * phone), the same form posts natively to the same route, which redirects: it works either way.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Messages } from '@/lib/track/i18n';
import { parseJobNumber } from '@/lib/track/input';
import { normaliseAccessCode } from '@/lib/track/access-code-text';
import { trackButton, trackInput } from './track-styles';

type Values = { jobNumber: string; proof: string };

export function TrackLookupForm({ m, initialError }: { m: Messages; initialError?: string | null }) {
  const schema = z.object({
    jobNumber: z.string().refine((s) => parseJobNumber(s) !== null, m.errorJobNumber),
    proof: z.string().refine((s) => normaliseAccessCode(s.trim()) !== '', m.errorProof),
  });
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { jobNumber: '', proof: '' },
  });
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      const res = await fetch('/api/track/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(values),
        cache: 'no-store',
      });
      const body = (await res.json().catch(() => ({}))) as { url?: string; message?: string; field?: keyof Values };
      if (res.ok && body.url) {
        // A full load: the tracking page arrives server-rendered, with its data, in one round trip.
        window.location.assign(body.url);
        return;
      }
      if (res.status === 400 && body.field) setError(body.field, { message: body.message });
      else setFormError(body.message || m.errorBusy);
    } catch {
      setFormError(m.errorNetwork);
    }
    setBusy(false);
  });

  const described = (name: keyof Values) =>
    [`${name}-hint`, errors[name] ? `${name}-error` : null].filter(Boolean).join(' ');

  return (
    <form method="post" action="/api/track/lookup" onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="space-y-1.5">
        <label htmlFor="jobNumber" className="block font-medium text-slate-900">
          {m.jobNumberLabel}
        </label>
        <input
          id="jobNumber"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="next"
          className={trackInput}
          aria-invalid={!!errors.jobNumber}
          aria-describedby={described('jobNumber')}
          {...register('jobNumber')}
        />
        <p id="jobNumber-hint" className="text-sm text-slate-600">
          {m.jobNumberHint}
        </p>
        {errors.jobNumber && (
          <p id="jobNumber-error" className="text-sm font-medium text-red-700">
            {errors.jobNumber.message}
          </p>
        )}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="proof" className="block font-medium text-slate-900">
          {m.proofLabel}
        </label>
        <input
          id="proof"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          enterKeyHint="go"
          className={trackInput}
          aria-invalid={!!errors.proof}
          aria-describedby={described('proof')}
          {...register('proof')}
        />
        <p id="proof-hint" className="text-sm text-slate-600">
          {m.proofHint}
        </p>
        {errors.proof && (
          <p id="proof-error" className="text-sm font-medium text-red-700">
            {errors.proof.message}
          </p>
        )}
      </div>
      <div role="alert" aria-live="assertive">
        {formError && <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-800">{formError}</p>}
      </div>
      <button type="submit" className={trackButton} disabled={busy} aria-busy={busy || undefined}>
        {busy ? m.lookupSubmitting : m.lookupSubmit}
      </button>
    </form>
  );
}
