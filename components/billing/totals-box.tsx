import { totalsByRate, editorTotals, type EditorLine } from '@/lib/billing/line-items';
import { formatMoney } from '@/lib/synchroteam/money';

/** Document subtotal, tax (per rate when several are used) and total, computed live by money.ts. */
export function TotalsBox({ lines }: { lines: EditorLine[] }) {
  const t = editorTotals(lines);
  const rates = totalsByRate(lines);
  return (
    <section
      aria-labelledby="totals-heading"
      className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-4 sm:ml-auto"
    >
      <h2 id="totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="space-y-1.5 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600">Subtotal</dt>
          <dd className="tabular-nums" data-testid="doc-subtotal">
            {formatMoney(t.subTotal)}
          </dd>
        </div>
        {rates.length > 1 &&
          rates.map((r) => (
            <div key={r.rate} className="flex justify-between gap-4 pl-3 text-xs text-slate-600">
              <dt>
                Tax {r.rate}% on {formatMoney(r.subTotal)}
              </dt>
              <dd className="tabular-nums">{formatMoney(r.taxAmt)}</dd>
            </div>
          ))}
        <div className="flex justify-between gap-4">
          <dt className="text-slate-600">Tax</dt>
          <dd className="tabular-nums" data-testid="doc-tax">
            {formatMoney(t.taxAmt)}
          </dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="doc-total">
            {formatMoney(t.total)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
