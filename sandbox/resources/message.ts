/**
 * Messages to technicians' mobile app: send.
 *
 * Readings taken:
 * - The reference documents message/send only; there is no message/list (it answers 404 as any unknown endpoint,
 *   so that no client comes to rely on it). Sent messages are kept, one record per recipient, in the 'message'
 *   collection (for the seed, the live mode and tests).
 * - `message` is required; `title` optional; `priority` null, "medium" or "high" (case-insensitive; null = normal).
 * - `users` is required: a non-empty list of {id} or {login}; an unknown or deleted user is a 400 naming 'users'.
 *   A user named twice receives the message once. The answer lists recipients as {id, login}, as the example.
 */
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Row } from '../store/collection';
import { field, LINK_KEYS, localStamp, optEnum, optString, requireObject, resolveRef } from './common';

export function registerMessages(router: Router, store: Store): void {
  const messages = store.collection('message');
  const users = store.collection('user');

  router.post('message/send', (ctx) => {
    const body = requireObject(ctx.body);
    const text = optString(body, 'message', 10000);
    if (!text || !text.trim()) throw badRequest(`Field 'message' is required`);
    const title = optString(body, 'title', 500) ?? null;
    const priority = optEnum(body, 'priority', ['medium', 'high'] as const) ?? null;
    const list = field(body, 'users');
    if (!Array.isArray(list) || !list.length)
      throw badRequest(`Field 'users' is required: a list of {"id": …} or {"login": …}`);
    const recipients = new Map<number | string, Row>();
    list.forEach((ref, i) => {
      const row = resolveRef(ref, users, LINK_KEYS.user, `users[${i}]`);
      if (!row) throw badRequest(`Field 'users[${i}]' must name a user with id or login`);
      recipients.set(row.id, row);
    });
    const sentAt = localStamp(ctx.now, ctx);
    for (const u of recipients.values()) {
      messages.insert({
        title,
        message: text,
        priority,
        user: { id: u.id, login: u.doc.login },
        dateSent: sentAt,
        isRead: false,
      });
    }
    return {
      message: text,
      priority,
      title,
      users: [...recipients.values()].map((u) => ({ id: u.id, login: u.doc.login })),
    };
  });
}
