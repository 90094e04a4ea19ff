'use client';

/**
 * "Customer tracking link" on the job page: mints a link to the customer's tracking page (/track/<token>) when it
 * opens, shows it with a Copy button, its expiry (account zone) and, when the job's contact has an email address, a
 * mailto: link with the message written (the dispatcher's own mail program sends it: the app sends no mail).
 * "Revoke links" (after a confirmation) stops every link of the job sent so far, the one shown included, and changes
 * the job's access code; a new link can be made right after. Each opening makes a new link: links are not stored, only
 * their revocation date is. The access code (job number + code opens the job on /track) is shown for the dispatcher
 * to read out on the phone, and is in the prepared email.
 */
import { Copy, Mail } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { controlClasses } from '@/components/ui/input';
import type { Job } from '@/lib/synchroteam/schemas/job';
import type { RevokeAnswer } from '@/lib/track/share-link';
import { explainError } from '@/lib/ui/api-errors';
import { useTrackingLinkMutations } from '@/lib/queries/tracking-link';

type CopyState = 'idle' | 'copied' | 'manual';

function ErrorNote({ error, onRetry, retryLabel }: { error: unknown; onRetry: () => void; retryLabel: string }) {
  const e = explainError(error);
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>
        <span className="font-medium">{e.title}.</span> {e.message}
      </p>
      {e.action !== 'home' && e.action !== 'sign-in' && (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}

export function JobTrackingLinkDialog({ job, onClose }: { job: Pick<Job, 'id' | 'num'>; onClose: () => void }) {
  const { create: mint, revoke } = useTrackingLinkMutations(job.id, job.num);
  const [confirming, setConfirming] = useState(false);
  const [revoked, setRevoked] = useState<RevokeAnswer | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const inputId = useId();
  const hintId = useId();
  const revokeHeadingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const newLinkRef = useRef<HTMLButtonElement>(null);
  const started = useRef(false);

  // One link per opening (the ref keeps a development double-run of effects from minting twice).
  const { mutate: mintLink } = mint;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mintLink();
  }, [mintLink]);

  function newLink() {
    setRevoked(null);
    setCopy('idle');
    revoke.reset();
    mint.mutate();
  }

  async function copyLink(url: string) {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard access (plain http, a refused permission): select the link for Ctrl+C / long-press.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopy('manual');
    }
  }

  function cancelRevoke() {
    setConfirming(false);
    revoke.reset();
  }

  function doRevoke() {
    revoke.mutate(undefined, {
      onSuccess: (r) => {
        setRevoked(r);
        setConfirming(false);
        setCopy('idle');
        mint.reset();
      },
    });
  }

  const link = revoked ? null : mint.data;

  // Focus follows the step, once React has drawn it: Copy when a link arrives, the safe "Keep the links" when asked to
  // confirm (and "Revoke links" again when that is declined), "Create a new link" after revoking.
  const linkUrl = link?.url;
  useEffect(() => {
    if (linkUrl) copyRef.current?.focus();
  }, [linkUrl]);
  const step = revoked ? 'revoked' : confirming ? 'confirming' : 'idle';
  const lastStep = useRef(step);
  useEffect(() => {
    if (lastStep.current === step) return;
    const from = lastStep.current;
    lastStep.current = step;
    if (step === 'confirming') cancelRef.current?.focus();
    else if (step === 'revoked') newLinkRef.current?.focus();
    else if (from === 'confirming') revokeRef.current?.focus();
  }, [step]);

  return (
    <Dialog
      open
      onClose={onClose}
      title="Customer tracking link"
      description={`A link to the tracking page of job #${job.num}: the customer sees when the visit is planned and when the technician is on the way, without signing in.`}
      className="max-w-xl"
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="space-y-4">
        {revoked ? (
          <div
            role="status"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            <p>
              <span className="font-medium">Links revoked.</span> Every tracking link of job #{job.num} made up to{' '}
              {revoked.revokedLabel} ({revoked.timeZone}) no longer works: it now shows “This link has expired”. The
              job’s access code has changed too: a new link shows the new one.
            </p>
            <Button ref={newLinkRef} variant="primary" size="sm" className="mt-2" onClick={newLink}>
              Create a new link
            </Button>
          </div>
        ) : mint.isError ? (
          <ErrorNote error={mint.error} onRetry={newLink} retryLabel="Try again" />
        ) : !link ? (
          <div role="status" aria-live="polite" aria-busy="true" className="space-y-2">
            <p className="text-sm text-slate-600">Creating a tracking link…</p>
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-5 w-3/4" />
          </div>
        ) : (
          <div className="space-y-2">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
              Tracking link
            </label>
            <div className="flex gap-2">
              <input
                ref={inputRef}
                id={inputId}
                type="text"
                readOnly
                value={link.url}
                aria-describedby={hintId}
                onFocus={(e) => e.currentTarget.select()}
                className={`${controlClasses} h-10 min-w-0 flex-1 font-mono text-xs`}
              />
              <Button ref={copyRef} variant="primary" onClick={() => void copyLink(link.url)}>
                <Copy className="size-4" aria-hidden="true" /> Copy
              </Button>
            </div>
            <p aria-live="polite" className="min-h-5 text-sm text-slate-700">
              {copy === 'copied'
                ? 'Link copied to the clipboard.'
                : copy === 'manual'
                  ? 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.'
                  : ''}
            </p>
            <p id={hintId} className="text-sm text-slate-700">
              Works until <strong className="font-medium text-slate-900">{link.expiresLabel}</strong> ({link.timeZone}).
              After that the customer can look the job up again with its number and access code.
            </p>
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
              <p>
                Access code:{' '}
                <strong
                  className="font-mono text-base font-semibold tracking-wider text-slate-900"
                  data-testid="access-code"
                >
                  {link.accessCode}
                </strong>
              </p>
              <p className="mt-1 text-slate-700">
                With the job number ({job.num}), it opens the job on {link.lookupUrl}. Give it only to the customer; it
                is in the prepared email.
              </p>
            </div>
            {link.email ? (
              <a
                href={link.email.href}
                title={link.email.to}
                className={buttonClasses('secondary', 'md', 'mt-1 max-w-full')}
              >
                <Mail className="size-4 shrink-0" aria-hidden="true" />
                {/* A long address is cut with an ellipsis on a phone; the accessible name keeps all of it. */}
                <span className="min-w-0 truncate">Email the link to {link.email.to}</span>
              </a>
            ) : (
              <p className="text-sm text-slate-600">
                The job has no contact email: paste the link into your own message.
              </p>
            )}
          </div>
        )}

        {/* Not while the first link is on its way: the dialog focuses its first button on opening, never this one. */}
        {!revoked && (mint.isSuccess || mint.isError) && (
          <section aria-labelledby={revokeHeadingId} className="border-t border-slate-200 pt-4">
            <h3 id={revokeHeadingId} className="text-sm font-semibold text-slate-800">
              Sent to the wrong person?
            </h3>
            {link?.revokedLabel && (
              <p className="mt-1 text-sm text-slate-600">Links made up to {link.revokedLabel} were revoked earlier.</p>
            )}
            {!confirming ? (
              <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm text-slate-700">
                  Revoking stops every link of this job sent so far, this one included, and changes its access code.
                </p>
                <Button ref={revokeRef} variant="danger" size="sm" onClick={() => setConfirming(true)}>
                  Revoke links
                </Button>
              </div>
            ) : (
              <div className="mt-2 rounded-md border border-red-200 bg-red-50 p-3">
                <p className="text-sm text-red-900">
                  Revoke every tracking link of job #{job.num} and change its access code? Whoever opens a link will see
                  that it has expired, and the old code no longer works. You can create a new link right after.
                </p>
                {revoke.isError && (
                  <div className="mt-2">
                    <ErrorNote error={revoke.error} onRetry={doRevoke} retryLabel="Try again" />
                  </div>
                )}
                <div className="mt-2 flex flex-wrap justify-end gap-2">
                  <Button ref={cancelRef} variant="secondary" size="sm" onClick={cancelRevoke}>
                    Keep the links
                  </Button>
                  <Button variant="danger" size="sm" busy={revoke.isPending} busyLabel="Revoking…" onClick={doRevoke}>
                    Revoke all links
                  </Button>
                </div>
              </div>
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}
