/**
 * What the back office sets up: taxes (one default), the parts & services catalogue with categories, report
 * templates and a shared block, job types (duration, skills, default report template), scheduling windows, and stock
 * depots (a main warehouse, a shop, one van per technician) with stock.
 *
 * Templates, shared blocks and windows are few and go through the owning modules' seeding helpers
 * (insertReportTemplate, insertSharedBlock, insertSchedulingWindow) so their ids and item numbering are theirs.
 */
import type { Doc } from '../store/collection';
import { insertSharedBlock } from '../resources/block';
import { insertReportTemplate, type ItemDef, type TemplateBlockDef } from '../resources/reporttemplate';
import { insertSchedulingWindow } from '../resources/jobschedulingwindow';
import { namedRef, type SeedContext } from './context';
import type { People } from './people';

export interface CatalogPart {
  doc: Doc;
  /** Trades that use this part on their jobs ([] = any). */
  trades: string[];
  taxRate: string;
}

export interface JobTypeInfo {
  doc: Doc;
  template: Doc;
  minutes: number;
  trade: string | null;
}

export interface Catalogue {
  taxes: Doc[];
  defaultTax: Doc;
  parts: CatalogPart[];
  /** Labor and travel lines used on invoices. */
  labor: CatalogPart;
  travel: CatalogPart;
  templates: Doc[];
  jobTypes: JobTypeInfo[];
  windows: Doc[];
  depots: Doc[];
}

