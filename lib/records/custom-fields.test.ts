import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../synchroteam/schemas/customer';
import {
  customFieldDefaults,
  customFieldError,
  customFieldsPayload,
  customFieldsSchema,
  sortDefs,
} from './custom-fields';

const def = (id: number, type: CustomFieldDef['type'], extra: Partial<CustomFieldDef> = {}): CustomFieldDef => ({
  id,
  label: `F${id}`,
  type,
  private: false,
  mandatory: false,
  order: id,
  ...extra,
});

describe('custom field values', () => {
  it('checks each type', () => {
    expect(customFieldError(def(1, 'number'), '12,5')).toBeNull();
    expect(customFieldError(def(1, 'number'), '12a')).toMatch(/number/);
    expect(customFieldError(def(2, 'date'), '2024-02-30')).toMatch(/date/);
    expect(customFieldError(def(2, 'date'), '2024-02-29')).toBeNull();
    expect(customFieldError(def(3, 'email'), 'x@y')).toMatch(/email/);
    expect(customFieldError(def(4, 'phone'), '(312) 555-0100')).toBeNull();
    expect(customFieldError(def(4, 'phone'), 'call me')).toMatch(/phone/);
    expect(customFieldError(def(5, 'select', { values: ['A', 'B'] }), 'C')).toMatch(/one of A, B/);
    expect(customFieldError(def(6, 'autocomplete', { values: ['A'] }), 'free text')).toBeNull();
    expect(customFieldError(def(7, 'text'), '')).toBeNull();
  });

  it('enforces mandatory fields, a mandatory checkbox must be ticked', () => {
    expect(customFieldError(def(1, 'text', { mandatory: true }), ' ')).toBe('F1 is required');
    expect(customFieldError(def(2, 'checkbox', { mandatory: true }), '0')).toBe('F2 must be ticked');
    expect(customFieldError(def(2, 'checkbox', { mandatory: true }), '1')).toBeNull();
  });

  it('builds a schema whose issues point at cf<id>', () => {
    const r = customFieldsSchema([def(9, 'number', { mandatory: true })]).safeParse({ cf9: '' });
    expect(r.error?.issues[0]?.path).toEqual(['cf9']);
  });

  it('defaults every definition, checkboxes as 0/1', () => {
    expect(customFieldDefaults([def(1, 'checkbox'), def(2, 'text')], [{ id: 1, label: 'F1', value: 'true' }])).toEqual({
      cf1: '1',
      cf2: '',
    });
  });

  it('sends filled values on creation and changed ones on edit', () => {
    const defs = [def(1, 'number'), def(2, 'checkbox'), def(3, 'text')];
    expect(customFieldsPayload(defs, { cf1: '2,5', cf2: '0', cf3: '' })).toEqual([
      { id: 1, label: 'F1', value: '2.5' },
    ]);
    const original = [
      { id: 1, label: 'F1', value: '2.5' },
      { id: 3, label: 'F3', value: 'old' },
    ];
    expect(customFieldsPayload(defs, { cf1: '2.5', cf2: '1', cf3: '' }, original)).toEqual([
      { id: 2, label: 'F2', value: '1' },
      { id: 3, label: 'F3', value: '' },
    ]);
  });

  it('orders definitions by order then label', () => {
    expect(
      sortDefs([
        def(2, 'text', { order: 2 }),
        def(1, 'text', { order: 2, label: 'A' }),
        def(3, 'text', { order: 1 }),
      ]).map((d) => d.id),
    ).toEqual([3, 1, 2]);
  });
});
