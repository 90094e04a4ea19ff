/**
 * The editor's line operations and live totals. Totals go through lib/synchroteam/money.ts; these tests pin the
 * editor's use of it to the reference's worked example (209.50 + 20.95 = 230.45) and to the API's rules.
 */
import { describe, expect, it } from 'vitest';
import type { Part } from '../synchroteam/schemas/part';
import {
  addLine,
  applyPart,
  blankLine,
  defaultTaxRate,
  duplicateLine,
  editorLineTotals,
  editorTotals,
  lineFromApi,
  lineFromPart,
  lineToApi,
  moveLine,
  removeLine,
  totalsByRate,
  validateLine,
  type EditorLine,
} from './line-items';

const line = (o: Partial<EditorLine>): EditorLine => ({ ...blankLine('10.00'), description: 'x', ...o });

const valve: Part = {
  id: 1,
  name: 'Hybrid Valve',
  reference: 'HV-11',
  description: null,
  price: '19.95',
  minQuantity: null,
  isTracked: false,
  isSerializable: false,
  category: null,
  tax: { id: 3, name: 'Reduced', rate: '5.50' },
  status: 'active',
  type: 'part',
  dateModified: '2026-01-01 10:00',
};

describe('editor totals', () => {
  it('match the reference worked example: 209.50 + 20.95 = 230.45', () => {
    const lines = [
      line({
        description: 'Hybrid Valve',
        partReference: 'HV-11',
        quantity: '10',
        unitPrice: '19.95',
        taxRate: '10.00',
      }),
      line({
        description: 'Valve Gasket (Special Order)',
        quantity: '10',
        unitPrice: '2.00',
        discountPercent: '50.00',
        taxRate: '10.00',
      }),
    ];
    expect(editorLineTotals(lines[0]!)).toEqual({ subTotal: 199.5, taxAmt: 19.95, total: 219.45 });
    expect(editorLineTotals(lines[1]!)).toEqual({ subTotal: 10, taxAmt: 1, total: 11 });
    expect(editorTotals(lines)).toEqual({ subTotal: 209.5, taxAmt: 20.95, total: 230.45 });
  });

  it('round each line half up before summing, never through floats', () => {
    // 3 × 0.335 = 1.005 → 1.01 (a float would give 1.00); tax 1.01 × 19.6% = 0.19796 → 0.20
    expect(editorLineTotals(line({ quantity: '3', unitPrice: '0.335', taxRate: '19.6' }))).toEqual({
      subTotal: 1.01,
      taxAmt: 0.2,
      total: 1.21,
    });
    // 0.1 + 0.2 style drift: three lines of 0.10 at 0% sum to exactly 0.30
    expect(editorTotals([1, 2, 3].map(() => line({ quantity: '1', unitPrice: '0.10', taxRate: '0' }))).total).toBe(0.3);
  });

  it('apply discounts before tax', () => {
    expect(
      editorLineTotals(line({ quantity: '2', unitPrice: '99.99', discountPercent: '15', taxRate: '8.25' })),
    ).toEqual({
      subTotal: 169.98,
      taxAmt: 14.02,
      total: 184.0,
    });
  });

  it('read comma decimals as the API does', () => {
    expect(
      editorLineTotals(line({ quantity: '2,5', unitPrice: '10,10', discountPercent: '0', taxRate: '20' })),
    ).toEqual({ subTotal: 25.25, taxAmt: 5.05, total: 30.3 });
  });

  it('add several tax rates and group them per rate', () => {
    const lines = [
      line({ quantity: '1', unitPrice: '100', taxRate: '20' }),
      line({ quantity: '1', unitPrice: '50', taxRate: '5.5' }),
      line({ quantity: '2', unitPrice: '10', taxRate: '20.00' }),
      line({ quantity: '1', unitPrice: '-25.00', taxRate: '0' }),
    ];
    expect(editorTotals(lines)).toEqual({ subTotal: 145, taxAmt: 26.75, total: 171.75 });
    expect(totalsByRate(lines)).toEqual([
      { rate: '0.00', subTotal: -25, taxAmt: 0 },
      { rate: '5.50', subTotal: 50, taxAmt: 2.75 },
      { rate: '20.00', subTotal: 120, taxAmt: 24 },
    ]);
  });

  it('count an unreadable amount as 0 while the user is typing', () => {
    expect(editorLineTotals(line({ quantity: '2', unitPrice: '' }))).toEqual({ subTotal: 0, taxAmt: 0, total: 0 });
  });
});

