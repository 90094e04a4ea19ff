/**
 * Custom field values in record forms, typed by the account's definitions (customfield/list?type=…).
 * The API keeps every value as a string: checkbox "0"/"1", date "YYYY-MM-DD", number with a "." decimal. Forms keep
 * the same strings under keys `cf<id>` (react-hook-form reads a numeric key as an array index), validate them per type
 * and send back only what matters: on creation the filled values, on edit the values that changed (cleared → "").
 */
import { z } from 'zod';
import type { CustomFieldDef } from '../synchroteam/schemas/customer';

export type CustomFieldValue = { id: number; label: string; value: string };
export type CustomValues = Record<string, string>;

export const cfKey = (id: number) => `cf${id}`;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_RE = /^-?\d+([.,]\d+)?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^[+()\d\s.\-/x]{3,}$/i;

/** Definitions in display order (the account's `order`, then label). */
export function sortDefs(defs: readonly CustomFieldDef[]): CustomFieldDef[] {
  return [...defs].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
}

/** Form values from a record's values: every definition gets a key (checkbox "0" when unset). */
export function customFieldDefaults(
  defs: readonly CustomFieldDef[],
  values: readonly CustomFieldValue[] = [],
): CustomValues {
  const out: CustomValues = {};
  for (const d of defs) {
    const v = values.find((x) => x.id === d.id)?.value ?? '';
    out[cfKey(d.id)] = d.type === 'checkbox' ? (v === '1' || v.toLowerCase() === 'true' ? '1' : '0') : v;
  }
  return out;
}

function validDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d!));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
}

/** The problem with one value, or null. Mandatory fields must be filled (a mandatory checkbox must be ticked). */
export function customFieldError(def: CustomFieldDef, raw: string | undefined): string | null {
  const v = (raw ?? '').trim();
  if (!v || (def.type === 'checkbox' && v !== '1')) {
    return def.mandatory
      ? def.type === 'checkbox'
        ? `${def.label} must be ticked`
        : `${def.label} is required`
      : null;
  }
  switch (def.type) {
    case 'number':
      return NUMBER_RE.test(v) ? null : `${def.label} must be a number`;
    case 'date':
      return validDate(v) ? null : `${def.label} must be a date (YYYY-MM-DD)`;
    case 'email':
      return EMAIL_RE.test(v) ? null : `${def.label} must be an email address`;
    case 'phone':
      return PHONE_RE.test(v) ? null : `${def.label} must be a phone number`;
    case 'select':
      return def.values?.length && !def.values.includes(v)
        ? `${def.label} must be one of ${def.values.join(', ')}`
        : null;
    case 'checkbox':
      return v === '0' || v === '1' ? null : `${def.label} must be ticked or not`;
    default:
      return v.length > 4000 ? `${def.label} is too long` : null;
  }
}

/** The zod schema of the `custom` part of a form, built from the definitions. */
export function customFieldsSchema(defs: readonly CustomFieldDef[]) {
  return z.record(z.string(), z.string()).superRefine((values, ctx) => {
    for (const d of defs) {
      const msg = customFieldError(d, values[cfKey(d.id)]);
      if (msg) ctx.addIssue({ code: 'custom', path: [cfKey(d.id)], message: msg });
    }
  });
}

/** The API spelling of a form value: numbers with ".", trimmed text. */
export function apiCustomValue(def: CustomFieldDef, raw: string | undefined): string {
  const v = (raw ?? '').trim();
  if (def.type === 'number') return v.replace(',', '.');
  if (def.type === 'checkbox') return v === '1' ? '1' : '0';
  return v;
}

/**
 * The customFieldValues to send. Creation (no `original`): the filled values (a checkbox only when ticked).
 * Edit: every value that differs from the record's (a cleared value is sent as "" so the API clears it).
 */
export function customFieldsPayload(
  defs: readonly CustomFieldDef[],
  values: CustomValues,
  original?: readonly CustomFieldValue[],
): CustomFieldValue[] {
  const out: CustomFieldValue[] = [];
  for (const d of defs) {
    const value = apiCustomValue(d, values[cfKey(d.id)]);
    if (!original) {
      if (value !== '' && !(d.type === 'checkbox' && value === '0')) out.push({ id: d.id, label: d.label, value });
      continue;
    }
    const before = original.find((x) => x.id === d.id)?.value ?? '';
    const same = d.type === 'checkbox' ? (before === '1') === (value === '1') : before === value;
    if (!same) out.push({ id: d.id, label: d.label, value });
  }
  return out;
}

/** A value as people read it: ticked boxes, dates as given, empty → "—". */
export function displayCustomValue(def: CustomFieldDef | undefined, value: string): string {
  if (def?.type === 'checkbox') return value === '1' ? 'Yes' : 'No';
  return value.trim() ? value : '—';
}
