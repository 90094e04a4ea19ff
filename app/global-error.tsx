'use client';

import './globals.css';

/** Last resort when the root layout itself fails: its own html and body, no app components. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="flex min-h-screen items-center justify-center p-4">
          <div
            role="alert"
            className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm"
          >
            <h1 className="text-xl font-semibold">Something went wrong</h1>
            <p className="mt-2 text-sm text-slate-700">Try again in a moment. Nothing you entered has been lost.</p>
            <button
              type="button"
              onClick={reset}
              className="mt-5 inline-flex h-10 items-center rounded-md bg-brand px-4 text-sm font-medium text-brand-ink"
            >
              Try again
            </button>
            {error.digest && <p className="mt-3 text-xs text-slate-500">Reference: {error.digest}</p>}
          </div>
        </main>
      </body>
    </html>
  );
}
