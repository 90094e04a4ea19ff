/**
 * Customer, site and equipment forms: their values, their zod schemas and the mapping form ↔ API payload.
 *
 * The field lists are typed against the shared resource types (lib/synchroteam/schemas), so a field the API does not
 * have cannot slip in. Form values are plain strings ('' = empty); the schemas add the form's own rules (name
 * required, email shape, position in range, a site needs a customer, equipment a customer or a site, typed custom
 * fields). Payloads follow the API's partial update: on creation the filled fields, on edit only what changed (a
 * cleared field is sent as null so the API clears it).
 */
import { z } from 'zod';
import type { Customer } from '../synchroteam/schemas/customer';
import type { CustomFieldDef } from '../synchroteam/schemas/customer';
import type { Equipment } from '../synchroteam/schemas/equipment';
import type { Site } from '../synchroteam/schemas/site';
import { customFieldDefaults, customFieldsPayload, customFieldsSchema, type CustomValues } from './custom-fields';

export const ADDRESS_FIELDS = [
  'addressStreet',
  'addressComplement',
  'addressZIP',
  'addressCity',
  'addressProvince',
  'addressCountry',
] as const satisfies readonly (keyof Customer & keyof Site)[];
export const CONTACT_FIELDS = [
  'contactFirstName',
  'contactLastName',
  'contactPhone',
  'contactMobile',
  'contactEmail',
  'contactFax',
] as const satisfies readonly (keyof Customer & keyof Site)[];
export const CUSTOMER_TEXT_FIELDS = [
  'name',
  'myId',
  'vatNumber',
  ...ADDRESS_FIELDS,
  ...CONTACT_FIELDS,
] as const satisfies readonly (keyof Customer)[];
export const SITE_TEXT_FIELDS = [
  'name',
  'myId',
  ...ADDRESS_FIELDS,
  ...CONTACT_FIELDS,
] as const satisfies readonly (keyof Site)[];
export const EQUIPMENT_TEXT_FIELDS = ['name', 'myId'] as const satisfies readonly (keyof Equipment)[];

export type RecordRefValue = { id: number; name: string; myId?: string | null } | null;
export interface PositionValue {
  /** false: leave the position to the API's geocoding of the address. */
  manual: boolean;
  latitude: string;
  longitude: string;
}

type TextValues<K extends string> = Record<K, string>;
export type CustomerFormValues = TextValues<(typeof CUSTOMER_TEXT_FIELDS)[number]> & {
  tags: string[];
  position: PositionValue;
  custom: CustomValues;
};
export type SiteFormValues = TextValues<(typeof SITE_TEXT_FIELDS)[number]> & {
  customer: RecordRefValue;
  tags: string[];
  position: PositionValue;
  custom: CustomValues;
};
export type EquipmentFormValues = TextValues<(typeof EQUIPMENT_TEXT_FIELDS)[number]> & {
  customer: RecordRefValue;
  site: RecordRefValue;
  tags: string[];
  custom: CustomValues;
};

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (max: number) => z.string().max(max, `At most ${max} characters`);
const name = z
  .string()
  .max(200, 'At most 200 characters')
  .refine((v) => v.trim() !== '', 'Name is required');
const email = text(500).refine(
  (v) => !v.trim() || EMAIL_RE.test(v.trim()),
  'Enter an email address such as name@example.com',
);
const ref = z.object({ id: z.number(), name: z.string(), myId: z.string().nullable().optional() }).nullable();

function coordinate(v: string, min: number, max: number): boolean {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) && n >= min && n <= max;
}

const position = z
  .object({ manual: z.boolean(), latitude: z.string(), longitude: z.string() })
  .superRefine((p, ctx) => {
    if (!p.manual) return;
    if (!coordinate(p.latitude, -90, 90))
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'Latitude must be a number from -90 to 90' });
    if (!coordinate(p.longitude, -180, 180))
      ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'Longitude must be a number from -180 to 180' });
  });

const addressShape = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, text(500)])) as Record<
  (typeof ADDRESS_FIELDS)[number],
  ReturnType<typeof text>
>;
const contactShape = {
  contactFirstName: text(500),
  contactLastName: text(500),
  contactPhone: text(500),
  contactMobile: text(500),
  contactEmail: email,
  contactFax: text(500),
};

export function customerFormSchema(defs: readonly CustomFieldDef[]) {
  return z.object({
    name,
    myId: text(100),
    vatNumber: text(500),
    ...addressShape,
    ...contactShape,
    tags: z.array(z.string()),
    position,
    custom: customFieldsSchema(defs),
  });
}

export function siteFormSchema(defs: readonly CustomFieldDef[]) {
  return z.object({
    name,
    myId: text(100),
    customer: ref.refine((v) => v !== null, 'Choose the customer this site belongs to'),
    ...addressShape,
    ...contactShape,
    tags: z.array(z.string()),
    position,
    custom: customFieldsSchema(defs),
  });
}

export function equipmentFormSchema(defs: readonly CustomFieldDef[]) {
  return z
    .object({
      name,
      myId: text(100),
      customer: ref,
      site: ref,
      tags: z.array(z.string()),
      custom: customFieldsSchema(defs),
    })
    .superRefine((v, ctx) => {
      if (!v.customer && !v.site)
        ctx.addIssue({ code: 'custom', path: ['customer'], message: 'Choose a customer or a site' });
    });
}

// ---- record → form -------------------------------------------------------------------------------------------------

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function textValues<K extends string>(
  fields: readonly K[],
  rec: Partial<Record<K, unknown>> | undefined,
): TextValues<K> {
  return Object.fromEntries(fields.map((f) => [f, str(rec?.[f])])) as TextValues<K>;
}

