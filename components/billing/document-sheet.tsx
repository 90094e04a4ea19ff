/**
 * A stored document as it reads: parties, references, lines and the API's own totals. Used read-only (credit notes,
 * cancelled documents) and, with the company header, as the printable page.
 */
import Link from 'next/link';
import type { Invoice } from '@/lib/synchroteam/schemas/invoice';
import type { Quotation } from '@/lib/synchroteam/schemas/quotation';
import type { CreditNote } from '@/lib/synchroteam/schemas/creditnote';
import { formatMoney, parseDecimal } from '@/lib/synchroteam/money';
import { statusLabel } from '@/lib/billing/statuses';
import { datePart } from '@/lib/synchroteam/dates';

export type AnyDocument = Invoice | Quotation | CreditNote;

const money = (v: string | number) => formatMoney(typeof v === 'number' ? v : (parseDecimal(v)?.toNumber() ?? 0));
const pct = (v: string) => `${parseDecimal(v)?.toFixed(2) ?? v}%`;
const qty = (v: string) => parseDecimal(v)?.toFixed() ?? v;

export const TITLES = { invoice: 'Invoice', quotation: 'Quotation', creditnote: 'Credit note' } as const;

export function documentTitle(d: AnyDocument): string {
  return d.num ? `${TITLES[d.type]} #${d.num}` : `Draft ${TITLES[d.type].toLowerCase()} (not numbered yet)`;
}

export function DocumentSheet({
  doc,
  links = true,
  print = false,
}: {
  doc: AnyDocument;
  links?: boolean;
  print?: boolean;
}) {
  const hasDiscount = doc.lines.some((l) => parseDecimal(l.discountPercent)?.greaterThan(0));
  const credited = doc.type === 'creditnote' ? doc.invoice : null;
  return (
    <div className="space-y-5">
      <dl
        className={
          print
            ? 'grid grid-cols-2 gap-x-8 gap-y-2 text-sm'
            : 'grid gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4'
        }
      >
        {/* On paper the customer and site head the page (document-print.tsx). */}
        {!print && <Item label="Customer">{doc.customer.name ?? `#${doc.customer.id}`}</Item>}
        {!print && <Item label="Site">{doc.site?.name ?? '—'}</Item>}
        <Item label="Job">
          {doc.job ? (
            links ? (
              <Link
                className="text-brand underline-offset-2 hover:underline"
                href={`/jobs/${encodeURIComponent(doc.job.id)}`}
              >
                #{doc.job.num ?? doc.job.id}
              </Link>
            ) : (
              `#${doc.job.num ?? doc.job.id}`
            )
          ) : (
            '—'
          )}
        </Item>
        {!print && <Item label="Reference">{doc.reference ?? '—'}</Item>}
        {!print && <Item label="Status">{statusLabel(doc.status)}</Item>}
        {!print && <Item label="Created">{datePart(doc.dateCreated)}</Item>}
        {doc.type === 'invoice' && (!print || doc.paymentDate) && (
          <Item label="Payment date">{doc.paymentDate ?? '—'}</Item>
        )}
        {credited && (
          <Item label="Credits invoice">
            {links ? (
              <Link className="text-brand underline-offset-2 hover:underline" href={`/invoices/${credited.id}`}>
                #{credited.num ?? credited.id}
              </Link>
            ) : (
              `#${credited.num ?? credited.id}`
            )}
          </Item>
        )}
      </dl>
      {doc.description && <p className="whitespace-pre-line text-sm text-slate-800">{doc.description}</p>}

      {/* On a phone the print view's lines scroll inside their frame; on paper they are laid out whole. */}
      <div
        className={
          print
            ? 'relative overflow-x-auto print:overflow-visible'
            : 'relative overflow-x-auto rounded-lg border border-slate-200 bg-white'
        }
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Lines</caption>
          <thead className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Description
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Qty
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Unit price
              </th>
              {hasDiscount && (
                <th scope="col" className="px-3 py-2 text-right">
                  Discount
                </th>
              )}
              <th scope="col" className="px-3 py-2 text-right">
                Tax
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Subtotal
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {doc.lines.map((l, i) => (
              <tr key={i} className="break-inside-avoid align-top">
                <td className="px-3 py-2">
                  {/* A table cell has room for the lines a description was written with (a part's "…\nStocked item"). */}
                  <span className="whitespace-pre-line">{l.description || '—'}</span>
                  {l.partReference && <span className="block text-xs text-slate-500">{l.partReference}</span>}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{qty(l.quantity)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(l.unitPrice)}</td>
                {hasDiscount && <td className="px-3 py-2 text-right tabular-nums">{pct(l.discountPercent)}</td>}
                <td className="px-3 py-2 text-right tabular-nums">
                  {pct(l.taxRate)}
                  <span className="block text-xs text-slate-500">{money(l.taxAmt)}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{money(l.subTotal)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(l.total)}</td>
              </tr>
            ))}
            {doc.lines.length === 0 && (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-center text-slate-600">
                  No lines.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <dl className="ml-auto w-full max-w-xs space-y-1 text-sm break-inside-avoid">
        <div className="flex justify-between">
          <dt className="text-slate-600">Subtotal</dt>
          <dd className="tabular-nums" data-testid="sheet-subtotal">
            {money(doc.subtotal)}
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Tax</dt>
          <dd className="tabular-nums" data-testid="sheet-tax">
            {money(doc.taxAmt)}
          </dd>
        </div>
        <div className="flex justify-between border-t border-slate-300 pt-1 text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="sheet-total">
            {money(doc.total)}
          </dd>
        </div>
      </dl>
      {doc.type !== 'creditnote' && doc.customFieldValues.some((c) => c.value) && (
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {doc.customFieldValues
            .filter((c) => c.value)
            .map((c, i) => (
              <Item key={`${c.id}-${i}`} label={c.label}>
                {c.value}
              </Item>
            ))}
        </dl>
      )}
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="truncate text-slate-900">{children}</dd>
    </div>
  );
}
