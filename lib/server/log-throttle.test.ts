import { describe, expect, it } from 'vitest';
import { createLogThrottle } from './log-throttle';

describe('createLogThrottle', () => {
  it('writes one line per key per interval and counts what it held back', () => {
    let t = 0;
    const lines: string[] = [];
    const th = createLogThrottle({ intervalMs: 60_000, now: () => t, write: (l) => lines.push(l) });
    expect(th.log('bad-cookie|1.2.3.4', 'bad cookie')).toBe(true);
    for (let i = 0; i < 50; i++) th.log('bad-cookie|1.2.3.4', 'bad cookie');
    // another client is its own key
    th.log('bad-cookie|5.6.7.8', 'bad cookie other');
    expect(lines).toEqual(['bad cookie', 'bad cookie other']);
    t = 59_999;
    th.log('bad-cookie|1.2.3.4', 'bad cookie');
    expect(lines).toHaveLength(2);
    t = 60_000;
    th.log('bad-cookie|1.2.3.4', 'bad cookie');
    expect(lines[2]).toBe('bad cookie (51 more like it held back)');
  });

  it('keeps a line on one line', () => {
    const lines: string[] = [];
    const th = createLogThrottle({ write: (l) => lines.push(l) });
    th.log('k', 'first\nat stack frame\r\n  at another');
    expect(lines).toEqual(['first at stack frame at another']);
  });
});
