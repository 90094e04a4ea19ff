/**
 * The account's custom fields (several of each type across jobs, customers, sites, equipment and users) and a
 * generator of plausible values for them. Values are strings as the API answers them (checkbox "0"/"1", dates
 * "YYYY-MM-DD", numbers with "."), the same normalisation common.ts mergeCustomFieldValues applies.
 * None is mandatory, so records created later through the API do not need them.
 */
import type { CustomFieldObjectType, CustomFieldValue } from '../resources/common';
import type { Doc } from '../store/collection';
import type { SeedContext } from './context';

type Gen = (c: SeedContext) => string;

interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'select' | 'date' | 'number' | 'checkbox' | 'autocomplete' | 'email' | 'phone';
  values?: string[];
  private?: boolean;
  /** Probability a record has a value. */
  fill: number;
  gen: Gen;
}

const SPECS: Record<CustomFieldObjectType, FieldSpec[]> = {
  customer: [
    {
      key: 'segment',
      label: 'Segment',
      type: 'select',
      values: ['Residential', 'Commercial', 'Industrial', 'Municipal'],
      fill: 1,
      gen: (c) => c.pick(['Residential', 'Commercial', 'Commercial', 'Industrial', 'Municipal']),
    },
    {
      key: 'terms',
      label: 'Payment Terms',
      type: 'select',
      values: ['Net 15', 'Net 30', 'Net 45', 'Due on receipt'],
      fill: 0.9,
      gen: (c) => c.pick(['Net 15', 'Net 30', 'Net 30', 'Net 45', 'Due on receipt']),
    },
    { key: 'since', label: 'Customer Since', type: 'date', fill: 0.8, gen: (c) => c.day(-c.int(60, 3650)) },
    { key: 'taxExempt', label: 'Tax Exempt', type: 'checkbox', fill: 1, gen: (c) => (c.chance(0.07) ? '1' : '0') },
    {
      key: 'billingEmail',
      label: 'Billing Email',
      type: 'email',
      private: true,
      fill: 0.6,
      gen: (c) => `ap@${c.f.internet.domainWord()}.test`,
    },
  ],
  site: [
    {
      key: 'access',
      label: 'Access Instructions',
      type: 'text',
      fill: 0.6,
      gen: (c) =>
        c.pick([
          'Ring at loading dock',
          'Key in lockbox, code at office',
          'Ask front desk for escort',
          'Park in alley, rear door',
          'Call contact 15 min ahead',
        ]),
    },
    {
      key: 'gate',
      label: 'Gate Code',
      type: 'number',
      private: true,
      fill: 0.3,
      gen: (c) => String(c.int(1000, 9999)),
    },
    { key: 'sqft', label: 'Floor Area (sq ft)', type: 'number', fill: 0.7, gen: (c) => String(c.int(6, 600) * 100) },
    { key: 'afterHours', label: 'After-hours Phone', type: 'phone', fill: 0.4, gen: (c) => c.phone() },
  ],
  equipment: [
    {
      key: 'serial',
      label: 'Serial Number',
      type: 'text',
      fill: 1,
      gen: (c) => c.f.string.alphanumeric({ length: 10, casing: 'upper' }),
    },
    { key: 'installed', label: 'Install Date', type: 'date', fill: 0.9, gen: (c) => c.day(-c.int(90, 5400)) },
    { key: 'warranty', label: 'Under Warranty', type: 'checkbox', fill: 1, gen: (c) => (c.chance(0.3) ? '1' : '0') },
    {
      key: 'refrigerant',
      label: 'Refrigerant',
      type: 'autocomplete',
      values: ['R-410A', 'R-32', 'R-22', 'R-134a', 'R-454B'],
      fill: 0.5,
      gen: (c) => c.pick(['R-410A', 'R-410A', 'R-32', 'R-22', 'R-134a', 'R-454B']),
    },
    {
      key: 'capacity',
      label: 'Capacity (tons)',
      type: 'number',
      fill: 0.5,
      gen: (c) => String(c.pick([1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 20])),
    },
  ],
  job: [
    { key: 'po', label: 'PO Number', type: 'text', fill: 0.4, gen: (c) => `PO-${c.int(10000, 99999)}` },
    {
      key: 'source',
      label: 'Lead Source',
      type: 'select',
      values: ['Phone', 'Web form', 'Contract', 'Referral', 'Email'],
      fill: 0.9,
      gen: (c) => c.pick(['Phone', 'Phone', 'Web form', 'Contract', 'Referral', 'Email']),
    },
    {
      key: 'callback',
      label: 'Warranty Callback',
      type: 'checkbox',
      fill: 1,
      gen: (c) => (c.chance(0.05) ? '1' : '0'),
    },
    { key: 'nte', label: 'Not-to-exceed ($)', type: 'number', fill: 0.25, gen: (c) => String(c.int(2, 40) * 50) },
    { key: 'followUp', label: 'Follow-up Date', type: 'date', fill: 0.1, gen: (c) => c.day(c.int(7, 60)) },
  ],
  user: [
    { key: 'employeeId', label: 'Employee ID', type: 'text', fill: 1, gen: (c) => `EMP-${c.int(1000, 9999)}` },
    {
      key: 'van',
      label: 'Van Plate',
      type: 'text',
      fill: 0.9,
      gen: (c) => `IL ${c.f.string.alphanumeric({ length: 2, casing: 'upper' })} ${c.int(10000, 99999)}`,
    },
    { key: 'license', label: 'License Expires', type: 'date', fill: 0.8, gen: (c) => c.day(c.int(30, 900)) },
  ],
};

export class CustomFieldSet {
  private readonly defs = new Map<CustomFieldObjectType, { spec: FieldSpec; doc: Doc }[]>();

  constructor(private readonly c: SeedContext) {}

  /** Writes the definitions (customfield collection; objectType stays inside, as customfield.ts expects). */
  seed(): void {
    const created = this.c.ms(this.c.at(this.c.day(-400), 9 * 60));
    for (const [type, specs] of Object.entries(SPECS) as [CustomFieldObjectType, FieldSpec[]][]) {
      const list = specs.map((spec, i) => {
        const doc: Doc = {
          id: this.c.w.id('customfield'),
          label: spec.label,
          type: spec.type,
          private: spec.private ?? false,
          mandatory: false,
          order: i + 1,
          objectType: type,
        };
        if (spec.values) doc.values = spec.values;
        this.c.w.add('customfield', { doc, createdMs: created });
        return { spec, doc };
      });
      this.defs.set(type, list);
    }
  }

  /** Values for a new record of `type`; `fixed` forces a value by field key. */
  values(type: CustomFieldObjectType, fixed: Record<string, string> = {}): CustomFieldValue[] {
    const out: CustomFieldValue[] = [];
    for (const { spec, doc } of this.defs.get(type) ?? []) {
      const forced = fixed[spec.key];
      if (forced === undefined && !this.c.chance(spec.fill)) continue;
      out.push({ id: doc.id as number, label: spec.label, value: forced ?? spec.gen(this.c) });
    }
    return out;
  }
}
