'use client';

import { useEffect } from 'react';
import { ErrorState } from '@/components/ui/error-state';

/**
 * Console error boundary. Errors thrown by server components arrive without their details in production (only a
 * digest), so they read as "something went wrong, try again"; client errors with a status are explained by it.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-8">
      <h1 className="sr-only">Error</h1>
      <ErrorState error={error.digest && !('status' in error) ? { status: 500 } : error} onRetry={reset} />
      {error.digest && <p className="mt-2 text-xs text-slate-500">Reference: {error.digest}</p>}
    </div>
  );
}
