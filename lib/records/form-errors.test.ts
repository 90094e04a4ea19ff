import { describe, expect, it } from 'vitest';
import { ApiError } from '../synchroteam/errors';
import { fieldMessage, formErrorFor, formPathOf } from './form-errors';

const ctx = {
  fields: ['name', 'myId', 'contactEmail', 'addressStreet', 'customer', 'position', 'custom'],
  customDefs: [{ id: 4, label: 'Segment' }],
};
const api = (status: number, message: string) => ApiError.fromResponse(status, { error: 'Bad Request', message });

describe('server errors next to their field', () => {
  it('puts a duplicate myId next to myId', () => {
    expect(formErrorFor(api(400, "Field 'myId': another customer already uses myId 'X1'"), ctx)).toEqual({
      field: 'myId',
      message: "Another customer already uses myId 'X1'",
    });
  });

  it('maps custom field labels, positions, addresses and unknown references', () => {
    expect(formErrorFor(api(400, "Custom field 'Segment' must be one of A, B"), ctx).field).toBe('custom.cf4');
    expect(formErrorFor(api(400, "Field 'position.longitude' must be between -180 and 180"), ctx).field).toBe(
      'position.longitude',
    );
    expect(formPathOf('address', ctx)).toBe('addressStreet');
    expect(formErrorFor(api(400, 'Unknown customer (id=99)'), ctx)).toEqual({
      field: 'customer',
      message: 'This customer no longer exists in Synchroteam (deleted since it was picked?): pick another.',
    });
    expect(formErrorFor(api(400, "Field 'name' is required"), ctx)).toEqual({
      field: 'name',
      message: "Field 'name' is required",
    });
  });

  it('keeps unnamed or foreign fields at the form level', () => {
    expect(formErrorFor(api(400, 'Unknown customer custom field (id=3)'), ctx)).toEqual({
      field: null,
      message: 'Unknown customer custom field (id=3)',
    });
    expect(formErrorFor(api(400, "Field 'vatNumber' is too long"), ctx).field).toBeNull();
  });

  it('explains server failures and offline errors in plain language', () => {
    expect(formErrorFor(api(502, 'upstream broke'), ctx)).toEqual({
      field: null,
      message: expect.stringMatching(/nothing you entered is lost/i),
    });
    expect(formErrorFor(new TypeError('Failed to fetch'), ctx).field).toBeNull();
    expect(formErrorFor(api(403, 'nope'), ctx).message).toMatch(/not allowed/i);
  });

  it('strips only a "Field \'x\':" prefix', () => {
    expect(fieldMessage("Field 'x': bad value")).toBe('Bad value');
    expect(fieldMessage('must be a number')).toBe('Must be a number');
  });
});

describe('a save that timed out', () => {
  it('is not called "not saved": it may have been, and the form offers to check', () => {
    const t = formErrorFor(
      new ApiError({ status: 504, error: 'Gateway Timeout', detail: 'The change may or may not have been saved' }),
      { fields: ['name'] },
    );
    expect(t).toEqual({
      field: null,
      mayHaveSaved: true,
      message: expect.stringMatching(/may have been saved.*Check the record/),
    });
    expect(formErrorFor(new ApiError({ status: 502 }), { fields: ['name'] }).mayHaveSaved).toBeUndefined();
  });
});