// [reference, name, category, price, trades, type, tracked, serializable]
const PARTS: [string, string, string, string, string[], string?, boolean?, boolean?][] = [
  ['FLT-1620', 'Pleated Filter 16x20x1 MERV 8', 'Filters', '9.50', ['HVAC'], 'part', true],
  ['FLT-2025', 'Pleated Filter 20x25x4 MERV 11', 'Filters', '34.00', ['HVAC'], 'part', true],
  ['FLT-BAG24', 'Bag Filter 24x24 MERV 14', 'Filters', '58.00', ['HVAC'], 'part', true],
  ['REF-410A', 'R-410A Refrigerant (per lb)', 'Refrigerants', '28.00', ['HVAC', 'Refrigeration'], 'part', true],
  ['REF-454B', 'R-454B Refrigerant (per lb)', 'Refrigerants', '41.00', ['HVAC', 'Refrigeration'], 'part', true],
  ['REF-134A', 'R-134a Refrigerant (per lb)', 'Refrigerants', '19.00', ['Refrigeration'], 'part', true],
  ['CAP-4555', 'Dual Run Capacitor 45/5 MFD', 'Electrical Components', '24.00', ['HVAC'], 'part', true],
  ['CNT-30A', 'Contactor 2-pole 30A', 'Electrical Components', '31.00', ['HVAC', 'Refrigeration'], 'part', true],
  ['IGN-HSI', 'Hot Surface Igniter', 'Controls', '46.00', ['HVAC', 'Boilers'], 'part', true],
  ['FLM-SNS', 'Flame Sensor', 'Controls', '18.00', ['HVAC', 'Boilers'], 'part', true],
  ['TST-WIFI', 'Smart Thermostat', 'Controls', '229.00', ['HVAC'], 'part', true, true],
  ['MTR-CFM', 'Condenser Fan Motor 1/4 HP', 'Motors & Fans', '189.00', ['HVAC', 'Refrigeration'], 'part', true, true],
  ['MTR-ECM', 'ECM Blower Motor 1/2 HP', 'Motors & Fans', '412.00', ['HVAC'], 'part', true, true],
  ['BLT-A38', 'V-Belt A38', 'Motors & Fans', '12.75', ['HVAC'], 'part', true],
  ['CIR-PMP', 'Circulator Pump', 'Pumps', '265.00', ['Boilers'], 'part', true, true],
  ['SMP-PMP', 'Sump Pump 1/3 HP', 'Pumps', '189.00', ['Plumbing'], 'part', true, true],
  ['EXP-TNK', 'Expansion Tank 4.4 gal', 'Valves & Fittings', '62.00', ['Boilers', 'Plumbing'], 'part', true],
  ['PRV-075', 'Pressure Relief Valve 3/4"', 'Valves & Fittings', '27.50', ['Boilers', 'Plumbing'], 'part', true],
  ['BV-075', 'Ball Valve 3/4" Brass', 'Valves & Fittings', '16.00', ['Plumbing'], 'part', true],
  ['CPL-050', 'Copper Coupling 1/2" (10 pk)', 'Valves & Fittings', '11.20', ['Plumbing', 'HVAC'], 'part', true],
  ['WH-50G', 'Water Heater 50 gal Gas', 'Water Heaters', '1049.00', ['Plumbing'], 'part', true, true],
  ['WH-ANODE', 'Anode Rod Magnesium', 'Water Heaters', '38.00', ['Plumbing'], 'part', true],
  ['WAX-RNG', 'Wax Ring with Flange', 'Valves & Fittings', '7.25', ['Plumbing'], 'part', false],
  ['BF-RK1', 'Backflow Repair Kit 1"', 'Backflow', '84.00', ['Backflow'], 'part', true],
  ['BF-TAG', 'Backflow Test Tag', 'Backflow', '2.00', ['Backflow'], 'part', false],
  ['SPK-HD', 'Sprinkler Head Pendent 155F', 'Fire Safety', '14.50', ['Fire Safety'], 'part', true],
  ['EXT-ABC5', 'Fire Extinguisher ABC 5 lb', 'Fire Safety', '64.00', ['Fire Safety'], 'part', true, true],
  ['SMK-DET', 'Smoke Detector Addressable', 'Fire Safety', '96.00', ['Fire Safety', 'Electrical'], 'part', true],
  ['BRK-20', 'Breaker 20A Single Pole', 'Electrical Components', '14.00', ['Electrical'], 'part', true],
  ['GFCI-20', 'GFCI Receptacle 20A', 'Electrical Components', '22.00', ['Electrical'], 'part', true],
  ['WIR-122', 'Wire 12/2 NM-B (per ft)', 'Electrical Components', '1.15', ['Electrical'], 'part', false],
  ['GEN-OIL', 'Generator Oil Service Kit', 'Generators', '79.00', ['Electrical'], 'part', true],
  ['GEN-BAT', 'Generator Starting Battery', 'Generators', '189.00', ['Electrical'], 'part', true, true],
  ['GSK-DOOR', 'Cooler Door Gasket', 'Refrigeration Parts', '112.00', ['Refrigeration'], 'part', true],
  ['EVP-FAN', 'Evaporator Fan Motor', 'Refrigeration Parts', '146.00', ['Refrigeration'], 'part', true],
  ['ICE-CLN', 'Ice Machine Cleaner 16 oz', 'Refrigeration Parts', '21.00', ['Refrigeration'], 'part', true],
  ['COIL-CLN', 'Coil Cleaner 1 gal', 'Chemicals', '26.00', ['HVAC', 'Refrigeration'], 'part', true],
  ['MISC', 'Miscellaneous Materials', 'Materials', '15.00', [], 'other', false],
  ['SVC-DIAG', 'Diagnostic Fee', 'Labor', '129.00', [], 'service'],
  ['SVC-PM', 'Preventive Maintenance Visit', 'Labor', '189.00', ['HVAC', 'Boilers', 'Refrigeration'], 'service'],
  ['SVC-BFT', 'Backflow Test & Certification', 'Labor', '115.00', ['Backflow'], 'service'],
  ['SVC-EMERG', 'After-hours Surcharge', 'Labor', '150.00', [], 'service'],
];

const SIGNOFF_ITEMS: ItemDef[] = [
  { type: 'text', name: 'Customer name', isMandatory: true },
  { type: 'signature', name: 'Customer signature', isMandatory: true },
  { type: 'list', name: 'Satisfaction', listValues: ['Very satisfied', 'Satisfied', 'Not satisfied'] },
];

