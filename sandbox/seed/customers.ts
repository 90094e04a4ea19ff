/**
 * Customers (commercial and residential), their sites and the equipment on each site, with contacts, tags and custom
 * field values. Addresses come from addresses.ts (gazetteer grid streets), so `position` is what the API's geocoder
 * would compute for the same address. Includes the fixed demo customer (fixed.ts), a few inactive customers and a
 * few soft-deleted ones.
 */
import type { Doc } from '../store/collection';
import { composeAddress, randomAddress, type SeedAddress } from './addresses';
import { recordRef, type SeedContext } from './context';
import type { CustomFieldSet } from './customfields';
import { FIXED } from './fixed';

/** Equipment kinds by the trade that services them. */
export const EQUIPMENT_KINDS: Record<string, string[][]> = {
  HVAC: [
    ['Rooftop Unit', 'Carrier', 'Trane', 'Lennox', 'York'],
    ['Furnace', 'Lennox', 'Rheem', 'Goodman'],
    ['Split AC Condenser', 'Carrier', 'Daikin', 'Trane'],
    ['Air Handler', 'Trane', 'York'],
  ],
  Refrigeration: [
    ['Walk-in Cooler', 'Kolpak', 'Norlake'],
    ['Reach-in Freezer', 'True', 'Traulsen'],
    ['Ice Machine', 'Hoshizaki', 'Manitowoc', 'Scotsman'],
  ],
  Boilers: [
    ['Boiler', 'Lochinvar', 'Weil-McLain', 'Burnham'],
    ['Steam Boiler', 'Burnham', 'Cleaver-Brooks'],
  ],
  Plumbing: [
    ['Water Heater', 'Rheem', 'A.O. Smith', 'Bradford White'],
    ['Sump Pump', 'Zoeller', 'Liberty'],
    ['Grease Trap', 'Zurn', 'Watts'],
  ],
  Backflow: [['Backflow Preventer', 'Watts', 'Zurn', 'Febco']],
  'Fire Safety': [
    ['Fire Sprinkler Riser', 'Viking', 'Tyco'],
    ['Fire Alarm Panel', 'Notifier', 'Simplex'],
    ['Kitchen Hood Suppression', 'Ansul', 'Amerex'],
  ],
  Electrical: [
    ['Electrical Panel', 'Square D', 'Siemens', 'Eaton'],
    ['Standby Generator', 'Generac', 'Kohler', 'Cummins'],
  ],
};

const BUSINESS_KINDS = [
  'Bakery',
  'Dental',
  'Diner',
  'Brewing Co',
  'Auto Body',
  'Pharmacy',
  'Fitness',
  'Laundromat',
  'Taqueria',
  'Grocery',
  'Pizzeria',
  'Medical Group',
  'Property Management',
  'Hotel',
  'Daycare',
  'Church',
  'School',
  'Cleaners',
  'Florist',
  'Print Shop',
  'Hardware',
  'Cafe',
  'Salon',
  'Veterinary Clinic',
  'Storage',
];
const SITE_LABELS = ['Main', 'Warehouse', 'North Store', 'South Store', 'Annex', 'Kitchen', 'Clinic', 'Office'];

export interface SiteInfo {
  site: Doc;
  customer: Doc;
  equipment: Doc[];
  /** Trades the site's equipment needs (jobs on the site draw from these). */
  trades: string[];
  deleted: boolean;
  contact: { firstName: string; lastName: string; email: string | null; phone: string; mobile: string | null };
}

