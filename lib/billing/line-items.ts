/**
 * Line items of the invoice and quotation editor, as the form holds them: every amount is the text the user typed
 * (so "12,5" stays "12,5" until it is sent, and nothing is ever a float). Totals come from lib/synchroteam/money.ts,
 * the same module the API side (sandbox) and the tests use, so the screen shows what the API will compute.
 *
 * Pure: line operations return new arrays; the editor feeds them to react-hook-form's field array.
 */
import { documentTotals, lineTotals, parseDecimal, type DocumentTotals, type LineTotals } from '../synchroteam/money';
import type { BillingLine } from '../synchroteam/schemas/invoice';
import type { Part } from '../synchroteam/schemas/part';
import type { Tax } from '../synchroteam/schemas/tax';
import { singleLine } from '../ui/format';

export interface EditorLine {
  description: string;
  partReference: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

export const LINE_FIELDS = [
  'description',
  'partReference',
  'quantity',
  'unitPrice',
  'discountPercent',
  'taxRate',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** The account's default tax rate ("10.00"), else the first active one, else "0.00". */
export function defaultTaxRate(taxes: readonly Tax[]): string {
  const active = taxes.filter((t) => !t.deleted);
  return (active.find((t) => t.default) ?? active[0])?.rate ?? '0.00';
}

export function blankLine(taxRate = '0.00'): EditorLine {
  return { description: '', partReference: '', quantity: '1', unitPrice: '', discountPercent: '0', taxRate };
}

/**
 * A catalogue part fills description, unit price and its own tax rate (the default tax when it has none). The line's
 * description is a single-line field: a part description's line breaks become separators (lib/ui/format.ts
 * singleLine), so the line shows and saves "Anode Rod Magnesium · Stocked item", not the lines run together.
 */
export function lineFromPart(part: Part, fallbackTaxRate: string, quantity = '1'): EditorLine {
  return {
    description: part.description?.trim() ? singleLine(part.description) : part.name,
    partReference: part.reference ?? '',
    quantity,
    unitPrice: part.price,
    discountPercent: '0',
    taxRate: part.tax?.rate ?? fallbackTaxRate,
  };
}

/** Keeps what the user set on the line (quantity, discount) when a part is picked for it. */
export function applyPart(line: EditorLine, part: Part, fallbackTaxRate: string): EditorLine {
  const filled = lineFromPart(part, fallbackTaxRate, line.quantity || '1');
  return { ...filled, discountPercent: line.discountPercent || '0' };
}

/**
 * A stored line (API strings) → an editor line. A description saved with line breaks (from a part, or by another
 * tool) is shown on one line with separators, and saved that way: a text input cannot hold the breaks, and would
 * otherwise show, then save once edited, the lines run together.
 */
export function lineFromApi(l: Pick<BillingLine, LineField>): EditorLine {
  return {
    description: singleLine(l.description ?? ''),
    partReference: l.partReference ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
    taxRate: l.taxRate,
  };
}

// ---------- operations ----------

export function addLine(lines: readonly EditorLine[], line: EditorLine): EditorLine[] {
  return [...lines, line];
}

export function removeLine(lines: readonly EditorLine[], index: number): EditorLine[] {
  return lines.filter((_, i) => i !== index);
}

/** Moves the line at `from` to `to` (both clamped); the others keep their order. */
export function moveLine(lines: readonly EditorLine[], from: number, to: number): EditorLine[] {
  const out = [...lines];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [l] = out.splice(from, 1);
  out.splice(target, 0, l!);
  return out;
}

/** Inserts a copy of the line right after it. */
export function duplicateLine(lines: readonly EditorLine[], index: number): EditorLine[] {
  if (index < 0 || index >= lines.length) return [...lines];
  const out = [...lines];
  out.splice(index + 1, 0, { ...lines[index]! });
  return out;
}

// ---------- totals ----------

const moneyInput = (l: EditorLine) => ({
  quantity: l.quantity,
  unitPrice: l.unitPrice,
  discount: l.discountPercent,
  taxRate: l.taxRate,
});

/** Live totals of one line (an unreadable amount counts as 0 until it is fixed; validation says so beside it). */
export function editorLineTotals(line: EditorLine): LineTotals {
  return lineTotals(moneyInput(line));
}

export function editorTotals(lines: readonly EditorLine[]): DocumentTotals {
  return documentTotals(lines.map(moneyInput));
}

/** Subtotal and tax per tax rate ("10.00" → …), for the totals box when several rates are used. */
export function totalsByRate(lines: readonly EditorLine[]): { rate: string; subTotal: number; taxAmt: number }[] {
  const groups = new Map<string, EditorLine[]>();
  for (const l of lines) {
    const r = parseDecimal(l.taxRate);
    const key = r ? r.toFixed(2) : '0.00';
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.entries()]
    .map(([rate, ls]) => {
      const t = editorTotals(ls);
      return { rate, subTotal: t.subTotal, taxAmt: t.taxAmt };
    })
    .sort((a, b) => Number(parseDecimal(a.rate)!.minus(parseDecimal(b.rate)!).toFixed()));
}

// ---------- validation and payload ----------

export type LineErrors = Partial<Record<LineField, string>>;

/** What the API would refuse on a line, in the editor's words (quantity ≥ 0, discount 0–100, tax ≥ 0). */
export function validateLine(l: EditorLine): LineErrors {
  const e: LineErrors = {};
  const q = parseDecimal(l.quantity);
  if (!l.quantity.trim()) e.quantity = 'Enter a quantity';
  else if (!q) e.quantity = 'Not a number';
  else if (q.isNegative()) e.quantity = 'Must be 0 or more';
  const p = parseDecimal(l.unitPrice);
  if (!l.unitPrice.trim()) {
    if (!l.partReference.trim()) e.unitPrice = 'Enter a price';
  } else if (!p) e.unitPrice = 'Not a number';
  const d = parseDecimal(l.discountPercent || '0');
  if (!d) e.discountPercent = 'Not a number';
  else if (d.isNegative() || d.greaterThan(100)) e.discountPercent = 'Between 0 and 100';
  const t = parseDecimal(l.taxRate || '0');
  if (!t) e.taxRate = 'Not a number';
  else if (t.isNegative()) e.taxRate = 'Must be 0 or more';
  if (!l.description.trim() && !l.partReference.trim()) e.description = 'Describe the line or pick a part';
  return e;
}

/** Text → the API's decimal text ("12,5" → "12.5"); unreadable text is sent as typed (the API names it). */
function decimalText(v: string): string {
  const d = parseDecimal(v);
  return d ? d.toFixed() : v.trim();
}

/** An editor line → the API line (amounts as decimal strings with "." separators; totals are the server's). */
export function lineToApi(l: EditorLine): Record<string, string> {
  const out: Record<string, string> = {
    description: l.description.trim(),
    partReference: l.partReference.trim(),
    quantity: decimalText(l.quantity),
    discountPercent: decimalText(l.discountPercent || '0'),
    taxRate: decimalText(l.taxRate || '0'),
  };
  if (l.unitPrice.trim()) out.unitPrice = decimalText(l.unitPrice);
  return out;
}
