/**
 * Attachments. Readings under test (see sandbox/resources/attachment.ts): files kept in the database and served at
 * `<base>/files/<id>/<token>` without credentials (wrong token → 404) with Content-Type and Content-Disposition;
 * external links need url and name; size limit → 413 naming fileData; every list filter; delete for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZAttachment } from '../../lib/synchroteam/schemas/attachment';
import { ZPage } from '../../lib/synchroteam/schemas/common';
import { MAX_FILE_BYTES } from '../resources/attachment';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('attachments', () => {
  let api: TestApi;
  let cust: any, site: any, equip: any, job: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'C-A', name: 'Attach Co' })).body;
    site = (await api.post('site/send', { myId: 'S-A', name: 'Attach Site', customer: { id: cust.id } })).body;
    equip = (await api.post('equipment/send', { myId: 'E-A', name: 'Attach Heater', site: { id: site.id } })).body;
    job = api.sandbox.store.collection('job').insert({ num: 587, myId: 'jb-4567-89', status: 'created' });
  });
  afterAll(() => api.stop());

  it('stores a file and serves it back without credentials', async () => {
    const csv = 'a,b\n1,2\n';
    const r = await api.post('attachment/create', {
      isPrivate: true,
      equipment: { id: equip.id, myId: 'E-A' },
      fileName: 'data5 é.csv',
      fileData: b64(csv),
    });
    expect(r.status).toBe(200);
    ZAttachment.parse(r.body);
    expect(r.body).toMatchObject({
      name: 'data5 é.csv',
      isPrivate: true,
      isExternalLink: false,
      job: null,
      customer: null,
      site: null,
      equipment: { id: equip.id, myId: 'E-A', name: 'Attach Heater' },
    });
    expect(r.body.url).toMatch(new RegExp(`^${api.sandbox.url}/files/${r.body.id}/[A-Za-z0-9_-]{20,}$`));
    const dl = await api.raw(r.body.url, { auth: null });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(dl.headers.get('content-disposition')).toBe(
      `attachment; filename="data5 _.csv"; filename*=UTF-8''data5%20%C3%A9.csv`,
    );
    expect(await dl.text()).toBe(csv);

    const wrong = await api.raw(r.body.url.replace(/[^/]+$/, 'x'.repeat(24)), { auth: null });
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).error).toBe('Not Found');
    expect((await api.raw(`${api.sandbox.url}/files/999/abc`, { auth: null })).status).toBe(404);
    expect((await api.raw(`${api.sandbox.url}/files/nope`, { auth: null })).status).toBe(404);
  });

  it('keeps binary files intact and takes the type from a data URL', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 128, 10, 13]);
    const r = await api.post('attachment/create', {
      name: 'Photo',
      job: { num: 587 },
      fileName: 'photo',
      fileData: `data:image/png;base64,${b64(bytes)}`,
    });
    expect(r.body.job).toEqual({ id: job.id, myId: 'jb-4567-89', num: '587' });
    expect(r.body.name).toBe('Photo');
    const dl = await api.raw(r.body.url, { auth: null });
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('creates an external link', async () => {
    const r = await api.post('attachment/create', {
      name: 'Sample External Link',
      isExternalLink: true,
      site: { myId: 'S-A' },
      url: 'https://externalsite.com',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      url: 'https://externalsite.com',
      isExternalLink: true,
      isPrivate: false,
      site: { id: site.id, myId: 'S-A', name: 'Attach Site' },
    });
    expect((await api.raw(`${api.sandbox.url}/files/${r.body.id}/x`, { auth: null })).status).toBe(404);
    const general = await api.post('attachment/create', { fileName: 'global.txt', fileData: b64('hi') });
    expect(general.body).toMatchObject({ job: null, customer: null, site: null, equipment: null });
  });

  it('refuses bad input with a 400 naming the field and stores nothing', async () => {
    const before = (await api.get('attachment/list')).body.recordsTotal;
    const cases: [unknown, RegExp][] = [
      [{ fileData: b64('x') }, /fileName/],
      [{ fileName: 'a.txt' }, /fileData/],
      [{ fileName: 'a.txt', fileData: '' }, /fileData/],
      [{ fileName: 'a.txt', fileData: 'not base64!' }, /fileData/],
      [{ fileName: 'a.txt', fileData: 12 }, /fileData/],
      [{ fileName: '../a.txt', fileData: b64('x') }, /fileName/],
      [{ isExternalLink: true, name: 'x' }, /url/],
      [{ isExternalLink: true, name: 'x', url: 'not a url' }, /url/],
      [{ isExternalLink: true, name: 'x', url: 'ftp://files.test/a' }, /url/],
      [{ isExternalLink: true, url: 'https://a.test' }, /name/],
      [{ fileName: 'a.txt', fileData: b64('x'), customer: { id: 98765 } }, /customer/],
      [{ fileName: 'a.txt', fileData: b64('x'), job: { num: 1 } }, /job/],
      [{ fileName: 'a.txt', fileData: b64('x'), isPrivate: 'maybe' }, /isPrivate/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('attachment/create', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('attachment/list')).body.recordsTotal).toBe(before);
    expect(api.sandbox.store.collection('attachmentfile').count()).toBe(3);
  });

  it('refuses a file above the size limit with 413', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 3, 7).toString('base64');
    const r = await api.post('attachment/create', { fileName: 'big.bin', fileData: big });
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/fileData.*MB/);
  });

  it('lists with every filter and sort', async () => {
    await api.post('attachment/create', {
      name: 'Cust doc',
      customer: { id: cust.id },
      fileName: 'c.pdf',
      fileData: b64('%PDF'),
    });
    await api.post('attachment/create', {
      name: 'Job doc',
      job: { myId: 'jb-4567-89' },
      customer: { myId: 'C-A' },
      fileName: 'j.pdf',
      fileData: b64('%PDF'),
    });
    const all = await api.get('attachment/list');
    ZPage(ZAttachment).parse(all.body);
    const ids = all.body.data.map((a: any) => a.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    const count = async (q: Record<string, string | number>) => (await api.get('attachment/list', q)).body.recordsTotal;
    expect(await count({ customer_id: cust.id })).toBe(2);
    expect(await count({ customer_myId: 'C-A' })).toBe(2);
    expect(await count({ site_id: site.id })).toBe(1);
    expect(await count({ site_myId: 'S-A' })).toBe(1);
    expect(await count({ equipment_id: equip.id })).toBe(1);
    expect(await count({ equipment_myId: 'E-A' })).toBe(1);
    expect(await count({ job_id: job.id })).toBe(2);
    expect(await count({ job_myId: 'jb-4567-89' })).toBe(2);
    expect(await count({ job_num: 587 })).toBe(2);
    expect(await count({ job_num: 587, customer_id: cust.id })).toBe(1);
    expect(await count({ name: 'doc' })).toBe(2);
    expect(await count({ name: 'Job*' })).toBe(1);
    const byName = await api.get('attachment/list', { sort: 'name', sortOrder: 'descending' });
    expect(byName.body.data[0].name).toBe('Sample External Link');
    expect((await api.get('attachment/list', { sort: 'size' })).status).toBe(400);
    expect((await api.get('attachment/list', { customer_id: 'x' })).status).toBe(400);
    expect((await api.get('attachment/list', { pageSize: 2, page: 2 })).body.records).toBe(2);
  });

  it('deletes an attachment and its file for good', async () => {
    const a = (await api.post('attachment/create', { fileName: 'bye.txt', fileData: b64('bye') })).body;
    const files = api.sandbox.store.collection('attachmentfile').count();
    expect((await api.del('attachment/delete', { id: a.id })).body).toEqual([{ id: a.id, deleted: true }]);
    expect(api.sandbox.store.collection('attachmentfile').count()).toBe(files - 1);
    expect((await api.raw(a.url, { auth: null })).status).toBe(404);
    expect((await api.del('attachment/delete', { id: a.id })).status).toBe(404);
    expect((await api.del('attachment/delete')).status).toBe(400);
    expect((await api.get('attachment/create')).status).toBe(405);
  });
});