export interface Customers {
  sites: SiteInfo[];
  /** Sites of active, non-deleted customers (where jobs go). */
  active: SiteInfo[];
  fixed: SiteInfo;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function addressFields(a: SeedAddress) {
  return {
    address: a.address,
    addressStreet: a.addressStreet,
    addressComplement: a.addressComplement,
    addressZIP: a.addressZIP,
    addressCity: a.addressCity,
    addressProvince: a.addressProvince,
    addressCountry: a.addressCountry,
    position: a.position,
  };
}

export function seedCustomers(c: SeedContext, cf: CustomFieldSet): Customers {
  const sites: SiteInfo[] = [];
  const n = c.vol.customers;
  const deletedFrom = n - c.vol.deletedCustomers;
  for (let i = 0; i < n; i++) {
    const fixed = i === 0;
    const commercial = fixed || c.chance(0.6);
    const firstName = c.f.person.firstName();
    const lastName = c.f.person.lastName();
    const name = fixed
      ? FIXED.customer.name
      : commercial
        ? `${c.pick([lastName, c.f.location.street().split(' ')[0], c.f.word.adjective().replace(/^./, (x) => x.toUpperCase())])} ${c.pick(BUSINESS_KINDS)}`
        : `${firstName} ${lastName}`;
    const domain = `${slug(name)}.test`;
    const email = fixed
      ? FIXED.customer.contactEmail
      : commercial
        ? `${firstName.toLowerCase()}@${domain}`
        : `${slug(firstName)}.${slug(lastName)}@example.test`;
    const hq = fixed ? composeAddress(FIXED.customer.street) : randomAddress(c.f, { complement: commercial });
    const createdMs = c.now - c.int(20, 1100) * 86_400_000 - c.int(0, 86_399) * 1000;
    const deleted = i >= deletedFrom;
    const active = deleted || fixed || !c.chance(0.02);
    const customer: Doc = {
      id: c.w.id('customer'),
      publicLink: c.publicLink('Customer'),
      active,
      name,
      myId: fixed ? FIXED.customer.myId : `C-${String(10000 + i)}`,
      contactLastName: lastName,
      contactFirstName: firstName,
      contactPhone: c.phone(),
      contactMobile: c.chance(0.6) ? c.phone() : null,
      contactEmail: email,
      contactFax: commercial && c.chance(0.1) ? c.phone() : null,
      vatNumber: commercial && c.chance(0.3) ? `${c.int(10, 99)}-${c.int(1000000, 9999999)}` : null,
      ...addressFields(hq),
      tags: commercial
        ? [c.pick(['commercial', 'restaurant', 'retail', 'healthcare', 'property-mgmt'])]
        : ['residential'],
      customFieldValues: cf.values('customer', commercial ? {} : { segment: 'Residential' }),
    };
    c.w.add('customer', {
      doc: customer,
      createdMs,
      modifiedMs: createdMs + c.int(0, 30) * 86_400_000,
      deletedMs: deleted ? c.now - c.int(1, 20) * 86_400_000 : null,
    });

    const siteCount = fixed
      ? 1
      : commercial
        ? c.f.helpers.weightedArrayElement([
            { value: 1, weight: 6 },
            { value: 2, weight: 3 },
            { value: 3, weight: 1 },
          ])
        : 1;
    for (let s = 0; s < siteCount; s++) {
      const addr = s === 0 ? hq : randomAddress(c.f, { complement: true });
      const contactFirst = s === 0 ? firstName : c.f.person.firstName();
      const contactLast = s === 0 ? lastName : c.f.person.lastName();
      const siteName = siteCount === 1 ? name : `${name} - ${SITE_LABELS[s % SITE_LABELS.length]}`;
      const site: Doc = {
        id: c.w.id('site'),
        publicLink: c.publicLink('Site'),
        active: true,
        customer: recordRef(customer),
        name: siteName,
        myId: fixed ? FIXED.customer.siteMyId : `S-${customer.id}-${s + 1}`,
        contactLastName: contactLast,
        contactFirstName: contactFirst,
        contactName: `${contactFirst} ${contactLast}`,
        contactPhone: c.phone(),
        contactMobile: c.chance(0.5) ? c.phone() : null,
        contactEmail: s === 0 ? email : commercial ? `${contactFirst.toLowerCase()}@${domain}` : null,
        contactFax: null,
        ...addressFields(addr),
        tags: [...(customer.tags as string[])],
        customFieldValues: cf.values('site'),
      };
      c.w.add('site', { doc: site, createdMs, modifiedMs: createdMs, deletedMs: deleted ? c.now - 86_400_000 : null });

      const trades = fixed
        ? ['Refrigeration', 'Electrical', 'HVAC']
        : commercial
          ? c.f.helpers.arrayElements(Object.keys(EQUIPMENT_KINDS), { min: 1, max: 3 })
          : c.f.helpers.arrayElements(['HVAC', 'Plumbing', 'Electrical', 'Boilers'], { min: 1, max: 2 });
      const equipment: Doc[] = [];
      const eqCount = fixed ? 1 : c.int(1, commercial ? 4 : 2);
      for (let e = 0; e < eqCount; e++) {
        const trade = trades[e % trades.length];
        const [kind, ...brands] = c.pick(EQUIPMENT_KINDS[trade]);
        const eq: Doc = {
          id: c.w.id('equipment'),
          publicLink: c.publicLink('Equipment'),
          active: true,
          name: fixed ? 'Espresso Machine La Marzocco' : `${c.pick(brands)} ${kind} #${c.int(100, 9999)}`,
          myId: fixed ? FIXED.customer.equipmentMyId : `EQ-${site.id}-${e + 1}`,
          customer: recordRef(customer),
          site: recordRef(site),
          tags: [slug(trade)],
          customFieldValues: cf.values('equipment'),
        };
        equipment.push(eq);
        c.w.add('equipment', { doc: eq, createdMs, deletedMs: deleted ? c.now - 86_400_000 : null });
      }
      sites.push({
        site,
        customer,
        equipment,
        trades,
        deleted,
        contact: {
          firstName: contactFirst,
          lastName: contactLast,
          email: site.contactEmail as string | null,
          phone: site.contactPhone as string,
          mobile: site.contactMobile as string | null,
        },
      });
    }
  }
  const active = sites.filter((s) => s.customer.active && !s.deleted);
  return { sites, active, fixed: sites[0] };
}
