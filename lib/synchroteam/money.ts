/**
 * Decimal-safe money: the one totals module used by the editors, previews, the sandbox and the tests.
 *
 * Line:      subTotal = round2(qty × unitPrice × (1 − discount/100))
 *            taxAmt   = round2(subTotal × taxRate/100)
 *            total    = subTotal + taxAmt
 * Document:  sums of the lines.
 * round2 is half away from zero (ROUND_HALF_UP on magnitudes), as accounting expects.
 * Amounts travel as numbers in JSON (as the API does) but are computed as Decimals; inputs accept "1,5" as 1.5.
 */
import Decimal from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type DecimalInput = number | string | null | undefined;

/** Parses a decimal from a number or text ("12.5", "12,5", " 3 "). Returns null when it is not a number. */
export function parseDecimal(v: DecimalInput): Decimal | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? new D(v) : null;
  const s = String(v).trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return new D(s);
}

export function round2(x: Decimal.Value): Decimal {
  return new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export interface LineInput {
  quantity: DecimalInput;
  unitPrice: DecimalInput;
  discount?: DecimalInput;
  taxRate?: DecimalInput;
}

export interface LineTotals {
  subTotal: number;
  taxAmt: number;
  total: number;
}

export interface DocumentTotals {
  subTotal: number;
  taxAmt: number;
  total: number;
}

function dec(v: DecimalInput, fallback = 0): Decimal {
  return parseDecimal(v) ?? new D(fallback);
}

export function lineTotalsDecimal(line: LineInput): { subTotal: Decimal; taxAmt: Decimal; total: Decimal } {
  const qty = dec(line.quantity);
  const price = dec(line.unitPrice);
  const discount = dec(line.discount);
  const rate = dec(line.taxRate);
  const subTotal = round2(qty.mul(price).mul(new D(1).minus(discount.div(100))));
  const taxAmt = round2(subTotal.mul(rate).div(100));
  return { subTotal, taxAmt, total: subTotal.plus(taxAmt) };
}

export function lineTotals(line: LineInput): LineTotals {
  const t = lineTotalsDecimal(line);
  return { subTotal: t.subTotal.toNumber(), taxAmt: t.taxAmt.toNumber(), total: t.total.toNumber() };
}

export function documentTotals(lines: LineInput[]): DocumentTotals {
  let subTotal = new D(0);
  let taxAmt = new D(0);
  for (const l of lines) {
    const t = lineTotalsDecimal(l);
    subTotal = subTotal.plus(t.subTotal);
    taxAmt = taxAmt.plus(t.taxAmt);
  }
  return { subTotal: subTotal.toNumber(), taxAmt: taxAmt.toNumber(), total: subTotal.plus(taxAmt).toNumber() };
}

/** Sum of amounts without float drift. */
export function sumMoney(values: DecimalInput[]): number {
  return values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), new D(0)).toNumber();
}

/** "1234.5" → "1,234.50" in the given locale and currency. */
export function formatMoney(amount: number, currency = 'USD', locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}
