'use client';

import { BriefcaseBusiness, ClipboardPlus, MessageSquarePlus, Paperclip } from 'lucide-react';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { CustomFieldDef } from '@/lib/synchroteam/schemas/customer';
import { displayCustomValue, sortDefs } from '@/lib/records/custom-fields';
import { errorStatus } from '@/lib/ui/api-errors';
import { Facts, PanelMessage, Section } from './detail-layout';
import type { QuickDialog } from './quick-action-dialogs';

export interface DetailPerms {
  edit: boolean;
  delete: boolean;
  setActive: boolean;
  notes: boolean;
  tasks: boolean;
  attachments: boolean;
  billing: boolean;
  /** The job form exists and the role may create jobs. */
  newJob: boolean;
}

/** Loading and failure of a detail page: skeleton, "gone" (404) with the way back, or the error with retry. */
export function DetailFallback({
  error,
  onRetry,
  back,
}: {
  error: unknown;
  onRetry: () => void;
  back: { href: string; label: string };
}) {
  if (!error) {
    return (
      <div aria-busy="true" aria-label="Loading">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-6 h-8 w-72" />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      </div>
    );
  }
  if (errorStatus(error) === 404) {
    return (
      <EmptyState
        title="This record is gone"
        action={
          <Link href={back.href} className={buttonClasses('secondary')}>
            {back.label}
          </Link>
        }
      >
        It may have been deleted.
      </EmptyState>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** The quick actions row: note, task, attachment (and "new job" once the job form exists). */
export function QuickActions({
  perms,
  onOpen,
  newJobHref,
}: {
  perms: DetailPerms;
  onOpen: (d: QuickDialog) => void;
  newJobHref?: string;
}) {
  if (!perms.notes && !perms.tasks && !perms.attachments && !perms.newJob) return null;
  return (
    <div role="group" aria-label="Quick actions" className="mb-5 flex flex-wrap gap-2">
      {perms.newJob && newJobHref && (
        <Link href={newJobHref} className={buttonClasses('primary', 'sm')}>
          <BriefcaseBusiness className="size-4" aria-hidden="true" />
          New job
        </Link>
      )}
      {perms.notes && (
        <Button size="sm" variant="secondary" onClick={() => onOpen('note')}>
          <MessageSquarePlus className="size-4" aria-hidden="true" />
          Add note
        </Button>
      )}
      {perms.tasks && (
        <Button size="sm" variant="secondary" onClick={() => onOpen('task')}>
          <ClipboardPlus className="size-4" aria-hidden="true" />
          Add task
        </Button>
      )}
      {perms.attachments && (
        <Button size="sm" variant="secondary" onClick={() => onOpen('attachment')}>
          <Paperclip className="size-4" aria-hidden="true" />
          Attach link or file
        </Button>
      )}
    </div>
  );
}

/** Custom field values with their definitions' labels and order (checkboxes as Yes/No). */
export function CustomFieldsSection({
  values,
  defs,
}: {
  values: { id: number; label: string; value: string }[];
  defs: CustomFieldDef[] | undefined;
}) {
  const ordered = defs ? sortDefs(defs) : [];
  const items: [string, React.ReactNode][] = ordered.length
    ? ordered.map((d) => [d.label, displayCustomValue(d, values.find((v) => v.id === d.id)?.value ?? '')])
    : values.map((v) => [v.label, displayCustomValue(undefined, v.value)]);
  return (
    <Section title="Custom fields">
      {items.length ? <Facts items={items} /> : <PanelMessage>No custom fields for this kind of record.</PanelMessage>}
    </Section>
  );
}

export function addressLines(r: {
  address?: string | null;
  addressStreet?: string | null;
  addressComplement?: string | null;
  addressCity?: string | null;
  addressProvince?: string | null;
  addressZIP?: string | null;
  addressCountry?: string | null;
}): string[] {
  const lines = [
    r.addressStreet,
    r.addressComplement,
    [r.addressCity, [r.addressProvince, r.addressZIP].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    r.addressCountry,
  ]
    .map((s) => (s ?? '').trim())
    .filter(Boolean);
  return lines.length ? lines : r.address ? [r.address] : [];
}
