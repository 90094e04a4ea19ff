'use client';

/**
 * "Changed by someone else" before a save (lib/records/edit-conflict.ts): lists the fields this save would set that
 * someone else changed since the form was opened, their value and ours, and lets the person choose. Used through
 * useConflictPrompt: `ask(conflicts)` opens the dialog and resolves with the choice.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { EditConflict } from '@/lib/records/edit-conflict';
import { api } from '@/lib/queries/client';
import type { RecordKind, RecordTypes } from '@/lib/records/record-kind';
import { recordQueries } from '@/lib/records/record-queries';

export type ConflictChoice = 'overwrite' | 'reload' | 'cancel';

export function useConflictPrompt(noun: string): {
  ask: (c: EditConflict[]) => Promise<ConflictChoice>;
  dialog: ReactNode;
} {
  const [conflicts, setConflicts] = useState<EditConflict[] | null>(null);
  const resolver = useRef<((c: ConflictChoice) => void) | null>(null);
  const ask = useCallback(
    (c: EditConflict[]) =>
      new Promise<ConflictChoice>((resolve) => {
        resolver.current = resolve;
        setConflicts(c);
      }),
    [],
  );
  const choose = (c: ConflictChoice) => {
    resolver.current?.(c);
    resolver.current = null;
    setConflicts(null);
  };
  const dialog = conflicts ? (
    <Dialog
      open
      onClose={() => choose('cancel')}
      title={`This ${noun.toLowerCase()} was changed by someone else`}
      description="Since you opened this form, someone saved other values in fields you changed too. Nothing has been saved yet."
      className="max-w-2xl"
      footer={
        <>
          <Button variant="secondary" onClick={() => choose('cancel')}>
            Keep editing
          </Button>
          <Button variant="secondary" onClick={() => choose('reload')}>
            Reload their version
          </Button>
          <Button variant="danger" onClick={() => choose('overwrite')}>
            Save mine over theirs
          </Button>
        </>
      }
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields changed by someone else</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Saved by someone else
            </th>
            <th scope="col" className="py-1 font-medium">
              Yours
            </th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.label} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
                {c.label}
              </th>
              <td className="break-all py-1.5 pr-3">{c.theirs}</td>
              <td className="break-all py-1.5">{c.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-700">
        “Reload their version” shows the record as it is now (your changes in this form are dropped). “Save mine over
        theirs” replaces their values in these fields with yours.
      </p>
    </Dialog>
  ) : null;
  return { ask, dialog };
}

/**
 * What a record form (customer, site, equipment) needs for edit conflicts: `original`, the record as it was when the
 * form opened (kept even if the query refetches it meanwhile: the save sends what changed from it); `conflicts` for
 * saveRecord, given how a reloaded record goes into the form; the `dialog` to render.
 */
export function useRecordConflicts<K extends RecordKind>(kind: K, noun: string, loaded: RecordTypes[K] | undefined) {
  const qc = useQueryClient();
  const [original, setOriginal] = useState(loaded);
  const { ask, dialog } = useConflictPrompt(noun);
  const conflicts = (resetForm: (r: RecordTypes[K]) => void) => ({
    // Straight from the API, not through the query cache: the form keeps the version it was opened with.
    latest: (id: number) =>
      (api[kind] as unknown as { details: (k: { id: number }) => Promise<RecordTypes[K]> }).details({ id }),
    ask,
    reload: (latest: Record<string, unknown>) => {
      const r = latest as unknown as RecordTypes[K];
      qc.setQueryData(recordQueries(kind).keys.detail(r.id), r);
      setOriginal(r);
      resetForm(r);
      toast(`Reloaded: the form now shows the ${noun.toLowerCase()} as saved by the other person`);
    },
  });
  return { original, conflicts, dialog };
}
