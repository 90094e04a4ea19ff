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