const arrival: TemplateBlockDef = {
  name: 'Arrival',
  isMandatory: true,
  items: [
    { type: 'time', name: 'Arrival time', isMandatory: true },
    { type: 'compliance', name: 'Site contact present' },
  ],
};
const photos: TemplateBlockDef = {
  name: 'Photos',
  min: 0,
  max: 0,
  items: [
    { type: 'picture', name: 'Photo' },
    { type: 'text', name: 'Caption' },
  ],
};

const TEMPLATES: { key: string; name: string; isDefault?: boolean; blocks: TemplateBlockDef[] }[] = [
  {
    key: 'general',
    name: 'General Service Report',
    isDefault: true,
    blocks: [
      arrival,
      {
        name: 'Work Performed',
        isMandatory: true,
        items: [
          { type: 'text', name: 'Work description', isMandatory: true },
          { type: 'list', name: 'Outcome', listValues: ['Resolved', 'Follow-up needed', 'Quote required'] },
        ],
      },
    ],
  },
  {
    key: 'hvac',
    name: 'HVAC Maintenance',
    blocks: [
      arrival,
      {
        name: 'Inspection',
        isMandatory: true,
        items: [
          { type: 'list', name: 'Filter condition', listValues: ['Clean', 'Dirty', 'Replaced'] },
          { type: 'numeric', name: 'Supply air temp (F)' },
          { type: 'numeric', name: 'Return air temp (F)' },
          { type: 'compliance', name: 'Condensate drain clear' },
          { type: 'text', name: 'Observations' },
        ],
      },
      photos,
    ],
  },
  {
    key: 'plumbing',
    name: 'Plumbing Service',
    blocks: [
      arrival,
      {
        name: 'Work Performed',
        isMandatory: true,
        items: [
          {
            type: 'list',
            name: 'Service type',
            listValues: ['Leak repair', 'Drain cleaning', 'Fixture replacement', 'Water heater'],
          },
          { type: 'text', name: 'Work description', isMandatory: true },
          { type: 'compliance', name: 'Leak test passed' },
        ],
      },
    ],
  },
  {
    key: 'electrical',
    name: 'Electrical Inspection',
    blocks: [
      arrival,
      {
        name: 'Panel Readings',
        isMandatory: true,
        items: [
          { type: 'numeric', name: 'Voltage L1-L2' },
          { type: 'numeric', name: 'Load (A)' },
          { type: 'compliance', name: 'Breakers labeled' },
          { type: 'text', name: 'Observations' },
        ],
      },
      photos,
    ],
  },
  {
    key: 'test',
    name: 'Backflow & Fire Test',
    blocks: [
      arrival,
      {
        name: 'Test Results',
        isMandatory: true,
        items: [
          { type: 'list', name: 'Result', listValues: ['Pass', 'Fail'] },
          { type: 'numeric', name: 'Pressure (psi)' },
          { type: 'date', name: 'Next test due' },
        ],
      },
    ],
  },
  {
    key: 'refrigeration',
    name: 'Refrigeration Service',
    blocks: [
      arrival,
      {
        name: 'Readings',
        isMandatory: true,
        items: [
          { type: 'numeric', name: 'Box temp (F)' },
          { type: 'numeric', name: 'Refrigerant added (lb)' },
          { type: 'text', name: 'Observations' },
        ],
      },
      photos,
    ],
  },
];

