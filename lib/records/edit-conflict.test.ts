import { describe, expect, it } from 'vitest';
import { editConflicts, fieldLabel, valueText } from './edit-conflict';

const opened = {
  id: 5,
  name: 'Reichert Brewing',
  contactEmail: 'a@x.test',
  phone: '',
  tags: ['vip'],
  customFieldValues: [
    { id: 1, label: 'Segment', value: 'Retail' },
    { id: 2, label: 'Lead source', value: 'Web' },
  ],
  dateModified: '2026-12-01 10:00',
};

describe('edit conflicts', () => {
  it('lists a field both people changed, with their value and mine', () => {
    const latest = { ...opened, contactEmail: 'b@x.test', dateModified: '2026-12-01 10:05' };
    expect(editConflicts({ id: 5, contactEmail: 'c@x.test' }, opened, latest)).toEqual([
      { label: 'Contact email', theirs: 'b@x.test', mine: 'c@x.test' },
    ]);
  });

  it('keeps quiet about their change to a field this save leaves alone, and about the same value on both sides', () => {
    const latest = {
      ...opened,
      name: 'Reichert Brewing Co',
      contactEmail: 'c@x.test',
      dateModified: '2026-12-01 10:05',
    };
    expect(editConflicts({ id: 5, phone: '555' }, opened, latest)).toEqual([]);
    expect(editConflicts({ id: 5, contactEmail: 'c@x.test' }, opened, latest)).toEqual([]);
  });

  it('treats empty, null and missing alike, and clearing a field they filled is a conflict', () => {
    expect(editConflicts({ id: 5, phone: null }, opened, { ...opened, phone: null })).toEqual([]);
    expect(editConflicts({ id: 5, phone: null }, { ...opened, phone: '1' }, { ...opened, phone: '2' })).toEqual([
      { label: 'Phone', theirs: '2', mine: '(empty)' },
    ]);
  });

  it('compares custom fields one by one, and lists and tags as text', () => {
    const latest = {
      ...opened,
      tags: ['vip', 'north'],
      customFieldValues: [
        { id: 1, label: 'Segment', value: 'Wholesale' },
        { id: 2, label: 'Lead source', value: 'Web' },
      ],
    };
    expect(
      editConflicts({ id: 5, customFieldValues: [{ id: 2, label: 'Lead source', value: 'Phone' }] }, opened, latest),
    ).toEqual([]);
    expect(
      editConflicts(
        { id: 5, customFieldValues: [{ id: 1, label: 'Segment', value: 'Online' }], tags: ['x'] },
        opened,
        latest,
      ),
    ).toEqual([
      { label: 'Custom field Segment', theirs: 'Wholesale', mine: 'Online' },
      { label: 'Tags', theirs: 'vip, north', mine: 'x' },
    ]);
  });

  it('compares references by id and groups of fields one by one (a job save)', () => {
    const job = {
      id: 'j1',
      customer: { id: 3, name: 'Acme' },
      preferences: { team: { id: 1, name: 'North' }, isPool: false, date: null },
    };
    const latest = {
      ...job,
      customer: { id: 4, name: 'Bolt Ltd' },
      preferences: { ...job.preferences, team: { id: 2, name: 'South' }, date: '2026-12-09' },
    };
    // Same customer id as theirs: no conflict; their team against mine: one, by name.
    expect(
      editConflicts({ customer: { id: 4 }, preferences: { team: { id: 1 }, isPool: false, date: null } }, job, latest),
    ).toEqual([
      { label: 'Preferences: team', theirs: 'South', mine: '#1' },
      { label: 'Preferences: date', theirs: '2026-12-09', mine: '(empty)' },
    ]);
    expect(editConflicts({ customer: { id: 3 }, preferences: { isPool: false } }, job, latest)).toEqual([
      { label: 'Customer', theirs: 'Bolt Ltd', mine: '#3' },
    ]);
    expect(editConflicts({ customer: { id: 3 } }, job, { ...job })).toEqual([]);
  });

  it('names fields and values in plain words', () => {
    expect(fieldLabel('contactEmail')).toBe('Contact email');
    expect(fieldLabel('addressZIP')).toBe('Address ZIP');
    expect(fieldLabel('name')).toBe('Name');
    expect(valueText({ latitude: '41.9', longitude: '-87.6' })).toBe('41.9, -87.6');
    expect(valueText([])).toBe('(empty)');
  });
});
