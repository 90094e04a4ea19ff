'use client';

/** One choice among a few, as a row of toggle buttons (aria-pressed) in a named group: the board's view and density. */
export interface SegmentedControlProps<T extends string> {
  label: string;
  options: Record<T, string>;
  value: T;
  onChange: (v: T) => void;
}

export function SegmentedControl<T extends string>({ label, options, value, onChange }: SegmentedControlProps<T>) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-slate-300">
      {(Object.keys(options) as T[]).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={value === v}
          onClick={() => onChange(v)}
          className="h-8 px-3 text-sm first:rounded-l-md last:rounded-r-md aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {options[v]}
        </button>
      ))}
    </div>
  );
}
