'use client';

/**
 * What can be done to a stored invoice or quotation: move it along its status workflow, duplicate it, cancel it
 * (invoices: optionally with a credit note), convert an accepted quotation to an invoice, print it. Status changes
 * send only {id, status}; they wait while the editor has unsaved changes so the two never race.
 */
import { Ban, Copy, FileOutput, Printer } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button, buttonClasses } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';
import { invoiceFromQuotation } from '@/lib/billing/document-form';
import { canCancel, canConvertToInvoice, statusActionLabel, statusChoices, statusLabel } from '@/lib/billing/statuses';
import { useCancelDocument, useCreateInvoice, useDuplicate, useSetStatus } from '@/lib/queries/invoices';
import type { Invoice } from '@/lib/synchroteam/schemas/invoice';
import type { Quotation } from '@/lib/synchroteam/schemas/quotation';
import { explainError } from '@/lib/ui/api-errors';
import { KIND_LABEL, KIND_PATH } from './document-editor';

const fail = (what: string) => (err: unknown) => {
  const e = explainError(err);
  toast.error(`${what}: ${e.title}`, { description: e.message });
};

export function DocumentActions({ doc, dirty }: { doc: Invoice | Quotation; dirty: boolean }) {
  const kind = doc.type;
  const router = useRouter();
  const setStatus = useSetStatus(kind);
  const duplicate = useDuplicate(kind);
  const cancel = useCancelDocument(kind);
  const convert = useCreateInvoice();
  const [other, setOther] = useState('');
  const [cancelOpen, setCancelOpen] = useState(false);
  const [withCredit, setWithCredit] = useState(true);
  const { next, others } = statusChoices(kind, doc.status);
  const busy = setStatus.isPending || duplicate.isPending || cancel.isPending || convert.isPending;
  const waitForSave = dirty ? 'Save or discard your changes first' : undefined;

  const changeStatus = (status: string) =>
    setStatus.mutate(
      { id: doc.id, status },
      {
        onSuccess: () => toast.success(`${KIND_LABEL[kind]} marked ${statusLabel(status).toLowerCase()}`),
        onError: fail('Status not changed'),
      },
    );

  return (
    <div
      className="no-print mb-5 flex flex-wrap items-center gap-2"
      role="toolbar"
      aria-label={`${KIND_LABEL[kind]} actions`}
    >
      {doc.status !== 'cancelled' && (
        <>
          {next.map((s) => (
            <Button key={s} size="sm" onClick={() => changeStatus(s)} disabled={busy || dirty} title={waitForSave}>
              {statusActionLabel(s)}
            </Button>
          ))}
          <div className="w-36">
            <Select
              className="h-8 py-0"
              value={other}
              onChange={(e) => setOther(e.target.value)}
              disabled={busy || dirty}
              aria-label="Set status to"
            >
              <option value="">Set status…</option>
              {others.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </Select>
          </div>
          <Button
            size="sm"
            variant="secondary"
            disabled={!other || busy || dirty}
            title={waitForSave}
            onClick={() => {
              changeStatus(other);
              setOther('');
            }}
          >
            Apply status
          </Button>
        </>
      )}
      {canConvertToInvoice(doc) && (
        <Button
          size="sm"
          disabled={busy || dirty}
          title={waitForSave}
          busy={convert.isPending}
          busyLabel="Converting…"
          onClick={() =>
            convert.mutate(invoiceFromQuotation(doc as Quotation), {
              onSuccess: (inv) => {
                toast.success(`Invoice #${inv.num} created from quotation #${doc.num}`);
                router.push(`/invoices/${inv.id}`);
              },
              onError: fail('Not converted'),
            })
          }
        >
          <FileOutput className="size-4" aria-hidden="true" />
          Convert to invoice
        </Button>
      )}
      <span className="mx-1 hidden h-6 w-px bg-slate-300 sm:block" aria-hidden="true" />
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        busy={duplicate.isPending}
        busyLabel="Duplicating…"
        onClick={() =>
          duplicate.mutate(doc.id, {
            onSuccess: (id) => {
              toast.success(`Draft copy of ${KIND_LABEL[kind].toLowerCase()} #${doc.num} created`);
              router.push(`${KIND_PATH[kind]}/${id}`);
            },
            onError: fail('Not duplicated'),
          })
        }
      >
        <Copy className="size-4" aria-hidden="true" />
        Duplicate
      </Button>
      <Link href={`${KIND_PATH[kind]}/${doc.id}/print`} className={buttonClasses('secondary', 'sm')}>
        <Printer className="size-4" aria-hidden="true" />
        Print view
      </Link>
      {canCancel(doc) && (
        <Button size="sm" variant="danger" disabled={busy} onClick={() => setCancelOpen(true)}>
          <Ban className="size-4" aria-hidden="true" />
          Cancel {KIND_LABEL[kind].toLowerCase()}
        </Button>
      )}

      <Dialog
        open={cancelOpen}
        onClose={() => setCancelOpen(false)}
        title={`Cancel ${KIND_LABEL[kind].toLowerCase()} #${doc.num}?`}
        description={`A cancelled ${KIND_LABEL[kind].toLowerCase()} cannot be changed again.${dirty ? ' Your unsaved changes will be lost.' : ''}`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setCancelOpen(false)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              busy={cancel.isPending}
              busyLabel="Cancelling…"
              onClick={() =>
                cancel.mutate(
                  { id: doc.id, creditNote: kind === 'invoice' && withCredit },
                  {
                    onSuccess: (r) => {
                      setCancelOpen(false);
                      toast.success(
                        r.idCreditnote
                          ? `Invoice #${doc.num} cancelled; credit note issued`
                          : `${KIND_LABEL[kind]} #${doc.num} cancelled`,
                      );
                    },
                    onError: fail('Not cancelled'),
                  },
                )
              }
            >
              Cancel {KIND_LABEL[kind].toLowerCase()}
            </Button>
          </>
        }
      >
        {kind === 'invoice' && (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              checked={withCredit}
              onChange={(e) => setWithCredit(e.target.checked)}
            />
            <span>
              Issue a credit note for the full amount
              <span className="block text-slate-600">Needed when the invoice was already sent to the customer.</span>
            </span>
          </label>
        )}
      </Dialog>
    </div>
  );
}
