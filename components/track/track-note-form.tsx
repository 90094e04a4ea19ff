'use client';

/** A short text for the office (a message, or the dates that suit for a reschedule), sent to a tracking route. */
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from '@/lib/track/input';
import type { Messages } from '@/lib/track/i18n';
import { trackButton, trackInput } from './track-styles';

export function TrackNoteForm({
  endpoint,
  label,
  hint,
  submit,
  m,
}: {
  endpoint: string;
  label: string;
  hint: string;
  submit: string;
  m: Messages;
}) {
  const id = useId();
  const schema = z.object({
    text: z.string().trim().min(1, m.errorMessageEmpty).max(MAX_MESSAGE_LENGTH, m.errorMessageLong),
  });
  const { register, handleSubmit, setError, reset, formState } = useForm<{ text: string }>({
    resolver: zodResolver(schema),
    defaultValues: { text: '' },
  });
  const [status, setStatus] = useState<{ kind: 'sent' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const error = formState.errors.text?.message;

  const onSubmit = handleSubmit(async ({ text }) => {
    setBusy(true);
    setStatus(null);
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ text }),
        cache: 'no-store',
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string; field?: string };
      if (res.ok) {
        reset();
        setStatus({ kind: 'sent', text: body.message || m.messageSent });
      } else if (res.status === 400 && body.field === 'text') {
        // The text stays in the box: nothing typed is lost.
        setError('text', { message: body.message });
      } else {
        setStatus({ kind: 'error', text: body.message || m.errorBusy });
      }
    } catch {
      setStatus({ kind: 'error', text: m.errorNetwork });
    }
    setBusy(false);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor={`${id}-text`} className="block font-medium text-slate-900">
          {label}
        </label>
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={MAX_MESSAGE_LENGTH + 200}
          className={trackInput}
          aria-invalid={!!error}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          {...register('text')}
        />
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
        {error && (
          <p id={`${id}-error`} className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
      <div role="status" aria-live="polite">
        {status && (
          <p
            className={
              status.kind === 'sent'
                ? 'rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900'
                : 'rounded-lg bg-red-50 px-3 py-2 text-red-800'
            }
          >
            {status.text}
          </p>
        )}
      </div>
      <button type="submit" className={trackButton} disabled={busy} aria-busy={busy || undefined}>
        {busy ? m.messageSending : submit}
      </button>
    </form>
  );
}
