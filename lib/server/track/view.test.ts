/** The view model is the privacy boundary: exactly the whitelisted fields, none of the API's private values. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const TZ = 'America/Chicago';
const state: { job: any; user: any; day: any[] } = { job: null, user: null, day: [] };

vi.mock('../env', () => ({ getEnv: () => ({ SYNCHROTEAM_TIMEZONE: TZ, TRACK_AVERAGE_SPEED_KMH: 30 }) }));
vi.mock('./upstream', () => ({
  getJob: async () => state.job,
  getUser: async () => state.user,
  technicianDay: async () => state.day,
}));

const { loadTrackView } = await import('./view');

// 2026-05-14 10:00 in Chicago (CDT, UTC−5)
const NOW = Date.UTC(2026, 4, 14, 15, 0, 0);
const EN = { lang: 'en' as const, formatLocale: 'en-US' };

function job(over: Record<string, unknown> = {}) {
  return {
    id: '91e79fa9-c307-4570-9946-73d5b409a8de',
    myId: 'INTERNAL-REF-77',
    num: 1042,
    description: 'Boiler service',
    priority: 'high',
    customer: { id: 35604, myId: 'sCustomer08', name: 'Other Name Inc' },
    site: { id: 2811, myId: 'ref-2511', name: 'Secret Site' },
    equipment: null,
    type: { id: 629, name: 'Standard Job' },
    technician: { id: 1551, name: 'John Doe', login: 'johndoe' },
    address: '2417 N Western Ave, Chicago, IL 60647',
    addressComplement: 'Unit 2',
    addressZIP: '60647',
    position: { latitude: '41.9257845', longitude: '-87.6860311' },
    contactFirstName: 'Paul',
    contactLastName: 'Hamilton',
    contactEmail: 'paul@hamilton.test',
    contactMobile: '(719) 388-1969',
    contactPhone: '(877) 413-5903',
    scheduledStart: '2026-05-14 10:30',
    scheduledEnd: '2026-05-14 11:30',
    actualStart: null,
    actualEnd: null,
    status: 'scheduled',
    publicLink: 'https://x.synchroteam.com/Jobs/PublicJob/afb5853',
    customFieldValues: [{ id: 1, label: 'internal note', value: 'VIP, owes 300 USD' }],
    parts: [{ id: 1, quantity: 2, reference: 'PART-XYZ', serialNumbers: null }],
    dateDeleted: null,
    ...over,
  };
}
const user = {
  id: 1551,
  firstName: 'John',
  lastName: 'Doe',
  login: 'johndoe',
  phone: '(719) 555-0100',
  lastLocation: { latitude: '41.9484', longitude: '-87.6553', datetime: '2026-05-14 09:58:00' },
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  state.job = job();
  state.user = user;
  state.day = [];
});
afterEach(() => vi.useRealTimers());

describe('track view model', () => {
  it('holds exactly the whitelisted fields and none of the private values', async () => {
    const r = await loadTrackView('x', EN);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(Object.keys(r.view).sort()).toEqual(
      [
        'addressLines',
        'arrivalWindow',
        'canReschedule',
        'completedAt',
        'date',
        'description',
        'eta',
        'finishingPrevious',
        'lang',
        'number',
        'paused',
        'refreshAfter',
        'stage',
        'technicianFirstName',
        'updatedAt',
      ].sort(),
    );
    const text = JSON.stringify(r.view);
    for (const secret of [
      '91e79fa9',
      'INTERNAL-REF-77',
      '35604',
      'Other Name',
      'Secret Site',
      'johndoe',
      'Doe',
      'Hamilton',
      'paul@',
      '388-1969',
      '413-5903',
      '555-0100',
      '41.9484',
      '87.6553',
      '41.9257845',
      'publicLink',
      'VIP',
      'PART-XYZ',
      'high',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(r.view).toMatchObject({
      number: 1042,
      stage: 'on_the_way',
      technicianFirstName: 'John',
      addressLines: ['2417 N Western Ave, Chicago, IL 60647', 'Unit 2'],
    });
    expect(r.view.eta).toMatch(/AM/);
  });

  it('gives no ETA with a stale position, and says the job is scheduled', async () => {
    state.user = { ...user, lastLocation: { ...user.lastLocation, datetime: '2026-05-14 08:30:00' } };
    const r = await loadTrackView('x', EN);
    expect(r.kind === 'ok' && r.view).toMatchObject({ stage: 'scheduled', eta: null, refreshAfter: 120 });
  });

  it('shows the completion time after completion and stops refreshing', async () => {
    state.job = job({ status: 'completed', actualStart: '2026-05-14 08:00', actualEnd: '2026-05-14 09:12' });
    const r = await loadTrackView('x', { lang: 'fr', formatLocale: 'fr-FR' });
    expect(r.kind === 'ok' && r.view).toMatchObject({
      stage: 'done',
      completedAt: 'jeudi 14 mai, 9:12',
      eta: null,
      refreshAfter: null,
      canReschedule: false,
      date: null,
    });
  });

  it('treats a deleted or unknown job as gone', async () => {
    state.job = job({ dateDeleted: '2026-05-13 10:00' });
    expect((await loadTrackView('x', EN)).kind).toBe('gone');
    state.job = null;
    expect((await loadTrackView('x', EN)).kind).toBe('gone');
  });
});
