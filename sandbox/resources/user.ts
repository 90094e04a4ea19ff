/**
 * Users: details / send (upsert on id or login) / delete / list.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - `password` is "write only - required when creating or updating", yet partial updates are documented: it is
 *   required on creation only, never served (kept as a salted hash in `_password`).
 * - `login` is the upsert key, unique (case-insensitive) among all users, deleted ones included: a login held by a
 *   deleted user is a 400 (the record keeps it). With an `id`, `login` may be changed to a free one.
 * - `timezone` takes and gives Windows zone names ("Central Standard Time"), exactly; an unknown name (IANA names
 *   included) is a 400 naming 'timezone'. Default: the account zone in its Windows name.
 * - `teams` are team names; each must be an existing, not deleted team (teams are managed in the back office, the
 *   API cannot create them), else a 400 naming 'teams'. Names are stored as the team spells them.
 * - `startLocation` is sent as {fullAddress} (latitude/longitude optional) and geocoded when no coordinates are
 *   given (null coordinates when unknown); `lastLocation`, `lastConnection`, `lastSynchronization` are read-only.
 * - `deleted` is the deletion date ("YYYY-MM-DD HH:mm") or null. details also finds deleted users (that is what the
 *   field is for); delete of an already deleted user is a 404. There is no undelete endpoint.
 * - The details table lists sort/sortOrder (login, dateModified) and phoneFormat (local, intl): sort applies to
 *   list, phoneFormat to both. intl renders 10-digit North American numbers as E.164 ("+17193881966"); other
 *   numbers are served as stored.
 * - profile defaults to technician, language to EN (accepted case-insensitively, served upper-case).
 */
import { scryptSync, randomBytes } from 'node:crypto';
import { ianaToWindows, windowsToIana } from '../../lib/synchroteam/dates';
import { readPaging, readSort, type Query } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import { geocodeStreet, toApiPosition } from '../geo/gazetteer';
import {
  checkEmail,
  checkMandatoryCustomFields,
  field,
  findUpsertTarget,
  listResponse,
  localStamp,
  mergeCustomFieldValues,
  optBool,
  optEnum,
  optString,
  optStringList,
  readPosition,
  requireObject,
  selectByParam,
  withStamps,
  type Body,
  type Ctx,
} from './common';

export const PROFILES = ['technician', 'administrator', 'manager'] as const;
export const LANGUAGES = ['EN', 'FR', 'ES', 'RO', 'CZ'] as const;
const TEXT_FIELDS = ['firstName', 'lastName', 'login', 'phone', 'email'] as const;
const PARAMS = { id: 'id', login: 'login' };

function hashPassword(pw: string): string {
  const salt = randomBytes(8).toString('hex');
  return `${salt}:${scryptSync(pw, salt, 32, { N: 1024 }).toString('hex')}`;
}

/** Phone as asked by phoneFormat. */
export function formatPhone(phone: unknown, format: 'local' | 'intl'): unknown {
  if (format === 'local' || typeof phone !== 'string') return phone;
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return phone;
}

/** Users' `teams` JSON array contains a name (case-insensitive). */
export const TEAM_MEMBER_SQL = `EXISTS (SELECT 1 FROM json_each(doc, '$.teams') WHERE value = ? COLLATE NOCASE)`;

function readStartLocation(body: Body): Doc | null | undefined {
  const v = field(body, 'startLocation');
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v))
    throw badRequest(`Field 'startLocation' must be {fullAddress, latitude, longitude}`);
  const loc = v as Body;
  const fullAddress = optString(loc, 'fullAddress', 500) ?? null;
  const hasCoords = field(loc, 'latitude') != null || field(loc, 'longitude') != null;
  if (hasCoords) {
    const p = readPosition({ position: { latitude: field(loc, 'latitude'), longitude: field(loc, 'longitude') } });
    return { fullAddress, latitude: p!.latitude, longitude: p!.longitude };
  }
  const parts = (fullAddress ?? '').split(',').map((s) => s.trim());
  const pos = fullAddress ? toApiPosition(geocodeStreet(parts[0], parts[1])) : null;
  return { fullAddress, latitude: pos?.latitude ?? null, longitude: pos?.longitude ?? null };
}

