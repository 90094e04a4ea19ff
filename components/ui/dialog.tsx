'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { cn } from './cn';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  /** Buttons at the bottom (the dialog does not add any, so the caller decides what confirms). */
  footer?: React.ReactNode;
  className?: string;
}

/** What gets focus on opening: a field marked data-autofocus, else the first field, else the first button. */
const FIRST = '[data-autofocus], input:not([type=hidden]), select, textarea, button:not([data-dialog-close])';

/**
 * A modal dialog on Radix Dialog: the rest of the page is hidden from assistive technology and out of reach, focus is
 * trapped inside and goes back to the opener on close, Esc or a click outside closes it. Labelled by its title,
 * described by its description. The overlay scrolls a tall dialog (no clipping box around the panel, so a picker's
 * list inside it is never cut off).
 */
export function Dialog({ open, onClose, title, description, children, footer, className }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={(o) => !o && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-slate-900/50 p-4">
          <RadixDialog.Content
            onOpenAutoFocus={(e) => {
              // The dialog's purpose first (its first field or button), not the close button in its header.
              const first = (e.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(FIRST);
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }}
            className={cn('w-full max-w-lg rounded-lg bg-white p-5 text-slate-900 shadow-xl', className)}
          >
            <div className="flex items-start justify-between gap-4">
              <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
              <RadixDialog.Close
                data-dialog-close
                className="-m-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                aria-label="Close"
              >
                <X className="size-5" aria-hidden="true" />
              </RadixDialog.Close>
            </div>
            {description && (
              <RadixDialog.Description asChild>
                <div className="mt-1 text-sm text-slate-600">{description}</div>
              </RadixDialog.Description>
            )}
            {children && <div className="mt-4">{children}</div>}
            {footer && <div className="mt-5 flex flex-wrap justify-end gap-2">{footer}</div>}
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
