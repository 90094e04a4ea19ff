import { describe, expect, it } from 'vitest';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_FR } from './messages-fr';
import { fill, messagesFor, negotiateLanguage, parseAcceptLanguage, retryText } from './i18n';

describe('language negotiation', () => {
  it('follows the browser preference order and q values', () => {
    expect(negotiateLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toEqual({ lang: 'fr', formatLocale: 'fr-FR' });
    expect(negotiateLanguage('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toEqual({ lang: 'fr', formatLocale: 'fr-FR' });
    expect(negotiateLanguage('en;q=0.5,fr;q=0.6')).toEqual({ lang: 'fr', formatLocale: 'fr-FR' });
    expect(negotiateLanguage('fr-ca')).toEqual({ lang: 'fr', formatLocale: 'fr-CA' });
    expect(negotiateLanguage('en-GB,en;q=0.9')).toEqual({ lang: 'en', formatLocale: 'en-GB' });
  });

  it('falls back to English for other languages, junk and no header', () => {
    expect(negotiateLanguage('de-DE,es;q=0.5')).toEqual({ lang: 'en', formatLocale: 'en-US' });
    expect(negotiateLanguage(undefined).lang).toBe('en');
    expect(negotiateLanguage('').lang).toBe('en');
    expect(negotiateLanguage('*').lang).toBe('en');
    expect(negotiateLanguage('fr;q=0, en').lang).toBe('en');
    expect(negotiateLanguage('<script>,fr').lang).toBe('fr');
  });

  it('parses the header', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
  });
});

describe('catalogues', () => {
  it('have the same keys and placeholders in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    expect(Object.keys(MESSAGES_FR).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    for (const k of Object.keys(MESSAGES_EN) as (keyof typeof MESSAGES_EN)[]) {
      expect(placeholders(MESSAGES_FR[k]), k).toBe(placeholders(MESSAGES_EN[k]));
      expect(MESSAGES_FR[k].trim(), k).not.toBe('');
    }
  });

  it('fill placeholders and say minutes with the right plural', () => {
    expect(fill('Job {number}', { number: 1042 })).toBe('Job 1042');
    expect(fill('{x} stays', {})).toBe('{x} stays');
    expect(retryText(messagesFor('en'), 30)).toBe('Try again in 1 minute.');
    expect(retryText(messagesFor('en'), 61)).toBe('Try again in 2 minutes.');
    expect(retryText(messagesFor('fr'), 900)).toBe('Réessayez dans 15 minutes.');
  });
});
