'use client';

import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { explainError } from '@/lib/ui/api-errors';
import { Button, buttonClasses } from './button';
import { cn } from './cn';

/** An error in plain language with the one action that helps (sign in, try again, go home). */
export function ErrorState({
  error,
  onRetry,
  className,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
  compact?: boolean;
}) {
  const e = explainError(error);
  const signInHref =
    typeof window !== 'undefined'
      ? `/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`
      : '/sign-in';
  return (
    <div
      role="alert"
      className={cn('rounded-lg border border-red-200 bg-red-50 text-red-900', compact ? 'p-3' : 'p-5', className)}
    >
      <div className="flex items-start gap-3">
        <AlertTriangle className="mt-0.5 size-5 shrink-0 text-red-700" aria-hidden="true" />
        <div className="min-w-0">
          <p className="font-medium">{e.title}</p>
          <p className="mt-0.5 text-sm text-red-800">{e.message}</p>
          <div className="mt-3 flex gap-2">
            {e.action === 'sign-in' && (
              <a href={signInHref} className={buttonClasses('primary', 'sm')}>
                Sign in again
              </a>
            )}
            {(e.action === 'retry' || e.action === 'none') && onRetry && (
              <Button size="sm" variant="secondary" onClick={onRetry}>
                Try again
              </Button>
            )}
            {e.action === 'home' && (
              <Link href="/" className={buttonClasses('secondary', 'sm')}>
                Go to home
              </Link>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
