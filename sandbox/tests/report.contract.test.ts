import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import {
  ZBlock,
  ZBlockListItem,
  ZJobReport,
  ZReportTemplate,
  ZReportTemplateListItem,
} from '../../lib/synchroteam/schemas/report';
import { ZPage } from '../../lib/synchroteam/schemas/common';
import { insertSharedBlock } from '../resources/block';
import { insertReportTemplate } from '../resources/reporttemplate';
import { setJobReportValues } from '../resources/jobreport';

describe('report templates, blocks and job reports', () => {
  let api: TestApi;
  let w: World;
  let tpl: any;
  let shared: any;
  beforeAll(async () => {
    api = await startTestApi({ now: () => Date.UTC(2030, 0, 1, 12, 0, 0) });
    w = await setupWorld(api);
    const store = api.sandbox.store;
    shared = insertSharedBlock(store, {
      name: 'Window',
      items: [
        { type: 'numeric', name: 'Width' },
        { type: 'compliance', name: 'Sealed' },
      ],
    });
    insertSharedBlock(store, { name: 'Door', isPublished: false, items: [{ type: 'text', name: 'Notes' }] });
    tpl = insertReportTemplate(store, {
      name: 'Maintenance Report',
      isDefault: true,
      blocks: [
        {
          name: 'Satisfaction Survey',
          isMandatory: true,
          min: 1,
          max: 1,
          items: [
            { type: 'list', name: 'Pick a value', listValues: ['not very', 'somewhat', 'very'] },
            { type: 'date', name: 'Next visit' },
          ],
        },
        { id: shared.id, name: 'Window', isShared: true, min: 0, max: 0 },
      ],
    });
    insertReportTemplate(store, { name: 'Draft template', isPublished: false });
  });
  afterAll(() => api.stop());

  it('details a template with its blocks (shared blocks with their items); lists with numBlocks', async () => {
    const d = await api.get('jobReportTemplate/details', { id: tpl.id });
    const t = ZReportTemplate.parse(d.body);
    expect(t.blocks.map((b) => [b.name, b.isShared, b.min, b.max, b.items.length])).toEqual([
      ['Satisfaction Survey', false, 1, 1, 2],
      ['Window', true, 0, 0, 2],
    ]);
    expect(t.blocks[0].items[0].listValues).toEqual(['not very', 'somewhat', 'very']);
    expect(t.blocks[0].items[1].listValues).toBeNull();
    const l = await api.get('jobReportTemplate/list');
    ZPage(ZReportTemplateListItem).parse(l.body);
    expect(l.body.data.map((x: any) => [x.name, x.numBlocks])).toEqual([
      ['Draft template', 0],
      ['Maintenance Report', 2],
    ]);
    expect(l.body.data[0]).not.toHaveProperty('blocks');
    expect((await api.get('jobReportTemplate/list', { isPublished: false })).body.data.map((x: any) => x.name)).toEqual(
      ['Draft template'],
    );
    expect((await api.get('jobReportTemplate/list', { name: 'Maint*' })).body.recordsTotal).toBe(1);
    expect((await api.get('jobReportTemplate/list', { sortOrder: 'descending', pageSize: 1 })).body).toMatchObject({
      records: 1,
      recordsTotal: 2,
      data: [{ name: 'Maintenance Report' }],
    });
    expect((await api.get('jobReportTemplate/details', { id: 9999 })).status).toBe(404);
    expect((await api.get('jobReportTemplate/details', { id: 'x' })).status).toBe(400);
    expect((await api.get('jobReportTemplate/details')).status).toBe(400);
    expect((await api.get('jobReportTemplate/list', { isPublished: 'perhaps' })).status).toBe(400);
  });

  it('details blocks (shared and template-own) and lists shared blocks with numItems', async () => {
    const b = await api.get('block/details', { id: shared.id });
    expect(ZBlock.parse(b.body)).toMatchObject({ name: 'Window', isShared: true, isPublished: true });
    const own = (await api.get('jobReportTemplate/details', { id: tpl.id })).body.blocks[0];
    const ob = await api.get('block/details', { id: own.id });
    expect(ob.body).toMatchObject({ id: own.id, name: 'Satisfaction Survey', isShared: false });
    const l = await api.get('block/list');
    ZPage(ZBlockListItem).parse(l.body);
    expect(l.body.data.map((x: any) => [x.name, x.numItems, x.isPublished])).toEqual([
      ['Door', 1, false],
      ['Window', 2, true],
    ]);
    expect((await api.get('block/list', { pageSize: 1, page: 2 })).body).toMatchObject({ records: 1, recordsTotal: 2 });
    expect((await api.get('block/details', { id: 77777 })).status).toBe(404);
    expect((await api.get('block/details')).status).toBe(400);
  });

  it('gives a new job the default template’s report and fills the simplified report on creation', async () => {
    const j = await api.post('job/send', {
      customer: { id: w.customer.id },
      myId: 'R-1',
      report: [
        { nmCategory: 'Satisfaction Survey', nmItem: 'Pick a value', value: 'very', iteration: 0 },
        { nmCategory: 'window', nmItem: 'width', value: '1,5', iteration: 1, comment: 'left one', issue: 'resolved' },
      ],
    });
    expect(j.status).toBe(200);
    expect(j.body.reportTemplate).toEqual({ id: tpl.id, name: 'Maintenance Report' });
    const r = await api.get('jobReport/details', { myId: 'R-1' });
    const report = ZJobReport.parse(r.body);
    expect(report.map((b) => [b.name, b.iteration])).toEqual([
      ['Satisfaction Survey', 0],
      ['Window', 0],
      ['Window', 1],
    ]);
    expect(report[0].items[0]).toMatchObject({ value: 'very', comment: '', issue: '-' });
    expect(report[2].items[0]).toMatchObject({ name: 'Width', value: '1.5', comment: 'left one', issue: 'Resolved' });
    expect(report[1].items[0].value).toBe('');
    expect(r.body[0]).not.toHaveProperty('_max');
    expect(
      (await api.get('job/list', { reportChangedSince: '2030-01-01 12:00:00', myId: 'R-1' })).body.recordsTotal,
    ).toBe(1);
    expect(
      (await api.get('job/list', { reportChangedSince: '2030-01-01 12:00:01', myId: 'R-1' })).body.recordsTotal,
    ).toBe(0);
    // on update, report is ignored (documented as creation-only)
    const upd = await api.post('job/send', { myId: 'R-1', report: [{ nmCategory: 'Nope', nmItem: 'x', value: '1' }] });
    expect(upd.status).toBe(200);
  });

  it('refuses a simplified report that does not fit the template, creating nothing', async () => {
    const before = (await api.get('job/list')).body.recordsTotal;
    for (const [item, msg] of [
      [{ nmCategory: 'Nope', nmItem: 'x', value: '1' }, /report\[0\]\.nmCategory/],
      [{ nmCategory: 'Window', nmItem: 'Height', value: '1' }, /report\[0\]\.nmItem/],
      [{ nmCategory: 'Window', nmItem: 'Width', value: 'wide' }, /report\[0\]\.value/],
      [{ nmCategory: 'Satisfaction Survey', nmItem: 'Pick a value', value: 'ecstatic' }, /report\[0\]\.value/],
      [{ nmCategory: 'Satisfaction Survey', nmItem: 'Next visit', value: 'soon' }, /report\[0\]\.value/],
      [
        { nmCategory: 'Satisfaction Survey', nmItem: 'Pick a value', value: 'very', iteration: 1 },
        /report\[0\]\.iteration/,
      ],
      [{ nmCategory: 'Window', nmItem: 'Width', value: '1', iteration: -1 }, /report\[0\]\.iteration/],
      [{ nmCategory: 'Window', nmItem: 'Width', issue: 'Fixed' }, /report\[0\]\.issue/],
      [{ nmItem: 'Width' }, /report\[0\]\.nmCategory/],
    ] as const) {
      const r = await api.post('job/send', { customer: { id: w.customer.id }, report: [item] });
      expect(r.status, JSON.stringify(item)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('job/list')).body.recordsTotal).toBe(before);
  });

  it('rebuilds the report when the template changes; helpers write values for the live clock', async () => {
    const other = insertReportTemplate(api.sandbox.store, {
      name: 'Short',
      blocks: [{ name: 'Only', items: [{ type: 'text', name: 'Note' }] }],
    });
    const j = (await api.post('job/send', { customer: { id: w.customer.id }, myId: 'R-2' })).body;
    const changed = await api.post('job/send', { id: j.id, reportTemplate: { name: 'Short' } });
    expect(changed.body.reportTemplate).toEqual({ id: other.id, name: 'Short' });
    expect(changed.body.report.map((b: any) => b.name)).toEqual(['Only']);
    setJobReportValues(
      api.sandbox.store,
      j.id,
      [{ nmCategory: 'Only', nmItem: 'Note', value: 'all good' }],
      Date.now(),
    );
    expect((await api.get('jobReport/details', { id: j.id })).body[0].items[0].value).toBe('all good');
    expect((await api.get('jobReport/details', { id: 'nope' })).status).toBe(404);
    expect((await api.get('jobReport/details')).status).toBe(400);
  });
});
