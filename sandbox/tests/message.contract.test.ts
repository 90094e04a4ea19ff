/**
 * Messages. Readings under test (see sandbox/resources/message.ts): send only (no list endpoint), message and users
 * required, recipients by id or login answered as {id, login}, priority null/medium/high, one record per recipient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZMessage } from '../../lib/synchroteam/schemas/message';

describe('messages', () => {
  let api: TestApi;
  let william: any, john: any;
  beforeAll(async () => {
    api = await startTestApi();
    william = (await api.post('user/send', { login: 'william', password: 'pw' })).body;
    john = (await api.post('user/send', { login: 'john', password: 'pw' })).body;
    const gone = (await api.post('user/send', { login: 'gone', password: 'pw' })).body;
    await api.del('user/delete', { id: gone.id });
  });
  afterAll(() => api.stop());

  it('sends a message to users named by id or login', async () => {
    const r = await api.post('message/send', {
      title: 'Training Info',
      message: 'Hi - The Synchroteam Training is scheduled for Monday at 2pm',
      priority: 'high',
      users: [{ id: william.id }, { login: 'john' }, { login: 'JOHN' }],
    });
    expect(r.status).toBe(200);
    ZMessage.parse(r.body);
    expect(r.body).toEqual({
      message: 'Hi - The Synchroteam Training is scheduled for Monday at 2pm',
      priority: 'high',
      title: 'Training Info',
      users: [
        { id: william.id, login: 'william' },
        { id: john.id, login: 'john' },
      ],
    });
    const stored = api.sandbox.store.collection('message').all();
    expect(stored.map((m) => (m.doc.user as any).login)).toEqual(['william', 'john']);
    const plain = await api.post('message/send', { message: 'No title', users: [{ id: john.id }] });
    expect(plain.body).toMatchObject({ title: null, priority: null });
  });

  it('refuses bad input with a 400 naming the field and sends nothing', async () => {
    const before = api.sandbox.store.collection('message').count();
    const cases: [unknown, RegExp][] = [
      [{ title: 'x', users: [{ id: john.id }] }, /message/],
      [{ message: '  ', users: [{ id: john.id }] }, /message/],
      [{ message: 'x' }, /users/],
      [{ message: 'x', users: [] }, /users/],
      [{ message: 'x', users: { id: john.id } }, /users/],
      [{ message: 'x', users: [{ id: john.id }, { login: 'ghost' }] }, /users\[1\]/],
      [{ message: 'x', users: [{ login: 'gone' }] }, /users\[0\]/],
      [{ message: 'x', users: [{}] }, /users\[0\]/],
      [{ message: 'x', users: [{ id: john.id }], priority: 'urgent' }, /priority/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('message/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect(api.sandbox.store.collection('message').count()).toBe(before);
    expect((await api.get('message/send')).status).toBe(405);
    expect((await api.get('message/list')).status).toBe(404);
  });
});
