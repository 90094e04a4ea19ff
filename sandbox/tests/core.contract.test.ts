import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';

describe('sandbox HTTP pipeline', () => {
  let api: TestApi;
  let limited: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    limited = await startTestApi({ config: { rateLimitPerMinute: 3, dailyQuota: 5 } });
  });
  afterAll(async () => {
    await api.stop();
    await limited.stop();
  });

  it('refuses missing or wrong credentials with 401 JSON', async () => {
    for (const auth of [null, 'Basic ' + Buffer.from('demo:wrong').toString('base64'), 'Bearer x']) {
      const res = await api.raw('customer/list', { auth });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'Unauthorized' });
    }
  });

  it('matches the base path case-insensitively', async () => {
    const res = await api.raw(api.sandbox.url.replace('/api/v3', '/Api/V3') + '/Customer/List');
    expect(res.status).toBe(200);
  });

  it('answers 404 for unknown endpoints and 405 for a wrong verb', async () => {
    expect((await api.get('nothing/here')).status).toBe(404);
    const wrong = await api.post('customer/list');
    expect(wrong.status).toBe(405);
    expect(wrong.body).toMatchObject({ error: 'Method Not Allowed' });
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('answers 406 when the client asks for a non-JSON format, and accepts JSON and wildcards', async () => {
    expect((await api.raw('customer/list', { headers: { Accept: 'application/xml' } })).status).toBe(406);
    for (const accept of ['application/json', 'text/json', '*/*', 'text/html, */*;q=0.8']) {
      expect((await api.raw('customer/list', { headers: { Accept: accept } })).status).toBe(200);
    }
  });

  it('answers 400 for malformed JSON without writing anything', async () => {
    const res = await api.post('customer/send', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect((await api.get('customer/list')).body.recordsTotal).toBe(0);
  });

  it('sends rate and quota headers and answers 429 with the documented body', async () => {
    const first = await limited.get('customer/list');
    expect(first.headers.get('x-ratelimit-limit')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(first.headers.get('x-quota-limit')).toBe('5');
    expect(first.headers.get('x-quota-remaining')).toBe('4');
    await limited.get('customer/list');
    await limited.get('customer/list');
    const over = await limited.get('customer/list');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ error: 'Too Many Requests', message: expect.stringContaining('rate limit') });
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('validates pagination parameters', async () => {
    expect((await api.get('customer/list', { page: 0 })).status).toBe(400);
    expect((await api.get('customer/list', { page: 'x' })).status).toBe(400);
    expect((await api.get('customer/list', { pageSize: 500 })).body.pageSize).toBe(100);
  });
});
