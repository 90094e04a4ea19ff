import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, cleanMessage, parseJobNumber } from './input';

describe('job number input', () => {
  it('reads the usual spellings', () => {
    for (const s of ['1042', ' 1042 ', '#1042', '# 1042', 'Job 1042', 'no. 1042', 'N° 1042', '1 042'])
      expect(parseJobNumber(s), s).toBe(1042);
    expect(parseJobNumber(1042)).toBe(1042);
  });

  it('refuses anything else', () => {
    for (const s of ['', 'abc', '10a42', '0', '-5', '1.5', '12345678901', '1042; DROP', null, undefined, {}])
      expect(parseJobNumber(s), String(s)).toBeNull();
  });
});

describe('message input', () => {
  it('keeps lines, drops control and direction characters, trims', () => {
    expect(cleanMessage('  Hello\r\nthe gate code is 1234\u0007  ')).toEqual({
      ok: true,
      text: 'Hello\nthe gate code is 1234',
    });
    expect(cleanMessage('a\n\n\n\n\nb')).toEqual({ ok: true, text: 'a\n\nb' });
    expect(cleanMessage('abc\u202edef')).toEqual({ ok: true, text: 'abcdef' });
  });

  it('refuses empty and overlong messages', () => {
    expect(cleanMessage('   \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(cleanMessage(42)).toEqual({ ok: false, reason: 'empty' });
    expect(cleanMessage('x'.repeat(MAX_MESSAGE_LENGTH)).ok).toBe(true);
    expect(cleanMessage('x'.repeat(MAX_MESSAGE_LENGTH + 1))).toEqual({ ok: false, reason: 'long' });
  });
});
