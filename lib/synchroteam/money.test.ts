/**
 * Unit tests of money.ts, the one totals module. The worked example is the reference's invoice (Invoices section):
 * 10 × 19.95 at 10% tax and 10 × 2.00 with 50% discount at 10% → 209.50 + 20.95 = 230.45.
 */
import { describe, expect, it } from 'vitest';
import { documentTotals, formatMoney, lineTotals, lineTotalsDecimal, parseDecimal, round2, sumMoney } from './money';

describe('parseDecimal', () => {
  it('reads numbers, dot and comma decimals, and surrounding spaces', () => {
    expect(parseDecimal(12.5)!.toString()).toBe('12.5');
    expect(parseDecimal('12.5')!.toString()).toBe('12.5');
    expect(parseDecimal('12,5')!.toString()).toBe('12.5');
    expect(parseDecimal(' 3 ')!.toString()).toBe('3');
    expect(parseDecimal('-100,25')!.toString()).toBe('-100.25');
    expect(parseDecimal('.5')!.toString()).toBe('0.5');
    expect(parseDecimal('+7')!.toString()).toBe('7');
  });

  it('refuses what is not a number', () => {
    for (const v of ['', 'abc', '1.2.3', '1,2,3', '12,5 €', '1e5', 'NaN', '--1']) expect(parseDecimal(v)).toBeNull();
    expect(parseDecimal(Number.NaN)).toBeNull();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseDecimal(null)).toBeNull();
    expect(parseDecimal(undefined)).toBeNull();
  });
});

describe('round2', () => {
  it('rounds half up at .005 (away from zero), where floats would round down', () => {
    expect(round2('1.005').toFixed(2)).toBe('1.01');
    expect(round2(1.005).toFixed(2)).toBe('1.01'); // 1.005 as a float is 1.00499999…
    expect(round2('2.675').toFixed(2)).toBe('2.68');
    expect(round2('1.004999').toFixed(2)).toBe('1.00');
    expect(round2('0.125').toFixed(2)).toBe('0.13');
    expect(round2('-1.005').toFixed(2)).toBe('-1.01');
    expect(round2('10').toFixed(2)).toBe('10.00');
  });
});

describe('lineTotals', () => {
  it('computes the reference worked example line by line', () => {
    expect(lineTotals({ quantity: '10', unitPrice: '19.95', discount: '0', taxRate: '10.00' })).toEqual({
      subTotal: 199.5,
      taxAmt: 19.95,
      total: 219.45,
    });
    expect(lineTotals({ quantity: '10', unitPrice: '2.00', discount: '50.00', taxRate: '10.00' })).toEqual({
      subTotal: 10,
      taxAmt: 1,
      total: 11,
    });
  });

  it('accepts comma decimals everywhere', () => {
    const t = lineTotalsDecimal({ quantity: '2,5', unitPrice: '12,5', discount: '10', taxRate: '19,6' });
    // 2.5 × 12.5 = 31.25; × 0.9 = 28.125 → 28.13; tax 28.13 × 19.6% = 5.51348 → 5.51
    expect(t.subTotal.toFixed(2)).toBe('28.13');
    expect(t.taxAmt.toFixed(2)).toBe('5.51');
    expect(t.total.toFixed(2)).toBe('33.64');
  });

  it('rounds the subtotal before taxing it', () => {
    // 3 × 0.335 = 1.005 → 1.01; tax 50% of 1.01 = 0.505 → 0.51 (taxing the unrounded 1.005 would give 0.50)
    expect(lineTotals({ quantity: 3, unitPrice: '0.335', taxRate: 50 })).toEqual({
      subTotal: 1.01,
      taxAmt: 0.51,
      total: 1.52,
    });
  });

  it('applies discounts: none, partial, full', () => {
    expect(lineTotals({ quantity: 1, unitPrice: 100 }).subTotal).toBe(100);
    expect(lineTotals({ quantity: 1, unitPrice: 100, discount: '12,5' }).subTotal).toBe(87.5);
    expect(lineTotals({ quantity: 3, unitPrice: '33.33', discount: 33 }).subTotal).toBe(66.99); // 99.99 × 0.67 = 66.9933
    expect(lineTotals({ quantity: 4, unitPrice: 25, discount: 100, taxRate: 20 })).toEqual({
      subTotal: 0,
      taxAmt: 0,
      total: 0,
    });
  });

  it('treats a missing tax rate or discount as zero', () => {
    expect(lineTotals({ quantity: 2, unitPrice: '0.10' })).toEqual({ subTotal: 0.2, taxAmt: 0, total: 0.2 });
  });
});

describe('documentTotals', () => {
  it('sums the reference worked example to 209.50 + 20.95 = 230.45', () => {
    const t = documentTotals([
      { quantity: '10', unitPrice: '19.95', discount: '0', taxRate: '10.00' },
      { quantity: '10', unitPrice: '2.00', discount: '50.00', taxRate: '10.00' },
    ]);
    expect(t).toEqual({ subTotal: 209.5, taxAmt: 20.95, total: 230.45 });
  });

  it('sums many lines without float drift', () => {
    const lines = Array.from({ length: 1000 }, () => ({ quantity: 1, unitPrice: '0.10', taxRate: '0' }));
    // 1000 float additions of 0.1 give 99.9999999999986; decimals give exactly 100.
    expect(documentTotals(lines).total).toBe(100);
    const mixed = Array.from({ length: 333 }, (_, i) => ({
      quantity: 3,
      unitPrice: '0.07',
      taxRate: i % 2 ? '10' : '5.5',
    }));
    const t = documentTotals(mixed);
    expect(t.subTotal).toBe(69.93); // 333 × 0.21
    // Each line: 0.21 × 10% = 0.021 → 0.02 (166 lines), 0.21 × 5.5% = 0.01155 → 0.01 (167 lines)
    expect(t.taxAmt).toBe(4.99);
    expect(t.total).toBe(74.92);
  });

  it('is the sum of the line totals, not a re-rounding of the document', () => {
    const lines = [
      { quantity: 1, unitPrice: '0.005', taxRate: 0 },
      { quantity: 1, unitPrice: '0.005', taxRate: 0 },
    ];
    // each line rounds to 0.01; rounding the unrounded sum 0.01 would also give 0.01 — lines win: 0.02
    expect(documentTotals(lines).subTotal).toBe(0.02);
    expect(documentTotals([])).toEqual({ subTotal: 0, taxAmt: 0, total: 0 });
  });
});

describe('sumMoney and formatMoney', () => {
  it('adds amounts exactly, accepting comma decimals', () => {
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney(['10,25', '70.25', -100.25])).toBe(-19.75);
    expect(sumMoney([])).toBe(0);
  });
  it('formats in a locale and currency', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
  });
});
