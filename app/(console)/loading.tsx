import { PendingPageMarker } from '@/components/layout/budget-wait';
import { Skeleton } from '@/components/ui/skeleton';

/**
 * Shown while a console page loads: the shape of a page header and cards, so nothing jumps when content lands; a wait
 * for the API budget is said by the shell (components/layout/budget-wait.tsx).
 */
export default function ConsoleLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      {/* The shell's notice says so when the page waits for the shared API budget. */}
      <PendingPageMarker />
      <div className="mb-5">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="mt-2 h-4 w-80 max-w-full" />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="mt-6 h-64" />
    </div>
  );
}
