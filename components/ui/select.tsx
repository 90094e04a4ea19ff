import { forwardRef } from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

/** A native select: keyboard, screen readers and mobile pickers work without extra code. */
export const Select = forwardRef<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, children, ...rest },
  ref,
) {
  return (
    <select ref={ref} className={cn(controlClasses, 'h-10 pr-8', className)} {...rest}>
      {children}
    </select>
  );
});

export interface IdSelectProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: number | null | undefined;
  /** Records to choose from, shown by name. */
  options: readonly { id: number; name: string }[] | undefined;
  /** Label of the first option, which stands for "none" (null). */
  none: string;
  onValue: (id: number | null) => void;
}

/** A select of records by id (teams, technicians, job types…) with a first option meaning none or any. */
export function IdSelect({ value, options, none, onValue, ...rest }: IdSelectProps) {
  return (
    <Select {...rest} value={value ?? ''} onChange={(e) => onValue(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{none}</option>
      {(options ?? []).map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}
