import { describe, expect, it } from 'vitest';
import type { Customer, CustomFieldDef } from '../synchroteam/schemas/customer';
import type { Equipment } from '../synchroteam/schemas/equipment';
import type { Site } from '../synchroteam/schemas/site';
import {
  customerFormSchema,
  customerPayload,
  customerToForm,
  equipmentFormSchema,
  equipmentPayload,
  equipmentToForm,
  isEmptyEdit,
  siteFormSchema,
  sitePayload,
  siteToForm,
} from './record-form';

const defs: CustomFieldDef[] = [
  {
    id: 1,
    label: 'Segment',
    type: 'select',
    private: false,
    mandatory: true,
    order: 1,
    values: ['Residential', 'Commercial'],
  },
  { id: 2, label: 'Tax Exempt', type: 'checkbox', private: false, mandatory: false, order: 2 },
  { id: 3, label: 'Since', type: 'date', private: false, mandatory: false, order: 3 },
];

const customer: Customer = {
  id: 7,
  myId: 'C-7',
  name: 'Acme',
  address: '1 Main St, Chicago',
  addressStreet: '1 Main St',
  addressComplement: null,
  addressZIP: '60601',
  addressCity: 'Chicago',
  addressProvince: 'IL',
  addressCountry: 'USA',
  contactLastName: 'Doe',
  contactFirstName: 'Jo',
  contactPhone: null,
  contactMobile: null,
  contactEmail: 'jo@acme.test',
  contactFax: null,
  vatNumber: null,
  publicLink: null,
  customFieldValues: [
    { id: 1, label: 'Segment', value: 'Commercial' },
    { id: 2, label: 'Tax Exempt', value: '1' },
  ],
  position: { latitude: '41.88', longitude: '-87.63' },
  tags: ['vip'],
  active: true,
};

describe('customer form', () => {
  it('creation sends only what was filled, with typed custom fields', () => {
    const v = customerToForm(undefined, defs);
    v.name = '  New Co ';
    v.contactEmail = 'a@b.test';
    v.tags = ['hvac', 'hvac', ' '];
    v.custom.cf1 = 'Residential';
    expect(customerPayload(v, defs)).toEqual({
      name: 'New Co',
      contactEmail: 'a@b.test',
      tags: ['hvac'],
      customFieldValues: [{ id: 1, label: 'Segment', value: 'Residential' }],
    });
  });

  it('edit sends the id and only the changes; a cleared field is null', () => {
    const v = customerToForm(customer, defs);
    expect(isEmptyEdit(customerPayload(v, defs, customer))).toBe(true);
    v.contactEmail = '';
    v.addressCity = 'Evanston';
    v.custom.cf2 = '0';
    expect(customerPayload(v, defs, customer)).toEqual({
      id: 7,
      contactEmail: null,
      addressCity: 'Evanston',
      customFieldValues: [{ id: 2, label: 'Tax Exempt', value: '0' }],
    });
  });

  it('sends a position only when it was set by hand and changed', () => {
    const v = customerToForm(customer, defs);
    v.position = { manual: true, latitude: '41,9', longitude: '-87.7' };
    expect(customerPayload(v, defs, customer).position).toEqual({ latitude: '41.9', longitude: '-87.7' });
    v.position = { manual: false, latitude: '1', longitude: '2' };
    expect(customerPayload(v, defs, customer).position).toBeUndefined();
  });

  it('validates name, email, position and mandatory custom fields', () => {
    const v = customerToForm(undefined, defs);
    v.contactEmail = 'not-an-email';
    v.position = { manual: true, latitude: '95', longitude: 'x' };
    const r = customerFormSchema(defs).safeParse(v);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['contactEmail', 'custom.cf1', 'name', 'position.latitude', 'position.longitude']);
  });

  it('accepts a valid form', () => {
    const v = customerToForm(customer, defs);
    expect(customerFormSchema(defs).safeParse(v).success).toBe(true);
  });
});

const site: Site = {
  ...customer,
  id: 30,
  myId: 'S-30',
  name: 'Acme HQ',
  contactName: 'Jo Doe',
  customer: { id: 7, myId: 'C-7', name: 'Acme' },
  customFieldValues: [],
};

describe('site form', () => {
  it('needs a customer', () => {
    const v = siteToForm(undefined, []);
    v.name = 'Depot';
    const r = siteFormSchema([]).safeParse(v);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['customer']);
  });

  it('creation names the customer by id; edit sends a changed customer only', () => {
    const v = siteToForm(undefined, [], { id: 7, name: 'Acme' });
    v.name = 'Depot';
    expect(sitePayload(v, [])).toEqual({ customer: { id: 7 }, name: 'Depot' });
    const e = siteToForm(site, []);
    expect(sitePayload(e, [], site)).toEqual({ id: 30 });
    e.customer = { id: 8, name: 'Other' };
    expect(sitePayload(e, [], site)).toEqual({ id: 30, customer: { id: 8 } });
  });
});

const equipment: Equipment = {
  id: 90,
  myId: null,
  name: 'Boiler',
  publicLink: null,
  customer: { id: 7, myId: 'C-7', name: 'Acme' },
  site: { id: 30, myId: 'S-30', name: 'Acme HQ' },
  customFieldValues: [],
  tags: [],
  active: true,
};

describe('equipment form', () => {
  it('needs a customer or a site', () => {
    const v = equipmentToForm(undefined, []);
    v.name = 'Pump';
    expect(
      equipmentFormSchema([])
        .safeParse(v)
        .error?.issues.map((i) => i.path.join('.')),
    ).toEqual(['customer']);
    v.site = { id: 30, name: 'Acme HQ' };
    expect(equipmentFormSchema([]).safeParse(v).success).toBe(true);
  });

  it('sends the site alone when one is chosen, else the customer', () => {
    const v = equipmentToForm(undefined, [], { customer: { id: 7, name: 'Acme' }, site: { id: 30, name: 'Acme HQ' } });
    v.name = 'Pump';
    expect(equipmentPayload(v, [])).toEqual({ site: { id: 30 }, name: 'Pump' });
    v.site = null;
    expect(equipmentPayload(v, [])).toEqual({ customer: { id: 7 }, name: 'Pump' });
  });

  it('leaving the site sends site:null (and a new customer when it changed)', () => {
    const v = equipmentToForm(equipment, []);
    v.site = null;
    expect(equipmentPayload(v, [], equipment)).toEqual({ id: 90, site: null });
    v.customer = { id: 8, name: 'Other' };
    expect(equipmentPayload(v, [], equipment)).toEqual({ id: 90, site: null, customer: { id: 8 } });
  });
});