// [name, duration, skills, template key, priority, isDefault, trade]
const JOB_TYPES: [string, string, string[], string, string, boolean, string | null][] = [
  ['Service Call', '01:00:00', [], 'general', 'medium', true, null],
  ['Estimate Visit', '00:45:00', [], 'general', 'low', false, null],
  ['HVAC Maintenance', '01:30:00', ['HVAC'], 'hvac', 'low', false, 'HVAC'],
  ['HVAC Repair', '02:00:00', ['HVAC'], 'hvac', 'high', false, 'HVAC'],
  ['Boiler Service', '02:00:00', ['Boilers'], 'hvac', 'medium', false, 'Boilers'],
  ['Plumbing Repair', '01:30:00', ['Plumbing'], 'plumbing', 'medium', false, 'Plumbing'],
  ['Water Heater Install', '04:00:00', ['Plumbing'], 'plumbing', 'medium', false, 'Plumbing'],
  ['Electrical Inspection', '01:00:00', ['Electrical'], 'electrical', 'low', false, 'Electrical'],
  ['Generator Service', '02:00:00', ['Electrical'], 'electrical', 'medium', false, 'Electrical'],
  ['Refrigeration Repair', '02:00:00', ['Refrigeration'], 'refrigeration', 'high', false, 'Refrigeration'],
  ['Backflow Test', '00:45:00', ['Backflow'], 'test', 'low', false, 'Backflow'],
  ['Fire Sprinkler Inspection', '01:30:00', ['Fire Safety'], 'test', 'medium', false, 'Fire Safety'],
];

export const WINDOWS = [
  { name: 'Early Morning', startTime: '07:00', endTime: '09:00' },
  { name: 'Morning', startTime: '08:00', endTime: '12:00' },
  { name: 'Afternoon', startTime: '12:00', endTime: '17:00' },
  { name: 'All Day', startTime: '08:00', endTime: '17:00' },
];

const minutesOf = (hms: string) => Number(hms.slice(0, 2)) * 60 + Number(hms.slice(3, 5));

export function seedCatalogue(c: SeedContext, people: People): Catalogue {
  const created = c.ms(c.at(c.day(-400), 9 * 60));
  const taxes = [
    { id: c.w.id('tax'), name: 'Chicago Sales Tax', rate: '10.25', default: true },
    { id: c.w.id('tax'), name: 'Illinois State Tax', rate: '6.25', default: false },
    { id: c.w.id('tax'), name: 'Tax Exempt', rate: '0.00', default: false },
  ];
  for (const t of taxes) c.w.add('tax', { doc: t, createdMs: created });
  const [defaultTax, , exempt] = taxes;

  const categories = new Map<string, Doc>();
  const parts: CatalogPart[] = [];
  for (const [reference, name, category, price, trades, type = 'part', tracked = false, serial = false] of PARTS) {
    let cat = categories.get(category);
    if (!cat) {
      cat = { id: c.w.id('partcategory'), name: category };
      categories.set(category, cat);
      c.w.add('partcategory', { doc: cat, createdMs: created });
    }
    const tax = type === 'service' ? exempt : defaultTax;
    const doc: Doc = {
      id: c.w.id('part'),
      name,
      reference,
      description: type === 'service' ? `${name} (per visit)` : `${name}\nStocked item`,
      price,
      minQuantity: tracked ? c.int(2, 10) : null,
      isTracked: tracked,
      isSerializable: serial,
      category: namedRef(cat),
      tax: { id: tax.id, name: tax.name, rate: tax.rate },
      status: 'active',
      type,
    };
    c.w.add('part', { doc, createdMs: created, modifiedMs: created + c.int(0, 300) * 86_400_000 });
    parts.push({ doc, trades, taxRate: tax.rate });
  }
  // Labor by the hour and a travel charge: the lines of every invoice.
  const laborCat = categories.get('Labor')!;
  const mk = (reference: string, name: string, price: string, type: string): CatalogPart => {
    const doc: Doc = {
      id: c.w.id('part'),
      name,
      reference,
      description: name,
      price,
      minQuantity: null,
      isTracked: false,
      isSerializable: false,
      category: namedRef(laborCat),
      tax: { id: exempt.id, name: exempt.name, rate: exempt.rate },
      status: 'active',
      type,
    };
    c.w.add('part', { doc, createdMs: created });
    return { doc, trades: [], taxRate: exempt.rate };
  };
  const labor = mk('LAB-HR', 'Technician Labor (per hour)', '115.00', 'service');
  const travel = mk('TRV-CHI', 'Trip Charge Chicago', '59.00', 'travel');
  // One discontinued part, so lists by status have both.
  const retired: Doc = {
    id: c.w.id('part'),
    name: 'Standing Pilot Thermocouple',
    reference: 'THC-OLD',
    description: 'Discontinued',
    price: '12.00',
    minQuantity: null,
    isTracked: false,
    isSerializable: false,
    category: namedRef(categories.get('Controls')!),
    tax: { id: defaultTax.id, name: defaultTax.name, rate: defaultTax.rate },
    status: 'inactive',
    type: 'part',
  };
  c.w.add('part', { doc: retired, createdMs: created });
  c.w.flush();

  const signoff = insertSharedBlock(c.store, { name: 'Customer Sign-off', items: SIGNOFF_ITEMS });
  const templates = new Map<string, Doc>();
  for (const t of TEMPLATES) {
    const blocks = [
      ...t.blocks,
      { id: signoff.id as number, name: 'Customer Sign-off', isShared: true, isMandatory: true },
    ];
    templates.set(t.key, insertReportTemplate(c.store, { name: t.name, isDefault: t.isDefault, blocks }));
  }
  // An unpublished draft template, so isPublished filters have something to tell apart.
  insertReportTemplate(c.store, { name: 'Kitchen Hood Cleaning (draft)', isPublished: false, blocks: [arrival] });

  const jobTypes: JobTypeInfo[] = JOB_TYPES.map(([name, duration, skills, key, priority, isDefault, trade]) => {
    const template = templates.get(key)!;
    const doc: Doc = {
      id: c.w.id('jobtype'),
      name,
      duration,
      isDefault,
      priority,
      customHeader: null,
      customLogoUrl: null,
      defaultJobReport: namedRef(template),
      skills,
    };
    c.w.add('jobtype', { doc, createdMs: created });
    return { doc, template, minutes: minutesOf(duration), trade };
  });

  const windows = WINDOWS.map((w) => insertSchedulingWindow(c.store, w));

  const depots = seedDepots(c, people, parts);
  return { taxes, defaultTax, parts, labor, travel, templates: [...templates.values()], jobTypes, windows, depots };
}

