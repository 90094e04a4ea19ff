/**
 * A failed save → where the form shows it. The API names the field it refuses in its message ("Field 'myId': another
 * customer already uses…", "Custom field 'Segment' must be one of…", "Unknown customer (id=5)"); that error goes next
 * to the field, with the rest of the form untouched. Anything else (network, 5xx, 403, an unnamed field) is shown at
 * the top of the form in plain language.
 */
import { fieldOf } from '../synchroteam/errors';
import { errorStatus, explainError } from '../ui/api-errors';
import { cfKey } from './custom-fields';

export interface FormErrorTarget {
  /** A form path ("myId", "position.latitude", "custom.cf12", "customer"), or null for the form as a whole. */
  field: string | null;
  message: string;
  /** The save timed out (504) and may have been done: the form offers to check the record. */
  mayHaveSaved?: boolean;
}

export interface FormErrorContext {
  /** The form's top-level field names. */
  fields: readonly string[];
  customDefs?: readonly { id: number; label: string }[];
}

/**
 * "Unknown customer (id=5)": the record a form picked is gone (deleted in Synchroteam since it was picked). Names the
 * field ("customer", "site", "equipment", "job") and says so in plain words; null for any other message.
 */
export function unknownRecordError(detail: string): { field: string; message: string } | null {
  const what = /^unknown (customer|site|equipment|job)\b(?! custom field)/i.exec(detail.trim())?.[1]?.toLowerCase();
  if (!what) return null;
  return {
    field: what,
    message: `This ${what} no longer exists in Synchroteam (deleted since it was picked?): pick another.`,
  };
}

function detailOf(err: unknown): string {
  if (err && typeof err === 'object' && typeof (err as { detail?: unknown }).detail === 'string')
    return (err as { detail: string }).detail;
  return '';
}

/** "Field 'myId': another customer…" → "Another customer…"; other messages are kept whole. */
export function fieldMessage(detail: string): string {
  const m = /^\s*field '[^']+'\s*:\s*(.+)$/i.exec(detail);
  const s = (m ? m[1]! : detail).trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The form path an API field name points to, or null. */
export function formPathOf(apiField: string, ctx: FormErrorContext): string | null {
  const f = apiField.trim();
  const lower = f.toLowerCase();
  if (lower === 'position' || lower === 'position.latitude' || lower === 'latitude')
    return ctx.fields.includes('position') ? 'position.latitude' : null;
  if (lower === 'position.longitude' || lower === 'longitude')
    return ctx.fields.includes('position') ? 'position.longitude' : null;
  if (lower === 'address') return ctx.fields.includes('addressStreet') ? 'addressStreet' : null;
  const direct = ctx.fields.find((x) => x.toLowerCase() === lower);
  if (direct) return direct;
  const def = ctx.customDefs?.find((d) => d.label.toLowerCase() === lower);
  if (def && ctx.fields.includes('custom')) return `custom.${cfKey(def.id)}`;
  return null;
}

export function formErrorFor(err: unknown, ctx: FormErrorContext): FormErrorTarget {
  const status = errorStatus(err);
  const detail = detailOf(err);
  if (
    status !== null &&
    status >= 400 &&
    status < 500 &&
    status !== 401 &&
    status !== 403 &&
    status !== 404 &&
    status !== 429 &&
    detail
  ) {
    const named = (err as { field?: string }).field ?? fieldOf(detail);
    const gone = named ? null : unknownRecordError(detail);
    const path = named ? formPathOf(named, ctx) : gone ? formPathOf(gone.field, ctx) : null;
    if (path) return { field: path, message: gone ? gone.message : fieldMessage(detail) };
    return { field: null, message: detail };
  }
  const e = explainError(err, { write: true });
  if (e.action === 'check') return { field: null, message: e.message, mayHaveSaved: true };
  return { field: null, message: `${e.title}: ${e.message}` };
}