export function registerUsers(router: Router, store: Store): void {
  const users = store.collection('user');
  const teams = store.collection('team');

  const phoneFormat = (q: Query) => q.oneOf('phoneFormat', ['local', 'intl'] as const) ?? 'local';
  const show = (ctx: Ctx, row: Row, format: 'local' | 'intl') => {
    const doc = withStamps(row, ctx);
    doc.deleted = row.deleted && row.deletedMs ? localStamp(row.deletedMs, ctx) : null;
    doc.phone = formatPhone(doc.phone, format);
    return doc;
  };

  router.get('user/details', (ctx) => {
    const format = phoneFormat(ctx.query);
    ctx.query.oneOf('sort', ['login', 'dateModified']);
    ctx.query.oneOf('sortOrder', ['ascending', 'descending']);
    return show(ctx, selectByParam(ctx.query, users, PARAMS, 'User', { includeDeleted: true })[0], format);
  });

  router.post('user/send', (ctx) => {
    const body = requireObject(ctx.body);
    let existing = findUpsertTarget(users, body, 'User');
    const login = optString(body, 'login', 100);
    if (!existing && login) {
      const held = users.findBy('login', login, { includeDeleted: true })[0];
      if (held?.deleted) throw badRequest(`Field 'login': '${login}' belongs to a deleted user`);
      existing = held ?? null;
    }
    const doc: Doc = existing
      ? { ...existing.doc }
      : {
          profile: 'technician',
          language: 'EN',
          lastLocation: null,
          lastConnection: null,
          lastSynchronization: null,
          isSubcontractor: false,
        };

    for (const f of TEXT_FIELDS) {
      const v = optString(body, f, 200);
      if (v !== undefined) doc[f] = v;
    }
    if (typeof doc.login !== 'string' || !doc.login.trim()) throw badRequest(`Field 'login' is required`);
    if (/\s/.test(doc.login)) throw badRequest(`Field 'login' cannot contain spaces`);
    const clash = users.findBy('login', doc.login, { includeDeleted: true }).find((r) => r.id !== existing?.id);
    if (clash) throw badRequest(`Field 'login': another user already uses login '${doc.login}'`);
    checkEmail(doc.email, 'email');

    const password = optString(body, 'password', 200);
    if (password === null || password === '') throw badRequest(`Field 'password' cannot be empty`);
    if (password !== undefined) doc._password = hashPassword(password);
    if (!doc._password) throw badRequest(`Field 'password' is required when creating a user`);

    const profile = optEnum(body, 'profile', PROFILES);
    if (profile) doc.profile = profile;
    const language = optEnum(body, 'language', LANGUAGES);
    if (language) doc.language = language;

    const tz = optString(body, 'timezone', 100);
    if (tz !== undefined && tz !== null) {
      if (!windowsToIana(tz)) {
        throw badRequest(
          `Field 'timezone' must be a Windows time zone name such as 'Central Standard Time' (got '${tz}')`,
        );
      }
      doc.timezone = tz;
    }
    doc.timezone ??= ianaToWindows(ctx.config.timeZone) ?? 'Central Standard Time';

    const teamNames = optStringList(body, 'teams');
    if (teamNames !== undefined) {
      doc.teams = teamNames.map((n) => {
        const t = teams.findBy('name', n)[0];
        if (!t) throw badRequest(`Field 'teams': no team is named '${n}'`);
        return t.doc.name as string;
      });
    }
    doc.teams ??= [];
    const trades = optStringList(body, 'skilledTrades');
    if (trades !== undefined) doc.skilledTrades = trades;
    doc.skilledTrades ??= [];

    const start = readStartLocation(body);
    if (start !== undefined) doc.startLocation = start;
    doc.startLocation ??= null;
    const sub = optBool(body, 'isSubcontractor');
    if (sub !== undefined) doc.isSubcontractor = sub;

    doc.customFieldValues = mergeCustomFieldValues(
      store,
      'user',
      doc.customFieldValues,
      field(body, 'customFieldValues'),
    );
    if (!existing) checkMandatoryCustomFields(store, 'user', doc.customFieldValues as never);
    for (const f of TEXT_FIELDS) doc[f] ??= null;
    delete doc.deleted;
    const row = existing ? users.update(existing.id, doc) : users.insert(doc);
    return show(ctx, row, 'local');
  });

  router.delete('user/delete', (ctx) => {
    const rows = selectByParam(ctx.query, users, PARAMS, 'User');
    for (const r of rows) users.setDeleted(r.id, true);
    return rows.map((r) => ({ id: r.id, deleted: true }));
  });

  router.get('user/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const format = phoneFormat(q);
    const sort = readSort(q, { login: 'login', dateModified: 'modified_ms' }, 'login');
    const show_ = q.oneOf('show', ['active', 'deleted', 'all'] as const) ?? 'active';
    const where: string[] = [];
    const params: unknown[] = [];
    const teamId = q.int('teamId');
    if (teamId !== undefined) {
      const t = teams.get(teamId, { includeDeleted: true });
      where.push(TEAM_MEMBER_SQL);
      params.push(t ? t.doc.name : '\u0000no team');
    }
    const teamName = q.str('teamName');
    if (teamName) {
      where.push(TEAM_MEMBER_SQL);
      params.push(teamName);
    }
    const trade = q.str('skilledTrade');
    if (trade) {
      where.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.skilledTrades') WHERE value = ? COLLATE NOCASE)`);
      params.push(trade);
    }
    const { rows, total } = users.list({
      where,
      params,
      show: show_,
      orderBy: `${sort.column} ${sort.direction}`,
      ...paging,
    });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(ctx, r, format)),
    );
  });
}
