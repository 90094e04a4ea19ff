import { describe, expect, it } from 'vitest';
import {
  FILTER_STATUSES,
  SETTABLE_STATUSES,
  canConvertToInvoice,
  isReadOnly,
  statusChoices,
  statusLabel,
  statusTone,
} from './statuses';

describe('billing statuses', () => {
  it('use the type status sets; cancelled is reached by cancel only', () => {
    expect(SETTABLE_STATUSES.invoice).toEqual(['draft', 'new', 'sent', 'late', 'paid']);
    expect(SETTABLE_STATUSES.quotation).toEqual(['draft', 'new', 'sent', 'accepted']);
    expect(FILTER_STATUSES.quotation).toContain('cancelled');
    expect(FILTER_STATUSES.creditnote).toEqual(['draft', 'new', 'sent', 'accepted']);
  });
  it('offer the next steps first, then every other settable status', () => {
    expect(statusChoices('invoice', 'sent')).toEqual({ next: ['paid', 'late'], others: ['draft', 'new'] });
    expect(statusChoices('quotation', 'sent')).toEqual({ next: ['accepted'], others: ['draft', 'new'] });
    expect(statusChoices('invoice', 'cancelled')).toEqual({ next: [], others: [] });
  });
  it('make credit notes and cancelled documents read-only, and convert only accepted quotations', () => {
    expect(isReadOnly('creditnote', 'new')).toBe(true);
    expect(isReadOnly('invoice', 'cancelled')).toBe(true);
    expect(isReadOnly('invoice', 'paid')).toBe(false);
    expect(canConvertToInvoice({ type: 'quotation', status: 'accepted' })).toBe(true);
    expect(canConvertToInvoice({ type: 'quotation', status: 'sent' })).toBe(false);
  });
  it('label and colour statuses', () => {
    expect(statusLabel('late')).toBe('Late');
    expect(statusTone('late')).toBe('red');
    expect(statusTone('paid')).toBe('green');
  });
});