function seedDepots(c: SeedContext, people: People, parts: CatalogPart[]): Doc[] {
  const created = c.ms(c.at(c.day(-400), 9 * 60));
  const tracked = parts.filter((p) => p.doc.isTracked);
  let serialNo = 100000;
  const stock = (share: number, serialCount: [number, number], qty: [number, number]) => {
    const out: Record<string, { quantity: number; serials: string[] }> = {};
    for (const p of tracked) {
      if (!c.chance(share)) continue;
      if (p.doc.isSerializable) {
        const n = c.int(...serialCount);
        if (!n) continue;
        const serials = Array.from({ length: n }, () => `${String(p.doc.reference)}-${serialNo++}`);
        out[String(p.doc.id)] = { quantity: n, serials };
      } else {
        out[String(p.doc.id)] = { quantity: c.int(...qty), serials: [] };
      }
    }
    return out;
  };
  const depots: Doc[] = [
    { id: c.uuid(), name: 'Main Warehouse', isDefault: true, isProvider: true, _stock: stock(1, [3, 8], [20, 200]) },
    { id: c.uuid(), name: 'West Side Shop', isDefault: false, isProvider: true, _stock: stock(0.7, [1, 4], [5, 60]) },
  ];
  for (const t of people.techs) {
    depots.push({
      id: c.uuid(),
      name: `Van - ${t.doc.firstName} ${t.doc.lastName}`,
      isDefault: false,
      isProvider: false,
      _stock: stock(0.35, [0, 1], [1, 12]),
    });
  }
  for (const d of depots) c.w.add('depot', { doc: d, createdMs: created });
  return depots;
}
