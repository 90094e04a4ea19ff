/**
 * Prerequisites of the job-domain contract tests: users and teams inserted directly (their endpoints belong to
 * other modules), customers through customer/send, sites and equipment inserted in the reference's shapes.
 */
import type { TestApi } from './harness';

export interface World {
  east: any;
  west: any;
  alice: any;
  bob: any;
  carol: any;
  boss: any;
  customer: any;
  other: any;
  site: any;
  otherSite: any;
  equipment: any;
  type: any;
}

const ref = (r: any) => ({ id: r.id, myId: r.myId ?? null, name: r.name ?? null });

export async function setupWorld(api: TestApi, tag = ''): Promise<World> {
  const store = api.sandbox.store;
  const team = (name: string) =>
    store.collection('team').insert({ name, description: null, numTechs: 0, numManagers: 0, tags: [], deleted: null })
      .doc;
  const user = (firstName: string, lastName: string, login: string, teams: string[], profile = 'technician') =>
    store.collection('user').insert({
      firstName,
      lastName,
      login,
      phone: null,
      profile,
      email: `${login}@example.test`,
      language: 'EN',
      teams,
      skilledTrades: [],
      customFieldValues: [],
      startLocation: null,
      lastLocation: null,
      deleted: null,
      timezone: 'Central Standard Time',
      isSubcontractor: false,
    }).doc;
  const east = team(`East${tag}`);
  const west = team(`West${tag}`);
  const alice = user('Alice', 'Ng', `alice${tag}`, [`East${tag}`]);
  const bob = user('Bob', 'Ray', `bob${tag}`, [`West${tag}`]);
  const carol = user('Carol', 'Diaz', `carol${tag}`, [`East${tag}`, `West${tag}`]);
  const boss = user('Dana', 'Boss', `dana${tag}`, [], 'manager');

  const customer = (
    await api.post('customer/send', {
      myId: `C-1${tag}`,
      name: `Lakeview Bakery${tag}`,
      addressStreet: '3120 W Belmont Ave',
      addressCity: 'Chicago',
      addressProvince: 'IL',
      addressZIP: '60618',
      addressCountry: 'United States',
      contactFirstName: 'Paul',
      contactLastName: 'Hamilton',
      contactEmail: 'paul@lakeview.test',
      contactPhone: '(312) 555-0101',
    })
  ).body;
  const other = (await api.post('customer/send', { myId: `C-2${tag}`, name: `Other Co${tag}` })).body;
  const site = store.collection('site').insert({
    myId: `S-1${tag}`,
    name: `Lakeview North${tag}`,
    customer: ref(customer),
    address: '1 N State St, Chicago, IL 60602, United States',
    addressStreet: '1 N State St',
    addressComplement: null,
    addressZIP: '60602',
    addressCity: 'Chicago',
    addressProvince: 'IL',
    addressCountry: 'United States',
    position: { latitude: '41.8821', longitude: '-87.6278' },
    contactFirstName: 'Sam',
    contactLastName: 'Site',
    contactPhone: '(312) 555-0199',
    contactMobile: null,
    contactEmail: 'sam@site.test',
    contactFax: null,
    customFieldValues: [],
    tags: [],
    active: true,
  }).doc;
  const otherSite = store
    .collection('site')
    .insert({ myId: `S-2${tag}`, name: `Other site${tag}`, customer: ref(other), active: true }).doc;
  const equipment = store
    .collection('equipment')
    .insert({ myId: `E-1${tag}`, name: `Boiler${tag}`, customer: ref(customer), site: ref(site), active: true }).doc;
  const type = (
    await api.post('jobtype/send', {
      name: `Repair${tag}`,
      duration: '01:30:00',
      skills: ['Plumber'],
      priority: 'high',
    })
  ).body;
  return { east, west, alice, bob, carol, boss, customer, other, site, otherSite, equipment, type };
}
