'use client';

/**
 * "Changed by someone else" before a save (lib/records/edit-conflict.ts): lists the fields this save would set that
 * someone else changed since the form was opened, their value and ours, and lets the person choose. Used through
 * useConflictPrompt: `ask(conflicts)` opens the dialog and resolves with the choice.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { EditConflict } from '@/lib/records/edit-conflict';

export type ConflictChoice = 'overwrite' | 'reload' | 'cancel';

export function useConflictPrompt(noun: string): { ask: (c: EditConflict[]) => Promise<ConflictChoice>; dialog: ReactNode } {
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
        “Reload their version” shows the record as it is now (your changes in this form are dropped). “Save mine over theirs” replaces their values in
        these fields with yours.
      </p>
    </Dialog>
  ) : null;
  return { ask, dialog };
}
