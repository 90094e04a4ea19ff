'use client';

import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { PendingPlacement } from './use-board-actions';
import { minutePart, timeOfDay } from '@/lib/synchroteam/dates';

/** Shown before saving a placement that has warnings: the dispatcher may proceed or leave the job where it was. */
export function WarningDialog({
  pending,
  technicianName,
  onProceed,
  onCancel,
}: {
  pending: PendingPlacement | null;
  technicianName: string;
  onProceed: () => void;
  onCancel: () => void;
}) {
  const r = pending?.request;
  return (
    <Dialog
      open={!!pending}
      onClose={onCancel}
      title="Schedule anyway?"
      description={
        r ? `Job #${r.job.num} for ${technicianName}, ${minutePart(r.start)} – ${timeOfDay(r.end)}` : undefined
      }
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Don’t schedule
          </Button>
          <Button onClick={onProceed} data-autofocus>
            Schedule anyway
          </Button>
        </>
      }
    >
      <ul className="space-y-2" aria-label="Warnings">
        {pending?.warnings.map((w, i) => (
          <li key={i} className="flex gap-2 text-sm text-amber-900">
            <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
            <span>{w.message}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
