/**
 * Job scheduling preferences (job.preferences): preferred date, meeting date-time, draft and pool flags, and the
 * preferred scheduling window, team and technician. Also used by recurrences for the references they share.
 *
 * Readings taken: a partial preferences object changes only the fields it sends; references are resolved by id or
 * name (window, team) and id or login (user), unknown ones are a 400; `date` is "YYYY-MM-DD", `dateTime` is emitted
 * "YYYY-MM-DD HH:mm".
 */
import { formatApiDateTime, datePart } from '../../lib/synchroteam/dates';
import { badRequest } from '../http/errors';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { field, optBool, optDate, resolveRef, type Body } from './common';
import { namedRef, resolveUser, userRef } from './job-shared';

export function resolveWindow(store: Store, ref: unknown, what: string) {
  const r = resolveRef(ref, store.collection('jobschedulingwindow'), { id: 'id', name: 'name' }, what);
  return r === undefined ? undefined : r ? namedRef(r.doc) : null;
}

export function resolveTeam(store: Store, ref: unknown, what: string) {
  const r = resolveRef(ref, store.collection('team'), { id: 'id', name: 'name' }, what);
  return r === undefined ? undefined : r ? namedRef(r.doc) : null;
}

export function readPreferences(store: Store, current: Doc | null | undefined, raw: unknown): Doc {
  const prefs: Doc = {
    ...(current ?? {
      date: null,
      dateTime: null,
      isDraft: false,
      isPool: false,
      schedulingWindow: null,
      team: null,
      user: null,
    }),
  };
  if (raw === null) return prefs;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`Field 'preferences' must be an object`);
  const body = raw as Body;
  const date = optDate(body, 'date');
  if (date !== undefined) prefs.date = date ? datePart(date) : null;
  const dateTime = optDate(body, 'dateTime');
  if (dateTime !== undefined) prefs.dateTime = formatApiDateTime(dateTime);
  for (const f of ['isDraft', 'isPool']) {
    try {
      const v = optBool(body, f);
      if (v !== undefined) prefs[f] = v;
    } catch {
      throw badRequest(`Field 'preferences.${f}' must be true or false`);
    }
  }
  const win = resolveWindow(store, field(body, 'schedulingWindow'), 'preferences.schedulingWindow');
  if (win !== undefined) prefs.schedulingWindow = win;
  const team = resolveTeam(store, field(body, 'team'), 'preferences.team');
  if (team !== undefined) prefs.team = team;
  const user = field(body, 'user');
  if (user !== undefined) prefs.user = user === null ? null : userRef(resolveUser(store, user, 'preferences.user')!);
  return prefs;
}