function positionValue(p: { latitude: string; longitude: string } | null | undefined): PositionValue {
  return { manual: false, latitude: p?.latitude ?? '', longitude: p?.longitude ?? '' };
}

const refValue = (r: { id: number; name?: string | null; myId?: string | null } | null | undefined): RecordRefValue =>
  r ? { id: r.id, name: r.name ?? `#${r.id}`, myId: r.myId ?? null } : null;

export function customerToForm(c: Customer | undefined, defs: readonly CustomFieldDef[]): CustomerFormValues {
  return {
    ...textValues(CUSTOMER_TEXT_FIELDS, c),
    tags: c?.tags ?? [],
    position: positionValue(c?.position),
    custom: customFieldDefaults(defs, c?.customFieldValues),
  };
}

export function siteToForm(
  s: Site | undefined,
  defs: readonly CustomFieldDef[],
  customer?: RecordRefValue,
): SiteFormValues {
  return {
    ...textValues(SITE_TEXT_FIELDS, s),
    customer: s ? refValue(s.customer) : (customer ?? null),
    tags: s?.tags ?? [],
    position: positionValue(s?.position),
    custom: customFieldDefaults(defs, s?.customFieldValues),
  };
}

export function equipmentToForm(
  e: Equipment | undefined,
  defs: readonly CustomFieldDef[],
  preset: { customer?: RecordRefValue; site?: RecordRefValue } = {},
): EquipmentFormValues {
  return {
    ...textValues(EQUIPMENT_TEXT_FIELDS, e),
    customer: e ? refValue(e.customer) : (preset.customer ?? null),
    site: e ? refValue(e.site) : (preset.site ?? null),
    tags: e?.tags ?? [],
    custom: customFieldDefaults(defs, e?.customFieldValues),
  };
}

// ---- form → payload ------------------------------------------------------------------------------------------------

type Payload = Record<string, unknown>;

/** Text fields: filled ones on creation; on edit the changed ones, a cleared field as null. */
function textPayload<K extends string>(
  fields: readonly K[],
  values: TextValues<K>,
  original: Partial<Record<K, unknown>> | undefined,
  out: Payload,
) {
  for (const f of fields) {
    const v = values[f].trim();
    if (!original) {
      if (v) out[f] = v;
    } else if (v !== str(original[f]).trim()) {
      out[f] = v === '' ? null : v;
    }
  }
}

function tagsPayload(tags: string[], original: string[] | undefined, out: Payload) {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (!original) {
    if (clean.length) out.tags = clean;
  } else if (clean.length !== original.length || clean.some((t, i) => t !== original[i])) {
    out.tags = clean;
  }
}

/** A position picked by hand is sent (numbers as the API's strings); otherwise the API geocodes the address. */
function positionPayload(
  p: PositionValue,
  original: { latitude: string; longitude: string } | null | undefined,
  out: Payload,
) {
  if (!p.manual) return;
  const latitude = p.latitude.trim().replace(',', '.');
  const longitude = p.longitude.trim().replace(',', '.');
  if (original && original.latitude === latitude && original.longitude === longitude) return;
  out.position = { latitude, longitude };
}

function customPayload(
  defs: readonly CustomFieldDef[],
  values: CustomValues,
  original: { customFieldValues: { id: number; label: string; value: string }[] } | undefined,
  out: Payload,
) {
  const list = customFieldsPayload(defs, values, original?.customFieldValues);
  if (list.length) out.customFieldValues = list;
}

export function customerPayload(
  values: CustomerFormValues,
  defs: readonly CustomFieldDef[],
  original?: Customer,
): Payload {
  const out: Payload = original ? { id: original.id } : {};
  textPayload(CUSTOMER_TEXT_FIELDS, values, original, out);
  tagsPayload(values.tags, original?.tags, out);
  positionPayload(values.position, original?.position, out);
  customPayload(defs, values.custom, original, out);
  return out;
}

export function sitePayload(values: SiteFormValues, defs: readonly CustomFieldDef[], original?: Site): Payload {
  const out: Payload = original ? { id: original.id } : {};
  if (values.customer && values.customer.id !== original?.customer.id) out.customer = { id: values.customer.id };
  textPayload(SITE_TEXT_FIELDS, values, original, out);
  tagsPayload(values.tags, original?.tags, out);
  positionPayload(values.position, original?.position, out);
  customPayload(defs, values.custom, original, out);
  return out;
}

/**
 * Equipment on a site carries that site's customer, so a site is sent alone (sending a customer too could disagree);
 * a customer is sent only when no site is chosen, and leaving a site sends `site: null` with the customer.
 */
export function equipmentPayload(
  values: EquipmentFormValues,
  defs: readonly CustomFieldDef[],
  original?: Equipment,
): Payload {
  const out: Payload = original ? { id: original.id } : {};
  const siteId = values.site?.id ?? null;
  const customerId = values.customer?.id ?? null;
  if (!original) {
    if (siteId) out.site = { id: siteId };
    else if (customerId) out.customer = { id: customerId };
  } else {
    const siteChanged = siteId !== (original.site?.id ?? null);
    if (siteChanged && siteId) out.site = { id: siteId };
    else if (siteChanged) {
      out.site = null;
      if (customerId && customerId !== original.customer.id) out.customer = { id: customerId };
    } else if (!siteId && customerId && customerId !== original.customer.id) out.customer = { id: customerId };
  }
  textPayload(EQUIPMENT_TEXT_FIELDS, values, original, out);
  tagsPayload(values.tags, original?.tags, out);
  customPayload(defs, values.custom, original, out);
  return out;
}

/** True when an edit payload changes nothing (only the id). */
export function isEmptyEdit(payload: Payload): boolean {
  return Object.keys(payload).every((k) => k === 'id');
}
