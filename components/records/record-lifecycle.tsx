'use client';

import { Pencil, Power, PowerOff, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { RecordKind } from '@/lib/records/record-kind';
import { recordQueries } from '@/lib/records/record-queries';
import { explainError } from '@/lib/ui/api-errors';

export interface LifecyclePerms {
  edit: boolean;
  delete: boolean;
  setActive: boolean;
}

/** How long the Undo stays in the toast after a delete. */
const UNDO_MS = 10_000;

/**
 * Edit, activate/deactivate and delete for a detail page. Delete asks first, goes back to the list, and offers Undo
 * (the API's undelete) in the toast; Undo brings the record back and reopens it.
 */
export function RecordLifecycle({
  kind,
  record,
  noun,
  basePath,
  perms,
  deleteNote,
}: {
  kind: RecordKind;
  record: { id: number; name: string; active: boolean };
  noun: string;
  basePath: string;
  perms: LifecyclePerms;
  /** What else the delete affects, said in the dialog. */
  deleteNote?: string;
}) {
  const q = recordQueries(kind);
  const router = useRouter();
  const del = q.useDelete();
  const undelete = q.useUndelete();
  const setActive = q.useSetActive();
  const [confirm, setConfirm] = useState(false);

  const toggleActive = () =>
    setActive.mutate(
      { ids: [record.id], active: !record.active },
      {
        onSuccess: ({ failed }) => {
          if (failed.length) toast.error(explainError(failed[0]!.error).message);
          else toast.success(`${record.name} ${record.active ? 'deactivated' : 'activated'}`);
        },
      },
    );

  const doDelete = () =>
    del.mutate(record.id, {
      onSuccess: () => {
        setConfirm(false);
        router.push(basePath);
        toast(`${noun.charAt(0).toUpperCase() + noun.slice(1)} “${record.name}” deleted`, {
          duration: UNDO_MS,
          action: {
            label: 'Undo',
            // By now this page is gone (we are on the list): per-call mutate callbacks would not run, the promise does.
            onClick: () =>
              void undelete.mutateAsync(record.id).then(
                () => {
                  toast.success(`“${record.name}” restored`);
                  router.push(`${basePath}/${record.id}`);
                },
                (e) => toast.error(`Could not restore: ${explainError(e).message}`),
              ),
          },
        });
      },
      onError: (e) => toast.error(`Could not delete: ${explainError(e).message}`),
    });

  return (
    <>
      {perms.edit && (
        <Link href={`${basePath}/${record.id}/edit`} className={buttonClasses('secondary')}>
          <Pencil className="size-4" aria-hidden="true" />
          Edit
        </Link>
      )}
      {perms.setActive && (
        <Button
          variant="secondary"
          onClick={toggleActive}
          busy={setActive.isPending}
          busyLabel={record.active ? 'Deactivating…' : 'Activating…'}
        >
          {record.active ? (
            <PowerOff className="size-4" aria-hidden="true" />
          ) : (
            <Power className="size-4" aria-hidden="true" />
          )}
          {record.active ? 'Deactivate' : 'Activate'}
        </Button>
      )}
      {perms.delete && (
        <Button variant="secondary" className="text-red-800" onClick={() => setConfirm(true)}>
          <Trash2 className="size-4" aria-hidden="true" />
          Delete
        </Button>
      )}
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Delete ${noun} “${record.name}”?`}
        description={<>{deleteNote ? `${deleteNote} ` : ''}You can undo this for a few seconds after deleting.</>}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              Cancel
            </Button>
            <Button variant="danger" busy={del.isPending} busyLabel="Deleting…" onClick={doDelete}>
              Delete {noun}
            </Button>
          </>
        }
      />
    </>
  );
}