describe('validateLine', () => {
  it('refuses negative quantities, as the API does (negative unit prices are discount lines and allowed)', () => {
    expect(validateLine(line({ quantity: '-1', unitPrice: '5' })).quantity).toBe('Must be 0 or more');
    expect(validateLine(line({ quantity: '1', unitPrice: '-5' }))).toEqual({});
  });
  it('keeps discounts within 0–100 and tax rates at 0 or more', () => {
    expect(validateLine(line({ unitPrice: '1', discountPercent: '101' })).discountPercent).toBe('Between 0 and 100');
    expect(validateLine(line({ unitPrice: '1', discountPercent: '-1' })).discountPercent).toBe('Between 0 and 100');
    expect(validateLine(line({ unitPrice: '1', taxRate: '-2' })).taxRate).toBe('Must be 0 or more');
  });
  it('names unreadable numbers and missing prices; a part reference lets the API supply the price', () => {
    expect(validateLine(line({ quantity: 'two', unitPrice: '1' })).quantity).toBe('Not a number');
    expect(validateLine(line({ unitPrice: '' })).unitPrice).toBe('Enter a price');
    expect(validateLine(line({ unitPrice: '', partReference: 'HV-11' })).unitPrice).toBeUndefined();
    expect(validateLine(line({ description: '', unitPrice: '1' })).description).toBeDefined();
  });
});

describe('line operations', () => {
  const a = line({ description: 'a' });
  const b = line({ description: 'b' });
  const c = line({ description: 'c' });
  const names = (ls: EditorLine[]) => ls.map((l) => l.description).join('');

  it('add, remove, move and duplicate without touching the input', () => {
    const ls = [a, b, c];
    expect(names(addLine(ls, line({ description: 'd' })))).toBe('abcd');
    expect(names(removeLine(ls, 1))).toBe('ac');
    expect(names(moveLine(ls, 0, 2))).toBe('bca');
    expect(names(moveLine(ls, 2, 0))).toBe('cab');
    expect(names(moveLine(ls, 1, 9))).toBe('acb');
    expect(names(moveLine(ls, 5, 0))).toBe('abc');
    const dup = duplicateLine(ls, 1);
    expect(names(dup)).toBe('abbc');
    expect(dup[2]).not.toBe(dup[1]);
    expect(names(ls)).toBe('abc');
  });
});

describe('catalogue parts and the API', () => {
  it('a part fills description, price and its own tax rate; the default tax when it has none', () => {
    expect(lineFromPart(valve, '10.00')).toEqual({
      description: 'Hybrid Valve',
      partReference: 'HV-11',
      quantity: '1',
      unitPrice: '19.95',
      discountPercent: '0',
      taxRate: '5.50',
    });
    expect(lineFromPart({ ...valve, tax: null, description: 'Brass valve' }, '10.00', '3')).toMatchObject({
      description: 'Brass valve',
      quantity: '3',
      taxRate: '10.00',
    });
    expect(applyPart(line({ quantity: '4', discountPercent: '10' }), valve, '10.00')).toMatchObject({
      quantity: '4',
      discountPercent: '10',
      unitPrice: '19.95',
    });
  });

  it('a description with line breaks fills the single-line field with separators, not the lines run together', () => {
    expect(lineFromPart({ ...valve, description: 'Anode Rod Magnesium\nStocked item' }, '10.00').description).toBe(
      'Anode Rod Magnesium · Stocked item',
    );
    const stored = { partReference: '', quantity: '1', unitPrice: '38.00', discountPercent: '0', taxRate: '10.00' };
    expect(lineFromApi({ ...stored, description: 'Anode Rod Magnesium\r\nStocked item' }).description).toBe(
      'Anode Rod Magnesium · Stocked item',
    );
  });

  it('the default tax is the flagged one, else the first active one', () => {
    const t = (id: number, rate: string, d = false, deleted = false) => ({
      id,
      name: `t${id}`,
      rate,
      default: d,
      deleted,
    });
    expect(defaultTaxRate([t(1, '5.00'), t(2, '10.00', true)])).toBe('10.00');
    expect(defaultTaxRate([t(1, '5.00', true, true), t(2, '7.00')])).toBe('7.00');
    expect(defaultTaxRate([])).toBe('0.00');
  });

  it('lines travel as decimal text with "." separators; stored lines come back as typed', () => {
    expect(
      lineToApi(
        line({ description: ' Pump ', quantity: '2,5', unitPrice: '10,1', discountPercent: '', taxRate: '5,5' }),
      ),
    ).toEqual({
      description: 'Pump',
      partReference: '',
      quantity: '2.5',
      unitPrice: '10.1',
      discountPercent: '0',
      taxRate: '5.5',
    });
    expect(lineToApi(line({ partReference: 'HV-11', unitPrice: '' }))).not.toHaveProperty('unitPrice');
    expect(
      lineFromApi({
        description: 'd',
        partReference: '',
        quantity: '10',
        unitPrice: '2.00',
        discountPercent: '50.00',
        taxRate: '10.00',
      }),
    ).toEqual({
      description: 'd',
      partReference: '',
      quantity: '10',
      unitPrice: '2.00',
      discountPercent: '50.00',
      taxRate: '10.00',
    });
  });
});
