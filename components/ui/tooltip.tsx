'use client';

import * as RadixTooltip from '@radix-ui/react-tooltip';
import { cn } from './cn';

export interface TooltipProps {
  /** The trigger: one focusable element (a button), which the tooltip describes while open. */
  children: React.ReactElement;
  content: React.ReactNode;
  side?: 'top' | 'right' | 'bottom' | 'left';
  className?: string;
}

/**
 * A tooltip on Radix Tooltip: shown on hover and on keyboard focus of its trigger, hidden on Esc, on leaving and on
 * blur; role="tooltip" and tied to the trigger with aria-describedby while shown. For a short description of a
 * control, never for something a person must read to act (touch screens have no hover).
 */
export function Tooltip({ children, content, side = 'bottom', className }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={200}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            side={side}
            sideOffset={4}
            collisionPadding={8}
            className={cn(
              'z-50 w-72 rounded-md border border-slate-200 bg-white p-3 text-left text-xs font-normal text-slate-700 shadow-lg',
              className,
            )}
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
