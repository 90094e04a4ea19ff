import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../db';
import { deriveAccessCodeKey } from '../../track/access-code';
import { codeGeneration, currentAccessCode, displayAccessCode, rotateAccessCode } from './access-codes';

const key = deriveAccessCodeKey('test-secret-0123456789abcdef0123456789abcdef');
let db: AppDb;
beforeEach(() => {
  db = openAppDb(':memory:');
});

describe('job access codes (server side)', () => {
  it('every job number has a code without any row; revoking moves that job, and only it, to a new code', () => {
    expect(codeGeneration(1042, db)).toBe(0);
    const before = currentAccessCode(1042, db, key);
    const other = currentAccessCode(1043, db, key);
    expect(displayAccessCode(1042, db, key)).toBe(`${before.slice(0, 4)}-${before.slice(4)}`);

    expect(rotateAccessCode(1042, 'dispatch@example.test', Date.now(), db)).toBe(1);
    expect(currentAccessCode(1042, db, key)).not.toBe(before);
    expect(currentAccessCode(1043, db, key)).toBe(other);
    expect(rotateAccessCode(1042, 'dispatch@example.test', Date.now(), db)).toBe(2);
    expect(codeGeneration(1042, db)).toBe(2);
  });
});
