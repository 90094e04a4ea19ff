'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Toaster } from 'sonner';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { ApiError } from '@/lib/synchroteam/errors';

/** react-query, URL state and toasts for the signed-in console. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            // Cached data first: a list or page opened again within a working session shows what it last showed (marked
            // as updating) while it is read again, instead of a skeleton; react-query's default forgets after 5 min.
            // The board and the map keep their own, shorter time (a week of jobs is large).
            gcTime: 30 * 60_000,
            // The server gateway already retries what is safe to retry; the browser retries only transient errors once.
            retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status < 500 && err.status !== 429),
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      {/* URL state (filters, dates, selection) for every console page. */}
      <NuqsAdapter>{children}</NuqsAdapter>
      <Toaster position="bottom-right" richColors closeButton />
    </QueryClientProvider>
  );
}
