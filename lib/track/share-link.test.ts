import { describe, expect, it } from 'vitest';
import { contactAddress, formatLinkExpiry, mailtoHref, trackingEmail } from './share-link';

describe('tracking link sharing', () => {
  it('formats the expiry as the account wall clock, in words', () => {
    expect(formatLinkExpiry('2026-05-21 15:04:00')).toBe('Thursday, May 21, 2026 at 3:04 PM');
    expect(formatLinkExpiry('2026-11-01 01:30:00')).toBe('Sunday, November 1, 2026 at 1:30 AM');
  });

  it('accepts one plausible address only', () => {
    expect(contactAddress('  paul@hamilton.test ')).toBe('paul@hamilton.test');
    for (const bad of [null, undefined, '', 'paul', 'a@b', 'a@b.c, d@e.f', 'a b@c.d', '<a@b.c>'])
      expect(contactAddress(bad)).toBeNull();
  });

  it('writes a plain email naming the job, the link and its expiry', () => {
    const e = trackingEmail({
      url: 'https://x.test/track/abc',
      jobNum: 1042,
      accessCode: '7K3Q-M9XZ',
      lookupUrl: 'https://x.test/track',
      firstName: ' Paul ',
      expires: 'Thursday, May 21, 2026 at 3:04 PM',
      company: 'Windy City',
    });
    expect(e.subject).toBe('Windy City: follow your service visit (job 1042)');
    expect(e.body.split('\r\n')[0]).toBe('Hello Paul,');
    expect(e.body).toContain('\r\nhttps://x.test/track/abc\r\n');
    expect(e.body).toContain('until Thursday, May 21, 2026 at 3:04 PM');
    expect(e.body).toContain(
      'look your job up at https://x.test/track with job number 1042 and access code 7K3Q-M9XZ.',
    );
    expect(
      trackingEmail({
        url: 'u',
        jobNum: 1,
        accessCode: 'A',
        lookupUrl: 'l',
        firstName: null,
        expires: 'x',
        company: 'C',
      }).body.startsWith('Hello,\r\n'),
    ).toBe(true);
  });

  it('encodes the mailto link so the subject and body survive', () => {
    const href = mailtoHref('o+k@x.test', 'A & B? #1', 'line 1\r\nline 2 https://x.test/track/a_b-c');
    expect(href.startsWith('mailto:o%2Bk@x.test?subject=')).toBe(true);
    const u = new URL(href);
    expect(u.searchParams.get('subject')).toBe('A & B? #1');
    expect(u.searchParams.get('body')).toBe('line 1\r\nline 2 https://x.test/track/a_b-c');
  });
});
