/**
 * Class names of the tracking pages. Inputs use 16px text: smaller text makes phones zoom in on focus. Targets are
 * at least 44px high for thumbs.
 */
export const trackInput =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 placeholder:text-slate-400 ' +
  'aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600';

export const trackButton =
  'inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand px-4 py-2.5 text-base font-semibold text-brand-ink ' +
  'hover:brightness-110 disabled:cursor-not-allowed disabled:opacity-60 sm:w-auto';

export const trackCard = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6';
