import { cn } from './cn';

/** A grey placeholder of fixed size, so content does not jump when it arrives. Hidden from screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-slate-200', className)} />;
}
